/**
 * The monthly quality report of one aanbieder as one self-contained HTML page: no scripts, no
 * external files, a style sheet with print rules so that "print to PDF" gives a tidy A4 document.
 * It takes figures only (codes, counts, shares): the type below has no field that could carry a
 * BSN, a name, a birth date or an address.
 */
import { createHash } from 'node:crypto';
import { monthLabel } from './months.js';

export interface CodeCount {
  readonly code: string;
  /** The official meaning of a retourcode, our text of a rule; '' when unknown. */
  readonly betekenis: string;
  readonly aantal: number;
}

export interface MonthFigures {
  readonly maand: string;
  readonly berichten: number;
  readonly eersteKeerGoed: number;
  readonly defecten: number;
}

export interface DeadlineFigures {
  readonly soort: string;
  readonly opTijd: number;
  readonly teLaat: number;
  readonly open: number;
}

export interface ReportFigures {
  readonly aanbieder: { readonly agb: string; readonly naam: string };
  /** 'YYYY-MM'. */
  readonly maand: string;
  /** ISO timestamp of the making. */
  readonly gemaakt: string;
  /** This month and the ones before it, oldest first; the last entry is `maand`. */
  readonly verloop: readonly MonthFigures[];
  readonly perType: readonly CodeCount[];
  readonly perRegel: readonly CodeCount[];
  readonly perRetourcode: readonly CodeCount[];
  readonly termijnen: readonly DeadlineFigures[];
}

/** Explained in the report next to each deadline kind. */
const SOORT_TEXT: Readonly<Record<string, string>> = {
  retour: 'Retourbericht binnen 3 werkdagen na het heenbericht',
  antwoord: 'Antwoord (JW301 of JW319) op een verzoek binnen 5 werkdagen',
  startstop: 'Start- of stopbericht binnen 5 werkdagen na de start of het einde van de zorg',
  'declaratie-antwoord': 'Antwoord op een declaratie binnen 10 werkdagen',
  woonplaats: 'Afwijzing op het woonplaatsbeginsel binnen 2 weken',
};

export const REPORT_CSS = `
  :root { font-family: "DejaVu Sans", "Noto Sans", system-ui, sans-serif; color: #1b1f24; }
  body { margin: 2rem auto; max-width: 52rem; padding: 0 1rem; font-size: 10.5pt; line-height: 1.4; }
  h1 { font-size: 16pt; margin: 0 0 0.25rem; color: #1f5f8b; }
  h2 { font-size: 12pt; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #d6dae0; padding-bottom: 0.2rem; }
  .sub { color: #5b6470; margin: 0 0 1rem; }
  .kerncijfers { display: flex; gap: 1rem; flex-wrap: wrap; }
  .kerncijfer { flex: 1 1 10rem; border: 1px solid #d6dae0; border-radius: 4px; padding: 0.5rem 0.75rem; }
  .kerncijfer strong { display: block; font-size: 16pt; }
  table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 0.5rem; }
  th, td { text-align: left; padding: 0.25rem 0.4rem; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
  th { background: #f5f7fa; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .code { font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
  .leeg { color: #5b6470; font-style: italic; }
  svg.balk { vertical-align: middle; }
  footer { margin-top: 2rem; color: #5b6470; font-size: 9pt; }
  @page { size: A4; margin: 15mm 14mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    h2 { break-after: avoid; }
    table, .kerncijfers { break-inside: avoid; }
    tr { break-inside: avoid; }
  }
`;

/** The report has no scripts; its one inline style block is allowed by its hash, nothing else is. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NUMBER = new Intl.NumberFormat('nl-NL');
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function share(part: number, whole: number): string {
  return whole === 0 ? '–' : PERCENT.format(part / whole);
}

/** A horizontal bar as SVG attributes, not inline CSS, so the page needs no 'unsafe-inline'. */
function bar(value: number, max: number, colour: string): string {
  const width = max <= 0 ? 0 : Math.round((value / max) * 120);
  return `<svg class="balk" width="120" height="10" role="img" aria-hidden="true"><rect width="120" height="10" fill="#eef1f4"/><rect width="${width}" height="10" fill="${colour}"/></svg>`;
}

