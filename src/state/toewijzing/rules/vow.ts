/**
 * A verzoek om wijziging (JW317) against the client's toewijzingen: it lists every current
 * toewijzing (TR349), only current ones (TR350, TR351), changes from the original start when the
 * change is not in the future (TR357) or concerns a budget or a total (TR373), and stacks no
 * product over a toewijzing it keeps or changes (TR361).
 */
import type { CDT_Product } from '../../../standard/types.generated.js';
import { stackedSpells, type Spell } from '../../../validate/rules/product/support.js';
import type { At, Jw317Facts, WijzigingFact } from '../../facts.js';
import { defineCrossRule, type CrossReporter } from '../../rule.js';
import { isDeleted } from '../current.js';
import { known, vowView, type KnownLine, type VowLine } from '../vow.js';

export const TR349 = defineCrossRule(
  {
    code: 'TR349',
    kind: 'TR',
    retourcode: '9349',
    nl: 'Het verzoek om wijziging noemt niet alle actuele toewijzingen van de cliënt als ongewijzigd of te wijzigen product.',
    en: "A VOW lists every toewijzing of the client current on its Dagtekening (not deleted, not ended before it) as OngewijzigdProduct or TeWijzigenProduct.",
  },
  {
    JW317: (facts, r) => {
      const view = vowView(facts, r);
      const listed = new Set(view.lines.map((l) => l.nummer));
      const missing = view.clientCurrent.filter((t) => !listed.has(t.nummer)).map((t) => t.nummer);
      if (missing.length > 0) r.report(facts.verzoek, `Missing current ToewijzingNummer(s): ${missing.join(', ')}.`);
    },
  },
);

/** Why a listed toewijzing is not a current one of this aanbieder, or undefined when it is. */
function notCurrent(l: VowLine, date: string): string | undefined {
  if (l.current) return undefined;
  const t = l.toewijzing;
  if (t === undefined) return `ToewijzingNummer ${l.nummer} names no toewijzing of this gemeente to this aanbieder.`;
  if (isDeleted(t)) return `ToewijzingNummer ${l.nummer} was deleted.`;
  return `ToewijzingNummer ${l.nummer} ended on ${t.einddatum ?? '?'}, before the Dagtekening ${date}.`;
}

function checkCurrent(kind: VowLine['kind']) {
  return (facts: Jw317Facts, r: CrossReporter): void => {
    const view = vowView(facts, r);
    for (const l of view.lines) {
      if (l.kind !== kind) continue;
      const why = notCurrent(l, view.date);
      if (why !== undefined) r.report(l.at, why);
    }
  };
}

export const TR350 = defineCrossRule(
  {
    code: 'TR350',
    kind: 'TR',
    retourcode: '9350',
    nl: 'Het ongewijzigde product verwijst niet naar een actuele toewijzing.',
    en: 'Every OngewijzigdProduct names, by ToewijzingNummer, a current toewijzing of this gemeente to this aanbieder.',
  },
  { JW317: checkCurrent('OngewijzigdProduct') },
);

export const TR351 = defineCrossRule(
  {
    code: 'TR351',
    kind: 'TR',
    retourcode: '9351',
    nl: 'Het te wijzigen product verwijst niet naar een actuele toewijzing.',
    en: 'Every TeWijzigenProduct names, by ToewijzingNummer, a current toewijzing of this gemeente to this aanbieder.',
  },
  { JW317: checkCurrent('TeWijzigenProduct') },
);

type Change = KnownLine & { readonly wijziging: WijzigingFact };

/** The TeWijzigenProduct lines whose toewijzing is known (unknown or deleted ones are TR351's). */
function changes(facts: Jw317Facts, r: CrossReporter): Change[] {
  return vowView(facts, r).lines.filter((l): l is Change => l.wijziging !== null && known(l));
}

export const TR357 = defineCrossRule(
  {
    code: 'TR357',
    kind: 'TR',
    retourcode: '9357',
    nl: 'Een wijziging die niet in de toekomst ingaat, geldt voor de hele looptijd: de gewenste ingangsdatum is dan die van de oorspronkelijke toewijzing.',
    en: 'A GewensteIngangsdatum on or before the Dagtekening must equal the Ingangsdatum of the toewijzing being changed.',
  },
  {
    JW317: (facts, r) => {
      for (const line of changes(facts, r)) {
        const t = line.toewijzing;
        const wanted = line.wijziging.gewensteIngangsdatum;
        if (wanted <= facts.header.dagtekening && wanted !== t.ingangsdatum) {
          r.report(line.at, `GewensteIngangsdatum ${wanted} is not after the Dagtekening and differs from the Ingangsdatum ${t.ingangsdatum} of ToewijzingNummer ${t.nummer}.`);
        }
      }
    },
  },
);

