/**
 * Requests (VOT per AangevraagdProduct, VOW per Verzoek) and how they were answered, as the state
 * holds them (process.md §2.1). Nothing is stored as a status: a request is open while no JW319
 * has rejected it (VerzoekAntwoord 1) and no JW301 has carried its ReferentieAanbieder (TR374);
 * "in onderzoek" (2) leaves it open. Every look-up is keyed by (aanbieder, referentie) or by the
 * client, on an index.
 */
import type { CrossContext } from '../rule.js';

export interface VerzoekRow {
  readonly bericht_id: string;
  readonly aanbieder: string;
  readonly gemeente: string;
  readonly referentie: string;
  readonly bsn: string;
  readonly soort: 'VOT' | 'VOW';
  readonly dagtekening: string;
}

/** The request an aanbieder sent under a ReferentieAanbieder, if any (the first, should it repeat). */
export function verzoek(ctx: CrossContext, aanbieder: string, referentie: string): VerzoekRow | undefined {
  return ctx
    .stmt<[string, string], VerzoekRow>('SELECT * FROM verzoeken WHERE aanbieder = ? AND referentie = ? ORDER BY seq LIMIT 1')
    .get(aanbieder, referentie);
}

/** The VerzoekAntwoord values of the JW319s answering a request so far, in order of admission. */
export function antwoorden(ctx: CrossContext, aanbieder: string, referentie: string): readonly string[] {
  return ctx
    .stmt<[string, string], { antwoord: string }>('SELECT antwoord FROM verzoek_antwoorden WHERE aanbieder = ? AND referentie = ? ORDER BY seq')
    .all(aanbieder, referentie)
    .map((a) => a.antwoord);
}

/** True when a JW301 admitted earlier carried the request's ReferentieAanbieder (honoured it). */
export function honoured(ctx: CrossContext, aanbieder: string, referentie: string): boolean {
  return (
    ctx
      .stmt<[string, string], { x: number }>('SELECT 1 AS x FROM toewijzingen WHERE aanbieder = ? AND referentie_aanbieder = ? LIMIT 1')
      .get(aanbieder, referentie) !== undefined
  );
}

/** True when a JW319 admitted earlier rejected the request (VerzoekAntwoord 1). */
export function rejected(ctx: CrossContext, aanbieder: string, referentie: string): boolean {
  return (
    ctx
      .stmt<[string, string], { x: number }>("SELECT 1 AS x FROM verzoek_antwoorden WHERE aanbieder = ? AND referentie = ? AND antwoord = '1' LIMIT 1")
      .get(aanbieder, referentie) !== undefined
  );
}

/**
 * The ReferentieAanbieder of a request the aanbieder sent this gemeente for this client that is
 * still open, if any (TR374). A VOT is open while any of its products is.
 *
 * Per gemeente: each gemeente judges the requests it received; a request still open at another
 * gemeente (after a move, say) is not something this one can see or answer.
 */
export function openVerzoek(ctx: CrossContext, key: { readonly aanbieder: string; readonly bsn: string; readonly gemeente: string }): string | undefined {
  return ctx
    .stmt<[string, string, string], { referentie: string }>(
      `SELECT v.referentie FROM verzoeken v
       WHERE v.aanbieder = ? AND v.bsn = ? AND v.gemeente = ?
         AND NOT EXISTS (SELECT 1 FROM verzoek_antwoorden a WHERE a.aanbieder = v.aanbieder AND a.referentie = v.referentie AND a.antwoord = '1')
         AND NOT EXISTS (SELECT 1 FROM toewijzingen t WHERE t.aanbieder = v.aanbieder AND t.referentie_aanbieder = v.referentie)
       ORDER BY v.seq LIMIT 1`,
    )
    .get(key.aanbieder, key.bsn, key.gemeente)?.referentie;
}

/** The ToewijzingNummers a VOW listed as OngewijzigdProduct or TeWijzigenProduct. */
export function vowToewijzingen(ctx: CrossContext, aanbieder: string, referentie: string): ReadonlySet<string> {
  return new Set(
    ctx
      .stmt<[string, string], { nummer: string }>('SELECT nummer FROM verzoek_toewijzingen WHERE aanbieder = ? AND referentie = ?')
      .all(aanbieder, referentie)
      .map((r) => r.nummer),
  );
}