function codeTable(title: string, column: string, rows: readonly CodeCount[], colour: string, withMeaning = true): string {
  if (rows.length === 0) return `<h2>${escapeHtml(title)}</h2><p class="leeg">Geen in deze maand.</p>`;
  const max = Math.max(...rows.map((r) => r.aantal));
  const body = rows
    .map(
      (r) =>
        `<tr><td class="code">${escapeHtml(r.code)}</td>${withMeaning ? `<td>${escapeHtml(r.betekenis)}</td>` : ''}` +
        `<td class="num">${NUMBER.format(r.aantal)}</td><td>${bar(r.aantal, max, colour)}</td></tr>`,
    )
    .join('\n');
  return (
    `<h2>${escapeHtml(title)}</h2><table><thead><tr><th>${escapeHtml(column)}</th>${withMeaning ? '<th>Betekenis</th>' : ''}` +
    `<th class="num">Aantal</th><th></th></tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

function trendTable(months: readonly MonthFigures[]): string {
  const body = months
    .map(
      (m) =>
        `<tr><td>${escapeHtml(monthLabel(m.maand))}</td><td class="num">${NUMBER.format(m.berichten)}</td>` +
        `<td class="num">${share(m.eersteKeerGoed, m.berichten)}</td>` +
        `<td>${bar(m.eersteKeerGoed, m.berichten, '#2e7d32')}</td><td class="num">${NUMBER.format(m.defecten)}</td></tr>`,
    )
    .join('\n');
  return (
    '<h2>Verloop</h2><table><thead><tr><th>Maand</th><th class="num">Berichten</th><th class="num">Eerste keer goed</th><th></th>' +
    `<th class="num">Defecten</th></tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

function deadlineTable(rows: readonly DeadlineFigures[]): string {
  if (rows.length === 0) return '<h2>Termijnen</h2><p class="leeg">Geen termijnen voor u in deze maand.</p>';
  const body = rows
    .map((r) => {
      const decided = r.opTijd + r.teLaat;
      return (
        `<tr><td>${escapeHtml(SOORT_TEXT[r.soort] ?? r.soort)}</td><td class="num">${NUMBER.format(r.opTijd)}</td>` +
        `<td class="num">${NUMBER.format(r.teLaat)}</td><td class="num">${NUMBER.format(r.open)}</td>` +
        `<td class="num">${share(r.opTijd, decided)}</td><td>${bar(r.opTijd, decided, '#2e7d32')}</td></tr>`
      );
    })
    .join('\n');
  return (
    '<h2>Termijnen</h2><p class="sub">Termijnen waarin u moest antwoorden of melden en die in deze maand afliepen.</p>' +
    '<table><thead><tr><th>Termijn</th><th class="num">Op tijd</th><th class="num">Te laat</th><th class="num">Nog open</th>' +
    `<th class="num">Op tijd (van beslist)</th><th></th></tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

export function renderReport(r: ReportFigures): string {
  const current = r.verloop[r.verloop.length - 1] ?? { maand: r.maand, berichten: 0, eersteKeerGoed: 0, defecten: 0 };
  const title = `Kwaliteitsrapport berichtenverkeer ${monthLabel(r.maand)}`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(r.aanbieder.naam)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(r.aanbieder.naam)} · AGB-code <span class="code">${escapeHtml(r.aanbieder.agb)}</span></p>
<div class="kerncijfers">
  <div class="kerncijfer">Verstuurde berichten<strong data-cijfer="berichten">${NUMBER.format(current.berichten)}</strong></div>
  <div class="kerncijfer">Eerste keer goed<strong data-cijfer="eerste-keer-goed">${NUMBER.format(current.eersteKeerGoed)}</strong></div>
  <div class="kerncijfer">Aandeel eerste keer goed<strong data-cijfer="aandeel">${share(current.eersteKeerGoed, current.berichten)}</strong></div>
  <div class="kerncijfer">Defecten<strong data-cijfer="defecten">${NUMBER.format(current.defecten)}</strong></div>
</div>
<p class="sub">Eerste keer goed: aangenomen zonder enige fout. Een defect is één fout in een bericht; één bericht kan er meer hebben.</p>
${trendTable(r.verloop)}
${codeTable('Defecten per berichttype', 'Berichttype', r.perType, '#1f5f8b', false)}
${codeTable('Defecten per regel', 'Regel', r.perRegel, '#e08a00')}
${codeTable('Defecten per retourcode', 'Retourcode', r.perRetourcode, '#c62828')}
${deadlineTable(r.termijnen)}
<footer>
  Gemaakt op ${escapeHtml(MOMENT.format(new Date(r.gemaakt)))} door ijw-gateway. Dit rapport bevat alleen aantallen per code,
  geen persoonsgegevens. De berichten achter de aantallen staan in het dashboard van de gateway (/dashboard/).
</footer>
</body>
</html>
`;
}
