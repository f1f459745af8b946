/**
 * Look-ups in the claim ledger (schema.ts). Each is one indexed query on a cached statement; their
 * query plans are tested in test/state/declaratie/ledger.test.ts.
 */
import type { CrossContext } from '../rule.js';

type Ctx = Pick<CrossContext, 'stmt'>;

export interface PrestatieRow {
  readonly seq: number;
  readonly bericht_id: string;
  readonly aanbieder: string;
  readonly gemeente: string;
  readonly bsn: string;
  readonly referentie_nummer: string;
  readonly vorig_referentie_nummer: string | null;
  readonly toewijzing_nummer: string;
  readonly categorie: string;
  readonly code: string;
  readonly begindatum: string;
  readonly einddatum: string;
  readonly volume: number;
  readonly eenheid: string;
  readonly tarief: number | null;
  readonly bedrag: number;
  readonly debet_credit: 'D' | 'C';
}

/** A prestatie with its verdict: 1 approved, 0 rejected, null still waiting for its JW325. */
export interface JudgedPrestatie extends PrestatieRow {
  readonly goedgekeurd: 0 | 1 | null;
}

export interface DeclaratieRow {
  readonly bericht_id: string;
  readonly aanbieder: string;
  readonly gemeente: string;
  readonly identificatie: string;
  readonly dagtekening: string;
  readonly nummer: string;
  readonly periode_begin: string;
  readonly periode_eind: string;
  readonly totaal: number;
  readonly xsd_basis: string;
  readonly xsd_bericht: string;
}

/** A claim is answered once, so a prestatie has at most one verdict; a rejection would win (MIN). */
const VERDICT = `(SELECT MIN(b.goedgekeurd) FROM beoordelingen b
  WHERE b.aanbieder = p.aanbieder AND b.referentie_nummer = p.referentie_nummer)`;

/** Not rejected: approved, or still waiting for its answer. */
export const LIVE = `NOT EXISTS (SELECT 1 FROM beoordelingen b
  WHERE b.aanbieder = p.aanbieder AND b.referentie_nummer = p.referentie_nummer AND b.goedgekeurd = 0)`;

/** The prestatie an aanbieder declared under a ReferentieNummer, with its verdict. */
export function prestatieByReferentie(ctx: Ctx, aanbieder: string, referentie: string): JudgedPrestatie | undefined {
  return ctx
    .stmt<[string, string], JudgedPrestatie>(
      `SELECT p.*, ${VERDICT} AS goedgekeurd FROM prestaties p WHERE p.aanbieder = ? AND p.referentie_nummer = ? ORDER BY p.seq DESC LIMIT 1`,
    )
    .get(aanbieder, referentie);
}

/** A credit that is not rejected and names `referentie` as the debet it credits. */
export function liveCreditOf(ctx: Ctx, aanbieder: string, referentie: string): PrestatieRow | undefined {
  return ctx
    .stmt<[string, string], PrestatieRow>(
      `SELECT p.* FROM prestaties p WHERE p.aanbieder = ? AND p.vorig_referentie_nummer = ? AND p.debet_credit = 'C' AND ${LIVE} LIMIT 1`,
    )
    .get(aanbieder, referentie);
}

export interface DebetKey {
  readonly aanbieder: string;
  readonly gemeente: string;
  readonly toewijzingNummer: string;
  readonly categorie: string;
  readonly code: string;
  readonly begindatum: string;
  readonly einddatum: string;
}

/** Debets that are not rejected for one toewijzing, product and ProductPeriode (TR389). */
export function liveDebets(ctx: Ctx, k: DebetKey): PrestatieRow[] {
  return ctx
    .stmt<[string, string, string, string, string, string, string], PrestatieRow>(
      `SELECT p.* FROM prestaties p WHERE p.gemeente = ? AND p.toewijzing_nummer = ? AND p.categorie = ? AND p.code = ? AND p.begindatum = ?
        AND p.einddatum = ? AND p.aanbieder = ? AND p.debet_credit = 'D' AND ${LIVE}`,
    )
    .all(k.gemeente, k.toewijzingNummer, k.categorie, k.code, k.begindatum, k.einddatum, k.aanbieder);
}

/** An approved debet on the toewijzing that no live credit has undone (TR385). */
export function approvedUncreditedDebet(ctx: Ctx, gemeente: string, toewijzingNummer: string): PrestatieRow | undefined {
  return ctx
    .stmt<[string, string], PrestatieRow>(
      `SELECT p.* FROM prestaties p WHERE p.gemeente = ? AND p.toewijzing_nummer = ? AND p.debet_credit = 'D'
        AND EXISTS (SELECT 1 FROM beoordelingen b WHERE b.aanbieder = p.aanbieder AND b.referentie_nummer = p.referentie_nummer AND b.goedgekeurd = 1)
        AND NOT EXISTS (SELECT 1 FROM prestaties c WHERE c.aanbieder = p.aanbieder AND c.vorig_referentie_nummer = p.referentie_nummer
          AND c.debet_credit = 'C' AND NOT EXISTS (SELECT 1 FROM beoordelingen b2 WHERE b2.aanbieder = c.aanbieder
            AND b2.referentie_nummer = c.referentie_nummer AND b2.goedgekeurd = 0))
        LIMIT 1`,
    )
    .get(gemeente, toewijzingNummer);
}

export function declaratieByNummer(ctx: Ctx, aanbieder: string, nummer: string): DeclaratieRow | undefined {
  return ctx.stmt<[string, string], DeclaratieRow>('SELECT * FROM declaraties WHERE aanbieder = ? AND nummer = ? LIMIT 1').get(aanbieder, nummer);
}

/** The latest DeclaratiePeriode an aanbieder claimed from a gemeente (TR318, IV090). */
export function lastPeriodeBegin(ctx: Ctx, aanbieder: string, gemeente: string): string | undefined {
  return ctx
    .stmt<[string, string], { periode_begin: string }>(
      'SELECT periode_begin FROM declaraties WHERE aanbieder = ? AND gemeente = ? ORDER BY periode_begin DESC LIMIT 1',
    )
    .get(aanbieder, gemeente)?.periode_begin;
}

export function declaratieOfBericht(ctx: Ctx, berichtId: string): DeclaratieRow | undefined {
  return ctx.stmt<[string], DeclaratieRow>('SELECT * FROM declaraties WHERE bericht_id = ? LIMIT 1').get(berichtId);
}

/** A prestatie of one JW323 by its ReferentieNummer (TR366/TR367). */
export function prestatieInBericht(ctx: Ctx, berichtId: string, referentie: string): PrestatieRow | undefined {
  return ctx
    .stmt<[string, string], PrestatieRow>('SELECT * FROM prestaties WHERE bericht_id = ? AND referentie_nummer = ? LIMIT 1')
    .get(berichtId, referentie);
}

/** The JW325 that already answered a JW323, if any. */
export function answerOf(ctx: Ctx, declaratieBerichtId: string): string | undefined {
  return ctx
    .stmt<[string], { bericht_id: string }>('SELECT bericht_id FROM antwoorden WHERE declaratie_bericht_id = ? LIMIT 1')
    .get(declaratieBerichtId)?.bericht_id;
}

/** The correlation key a JW323 offers; a JW325 names it through DeclaratieIdentificatie. */
export function jw323Key(aanbieder: string, identificatie: string): string {
  return `heen:JW323:${aanbieder}:${identificatie}`;
}
