/**
 * What admitted claim messages add to the ledger: a JW323 its declaratie and prestaties, a JW325
 * the verdict on them (or, when it rejects the claim as a whole, the claim is forgotten: it counts
 * as not sent, process.md §2.4).
 */
import type { Jw323Facts, Jw325Facts } from '../facts.js';
import type { CrossContext } from '../rule.js';
import { jw323Key } from './ledger.js';

function signed(amount: number, dc: 'D' | 'C'): number {
  return dc === 'C' ? -amount : amount;
}

export function applyJw323(facts: Jw323Facts, ctx: CrossContext): void {
  const { afzender: aanbieder, ontvanger: gemeente } = facts.header;
  const d = facts.declaratie;
  ctx
    .stmt(`INSERT INTO declaraties (bericht_id, aanbieder, gemeente, identificatie, dagtekening, nummer, periode_begin, periode_eind, totaal,
      xsd_basis, xsd_bericht) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      ctx.berichtId,
      aanbieder,
      gemeente,
      facts.header.identificatie,
      facts.header.dagtekening,
      d.nummer,
      d.periodeBegin,
      d.periodeEind,
      signed(d.totaal, d.debetCredit),
      facts.xsdVersie.basisschema,
      facts.xsdVersie.bericht,
    );
  const insert = ctx.stmt(`INSERT INTO prestaties (bericht_id, aanbieder, gemeente, bsn, referentie_nummer, vorig_referentie_nummer,
    toewijzing_nummer, categorie, code, begindatum, einddatum, volume, eenheid, tarief, bedrag, debet_credit)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const client of facts.clienten) {
    for (const p of client.prestaties) {
      insert.run(
        ctx.berichtId,
        aanbieder,
        gemeente,
        client.bsn,
        p.referentieNummer,
        p.vorigReferentieNummer,
        p.toewijzingNummer,
        p.categorie,
        p.code,
        p.begindatum,
        p.einddatum,
        p.volume,
        p.eenheid,
        p.tarief,
        p.bedrag,
        p.debetCredit,
      );
    }
  }
}

/**
 * The verdict of a JW325 on the prestaties of the JW323 it answers: the listed ones rejected,
 * every other one approved. Rows are tagged with the JW325's id (`answerId`).
 */
export function recordVerdicts(
  ctx: Pick<CrossContext, 'stmt'>,
  answerId: string,
  declaratieBerichtId: string,
  aanbieder: string,
  rejected: Iterable<string>,
): void {
  ctx.stmt('INSERT INTO antwoorden (bericht_id, declaratie_bericht_id) VALUES (?, ?)').run(answerId, declaratieBerichtId);
  const reject = ctx.stmt('INSERT INTO beoordelingen (bericht_id, aanbieder, referentie_nummer, goedgekeurd) VALUES (?, ?, ?, 0)');
  for (const ref of rejected) reject.run(answerId, aanbieder, ref);
  // Every other prestatie of the claim in one statement (a large claim has ~37,000).
  ctx
    .stmt(`INSERT INTO beoordelingen (bericht_id, aanbieder, referentie_nummer, goedgekeurd)
      SELECT ?, p.aanbieder, p.referentie_nummer, 1 FROM prestaties p WHERE p.bericht_id = ?
        AND NOT EXISTS (SELECT 1 FROM beoordelingen b WHERE b.aanbieder = p.aanbieder AND b.referentie_nummer = p.referentie_nummer
          AND b.bericht_id = ?)`)
    .run(answerId, declaratieBerichtId, answerId);
}

const ACCEPTING = new Set(['0200', '8001']);

/**
 * A gemeente's JW325 (or a billing office's) passing through the gateway settles its JW323: a
 * header without DeclaratieAntwoord (0001 and the like) or a code on the DeclaratieAntwoord
 * rejects the claim as a whole, which then counts as not sent; otherwise the prestaties it lists
 * are rejected and the rest approved.
 */
export function applyJw325(facts: Jw325Facts, ctx: CrossContext): void {
  const aanbieder = facts.header.ontvanger;
  const jw323 = ctx.berichtByKey(jw323Key(aanbieder, facts.declaratieIdentificatie.identificatie));
  if (jw323 === undefined) return;
  const a = facts.antwoord;
  if (a === null || facts.retourcodes.some((c) => !ACCEPTING.has(c)) || a.retourcodes.some((c) => !ACCEPTING.has(c))) {
    ctx.forget(jw323);
    ctx.stmt('INSERT INTO antwoorden (bericht_id, declaratie_bericht_id) VALUES (?, ?)').run(ctx.berichtId, jw323);
    return;
  }
  const rejected = new Set<string>();
  for (const client of a.clienten) for (const p of client.prestaties) rejected.add(p.referentieNummer);
  recordVerdicts(ctx, ctx.berichtId, jw323, aanbieder, rejected);
}