/**
 * A budget change: the line asks for a Budget other than the toewijzing's. A change of the total:
 * the toewijzing's Frequentie is 6 (total within its period) and the line asks for another Omvang.
 * An end-date-only change of either kind leaves the start free (TR357 still applies).
 */
export const TR373 = defineCrossRule(
  {
    code: 'TR373',
    kind: 'TR',
    retourcode: '9373',
    nl: 'Een wijziging van het budget of van het totaal binnen de looptijd geldt voor de hele toewijzing: de gewenste ingangsdatum is die van de actuele toewijzing.',
    en: 'When a TeWijzigenProduct changes the Budget or the total over the toewijzing period, its GewensteIngangsdatum must equal the Ingangsdatum of the current toewijzing.',
  },
  {
    JW317: (facts, r) => {
      for (const line of changes(facts, r)) {
        const t = line.toewijzing;
        const w = line.wijziging;
        const budget = w.budget !== null && w.budget !== t.budget;
        const total =
          t.frequentie === '6' && w.omvang !== null && (w.omvang.volume !== t.volume || w.omvang.eenheid !== t.eenheid || w.omvang.frequentie !== t.frequentie);
        if ((budget || total) && w.gewensteIngangsdatum !== t.ingangsdatum) {
          r.report(line.at, `The ${budget ? 'Budget' : 'total Omvang'} of ToewijzingNummer ${t.nummer} changes, so GewensteIngangsdatum must be ${t.ingangsdatum}.`);
        }
      }
    },
  },
);

interface Requested {
  readonly at: At;
  readonly label: string;
  /** From a toewijzing the VOW keeps or changes (the overlaps TR361 adds to TR410's). */
  readonly existing: boolean;
}

function cdt(categorie: string | null, code: string | null): CDT_Product | undefined {
  if (categorie === null) return undefined;
  // Compared as text only; the stored values came from XSD-valid messages.
  const Categorie = categorie as CDT_Product['Categorie'];
  return code === null ? { Categorie } : { Categorie, Code: code };
}

/**
 * The desired situation as periods: a kept toewijzing over its own period; a changed one from its
 * Ingangsdatum to the Einddatum asked for (none: open), since it runs on until the change and
 * changed after; a new product over the period asked for. Deleted toewijzingen take no part.
 */
export const TR361 = defineCrossRule(
  {
    code: 'TR361',
    kind: 'TR',
    retourcode: '9361',
    nl: 'Hetzelfde product (of dezelfde categorie zonder productcode, of een generiek product) komt in het verzoek om wijziging meer dan eens voor met overlappende perioden.',
    en: 'A product may appear more than once in a VOW, counting the toewijzingen it keeps or changes by their ToewijzingNummer, only with non-overlapping periods (per Categorie without Code; a generic one may overlap nothing).',
  },
  {
    JW317: (facts, r) => {
      const spells: Spell<Requested>[] = [];
      for (const l of vowView(facts, r).lines) {
        const t = l.toewijzing;
        if (t === undefined || isDeleted(t)) continue;
        const end = l.wijziging === null ? t.einddatum : l.wijziging.einddatum;
        spells.push({
          item: { at: l.at, label: `${l.kind} ${t.nummer}`, existing: true },
          product: cdt(t.categorie, t.code),
          start: t.ingangsdatum,
          end: end ?? undefined,
        });
      }
      facts.nieuw.forEach((n, i) => {
        spells.push({
          item: { at: n, label: `NieuwProduct ${i + 1}`, existing: false },
          product: n.product === null ? undefined : cdt(n.product.categorie, n.product.code),
          start: n.gewensteIngangsdatum,
          end: n.einddatum ?? undefined,
        });
      });
      for (const { item, other } of stackedSpells(spells)) {
        // Two new products stacked is TR410's, checked within the message before this.
        if (item.existing || other.existing) r.report(item.at, `Its period overlaps ${other.label}.`);
      }
    },
  },
);
