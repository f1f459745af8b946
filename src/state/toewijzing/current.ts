/** Look-ups of toewijzingen as the state holds them: every version, and the current one. */
import type { Jw323Facts } from '../facts.js';
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

/**
 * "Actueel" on `date` (TR349, OP087): not deleted, and valid on or after that date - still running
 * on it, or starting later. A toewijzing whose (current) Einddatum lies before `date` has ended and
 * is no longer current; one that starts in the future is.
 */
export function isCurrent(t: Pick<ToewijzingRow, 'reden_wijziging' | 'ingangsdatum' | 'einddatum'>, date: string): boolean {
  return !isDeleted(t) && (t.einddatum === null || t.einddatum >= date);
}

export interface ClientKey {
  readonly gemeente: string;
  readonly aanbieder: string;
  readonly bsn: string;
}

/**
 * The current version of every toewijzing a gemeente gave an aanbieder for a client, deleted and
 * ended ones included (filter with isCurrent): the client index finds the client's numbers and the
 * number index the latest version of each.
 */
export function toewijzingenOfClient(ctx: CrossContext, key: ClientKey): readonly ToewijzingRow[] {
  return ctx
    .stmt<[string, string, string], ToewijzingRow>(
      // INDEXED BY: without statistics the planner may prefer the number index (gemeente = ?),
      // a range over every toewijzing of the gemeente; the client's rows are a handful.
      `SELECT t.* FROM toewijzingen t INDEXED BY toewijzingen_client
       WHERE t.aanbieder = ? AND t.bsn = ? AND t.gemeente = ?
         AND t.seq = (SELECT u.seq FROM toewijzingen u WHERE u.gemeente = t.gemeente AND u.nummer = t.nummer ORDER BY u.versie DESC, u.seq DESC LIMIT 1)`,
    )
    .all(key.aanbieder, key.bsn, key.gemeente)
    .sort((a, b) => (a.nummer < b.nummer ? -1 : a.nummer > b.nummer ? 1 : 0));
}

/** The toewijzingen of a client current on `date` (TR349: what a VOW must list). */
export function currentToewijzingenOfClient(ctx: CrossContext, key: ClientKey, date: string): readonly ToewijzingRow[] {
  return toewijzingenOfClient(ctx, key).filter((t) => isCurrent(t, date));
}

/**
 * The current version of each of a set of toewijzingen of one gemeente, looked up once per
 * distinct number: a 37,000-prestatie JW323 names far fewer toewijzingen than prestaties. Callers
 * that check the same message share the result through `ctx.shared` (see declaredToewijzingen).
 */
export function toewijzingenByNummer(ctx: CrossContext, gemeente: string, nummers: Iterable<string>): ReadonlyMap<string, ToewijzingRow | undefined> {
  const out = new Map<string, ToewijzingRow | undefined>();
  for (const nummer of nummers) {
    if (!out.has(nummer)) out.set(nummer, currentToewijzing(ctx, gemeente, nummer));
  }
  return out;
}

function declared(facts: Jw323Facts, ctx: CrossContext): ReadonlyMap<string, ToewijzingRow | undefined> {
  const nummers = new Set<string>();
  for (const c of facts.clienten) for (const p of c.prestaties) nummers.add(p.toewijzingNummer);
  return toewijzingenByNummer(ctx, facts.header.ontvanger, nummers);
}

/**
 * The current version of every toewijzing a JW323 names, by ToewijzingNummer, read once per
 * message for every rule that asks. The gemeente is the JW323's Ontvanger: with centrale
 * facturatie the declaratie is still addressed to a gemeente code.
 */
export function declaredToewijzingen(facts: Jw323Facts, ctx: CrossContext): ReadonlyMap<string, ToewijzingRow | undefined> {
  return ctx.shared(declared, facts);
}
