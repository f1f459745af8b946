/**
 * What was declared on a toewijzing before this message, from the claim ledger
 * (declaratie/schema.ts): debet minus credit over every prestatie that was not rejected in a
 * JW325 (a rejected one counts as not sent, and its corrected successor takes its place). One
 * query per toewijzing on the ledger's (gemeente, toewijzing_nummer, …) index.
 */
import type { Jw323Facts } from '../../facts.js';
import { LIVE } from '../ledger.js';
import type { CrossContext } from '../../rule.js';
import { assignedScale } from './volume.js';

export interface Declared {
  /** Net GeleverdVolume in base units of the toewijzing (volume.ts); units that do not fit are left out. */
  readonly volume: number;
  /** Net IngediendBedrag in cents. */
  readonly bedrag: number;
}

/**
 * Net volume in base units (volume.ts: an hour is 60 minutes on an hour toewijzing; a unit that does
 * not fit the assigned one counts 0) and net amount, in one row: no grouping, no sort.
 * Parameters: eenheid (assigned), scale (base units per assigned unit), gemeente, nummer.
 */
export const DECLARED_ON_TOEWIJZING = `SELECT
    COALESCE(SUM(CASE WHEN p.debet_credit = 'C' THEN -p.volume ELSE p.volume END
      * CASE WHEN p.eenheid = @eenheid THEN @scale WHEN @eenheid = '04' AND p.eenheid = '01' THEN 1 ELSE 0 END), 0) AS volume,
    COALESCE(SUM(CASE WHEN p.debet_credit = 'C' THEN -p.bedrag ELSE p.bedrag END), 0) AS bedrag
  FROM prestaties p WHERE p.gemeente = @gemeente AND p.toewijzing_nummer = @nummer AND ${LIVE}`;

export function declaredBefore(ctx: Pick<CrossContext, 'stmt'>, gemeente: string, toewijzingNummer: string, assignedEenheid: string | null): Declared {
  const eenheid = assignedEenheid ?? '';
  return ctx
    .stmt<[{ eenheid: string; scale: number; gemeente: string; nummer: string }], Declared>(DECLARED_ON_TOEWIJZING)
    .get({ eenheid, scale: assignedScale(eenheid), gemeente, nummer: toewijzingNummer })!;
}

/** Per message: the sums read so far, so TR322 and TR369 query each toewijzing once between them. */
export function declaredMemo(_facts: Jw323Facts, _ctx: CrossContext): Map<string, Declared> {
  return new Map();
}

export function declaredOn(ctx: CrossContext, facts: Jw323Facts, gemeente: string, nummer: string, assignedEenheid: string | null): Declared {
  const memo = ctx.shared(declaredMemo, facts);
  let d = memo.get(nummer);
  if (d === undefined) memo.set(nummer, (d = declaredBefore(ctx, gemeente, nummer, assignedEenheid)));
  return d;
}
