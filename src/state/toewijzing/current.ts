/** Look-ups of toewijzingen as the state holds them: every version, and the current one. */
import type { CrossContext } from '../rule.js';

export interface ToewijzingRow {
  readonly bericht_id: string;
  readonly gemeente: string;
  readonly nummer: string;
  readonly aanbieder: string;
  readonly bsn: string;
  readonly referentie_aanbieder: string | null;
  readonly categorie: string | null;
  readonly code: string | null;
  readonly versie: string;
  readonly ingangsdatum: string;
  readonly einddatum: string | null;
  readonly reden_wijziging: string | null;
  readonly volume: number | null;
  readonly eenheid: string | null;
  readonly frequentie: string | null;
  readonly budget: number | null;
}

/** The current version of a toewijzing: the latest Toewijzingsdatum + Toewijzingstijd (IV013). */
export function currentToewijzing(ctx: CrossContext, gemeente: string, nummer: string): ToewijzingRow | undefined {
  return ctx
    .stmt<[string, string], ToewijzingRow>('SELECT * FROM toewijzingen WHERE gemeente = ? AND nummer = ? ORDER BY versie DESC, seq DESC LIMIT 1')
    .get(gemeente, nummer);
}

/** Deleted (RedenWijziging 13, or the obsolete 01 with Einddatum = Ingangsdatum): counts as never sent. */
export function isDeleted(t: Pick<ToewijzingRow, 'reden_wijziging' | 'ingangsdatum' | 'einddatum'>): boolean {
  return t.reden_wijziging === '13' || (t.reden_wijziging === '01' && t.einddatum === t.ingangsdatum);
}
