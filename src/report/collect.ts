/**
 * The figures of one aanbieder's monthly report, read from the quality tallies as that aanbieder
 * itself sees them: its own rows only, so nothing of another party can enter the report, whoever
 * asks for it.
 */
import { toAmsterdamDate } from '../calendar/index.js';
import type { Directory, Party } from '../mappings/types.js';
import type { QualityReads } from '../quality/ports.js';
import type { DefectRow } from '../quality/reads.js';
import type { Dimension } from '../quality/dimensions.js';
import { perspective } from '../quality/visibility.js';
import { monthPeriod } from '../quality/period.js';
import { addMonths } from './months.js';
import type { CodeCount, DeadlineFigures, MonthFigures, ReportFigures } from './render.js';

/** The meanings shown next to codes, as /kwaliteit/codes gives them. */
export interface CodeMeanings {
  readonly retourcodes: Readonly<Record<string, string>>;
  readonly regels: Readonly<Record<string, string>>;
}

export interface ReportSource {
  readonly quality: QualityReads;
  readonly directory: Directory;
  readonly codes: CodeMeanings;
  readonly clock: () => Date;
}

/** Months of history in the report's Verloop table, the report's own month included. */
export const HISTORY_MONTHS = 6;

function byCountThenCode(a: CodeCount, b: CodeCount): number {
  return b.aantal - a.aantal || a.code.localeCompare(b.code);
}

export async function collectReport(source: ReportSource, aanbieder: Party, month: string): Promise<ReportFigures> {
  const agb = aanbieder.code ?? aanbieder.id;
  // Every row is its own (filtered on it as Afzender), so no cell is masked and the threshold is moot.
  const { scope } = perspective(aanbieder, source.directory, 1);
  const own = { afzender: agb };
  const period = monthPeriod(month);
  const history = { from: monthPeriod(addMonths(month, 1 - HISTORY_MONTHS)).van, to: period.tot };

  const defects = async (per: Dimension, p: { from: string; to: string }): Promise<DefectRow[]> =>
    (await source.quality.defects({ ...p, per: [per], filters: own, scope })).filter((r) => r.own);
  const counts = async (per: 'type' | 'regel' | 'retourcode', meanings: Readonly<Record<string, string>>): Promise<CodeCount[]> =>
    (await defects(per, { from: period.van, to: period.tot }))
      .map((r) => ({ code: r.values[per] ?? '', betekenis: meanings[r.values[per] ?? ''] ?? '', aantal: r.n }))
      .sort(byCountThenCode);

  const defectsPerMonth = new Map((await defects('maand', history)).map((r) => [r.values.maand, r.n]));
  const messagesPerMonth = new Map(
    (await source.quality.firstTime({ ...history, per: ['maand'], filters: own, scope })).filter((r) => r.own).map((r) => [r.values.maand, r]),
  );
  const verloop: MonthFigures[] = Array.from({ length: HISTORY_MONTHS }, (_, i) => {
    const m = addMonths(month, i + 1 - HISTORY_MONTHS);
    const sent = messagesPerMonth.get(m);
    return { maand: m, berichten: sent?.received ?? 0, eersteKeerGoed: sent?.clean ?? 0, defecten: defectsPerMonth.get(m) ?? 0 };
  });

  // Terms this aanbieder had to act on (it is the party), that fell due in the month.
  const terms = new Map<string, DeadlineFigures>();
  const today = toAmsterdamDate(source.clock());
  for (const r of await source.quality.deadlines({ from: period.van, to: period.tot, scope, today })) {
    if (!r.own || r.partij !== agb) continue;
    const seen = terms.get(r.soort) ?? { soort: r.soort, opTijd: 0, teLaat: 0, open: 0 };
    terms.set(r.soort, { soort: r.soort, opTijd: seen.opTijd + r.met, teLaat: seen.teLaat + r.breached, open: seen.open + r.open });
  }

  return {
    aanbieder: { agb, naam: aanbieder.name },
    maand: month,
    gemaakt: source.clock().toISOString(),
    verloop,
    perType: await counts('type', {}),
    perRegel: await counts('regel', source.codes.regels),
    perRetourcode: await counts('retourcode', source.codes.retourcodes),
    termijnen: [...terms.values()].sort((a, b) => a.soort.localeCompare(b.soort)),
  };
}
