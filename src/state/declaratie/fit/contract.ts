/** The contract tariffs that apply to a prestatie, when contract data covers its gemeente's regio. */
import type { PrestatieFact } from '../../facts.js';
import type { ContractTarief } from '../../contracts.js';
import type { CrossContext } from '../../rule.js';

/** null: no contract data for the regio, so nothing to check; else the tariffs (maybe none). */
export function contractTarieven(ctx: CrossContext, gemeente: string, aanbieder: string, p: PrestatieFact): readonly ContractTarief[] | null {
  const regio = ctx.regioOf(gemeente);
  if (regio === undefined || !ctx.contracts.covers(regio)) return null;
  return ctx.contracts.tarieven(regio, p.categorie, p.code, p.begindatum, aanbieder);
}
