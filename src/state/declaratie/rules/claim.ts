/** The JW323 a JW325 answers, as the ledger holds it; shared by the JW325 rules. */
import type { Jw325Facts } from '../../facts.js';
import type { CrossContext } from '../../rule.js';
import { answerOf, declaratieOfBericht, jw323Key, type DeclaratieRow } from '../ledger.js';

export interface AnsweredClaim {
  /** Id of the stored JW323 named by DeclaratieIdentificatie, when the gateway passed one on. */
  readonly berichtId: string | undefined;
  /** Its declaratie in the ledger: absent when it never was admitted or counts as not sent. */
  readonly declaratie: DeclaratieRow | undefined;
  /** A JW325 that answered it already. */
  readonly answeredBy: string | undefined;
}

export function answeredClaim(facts: Jw325Facts, ctx: CrossContext): AnsweredClaim {
  const berichtId = ctx.berichtByKey(jw323Key(facts.header.ontvanger, facts.declaratieIdentificatie.identificatie));
  if (berichtId === undefined) return { berichtId, declaratie: undefined, answeredBy: undefined };
  return { berichtId, declaratie: declaratieOfBericht(ctx, berichtId), answeredBy: answerOf(ctx, berichtId) };
}
