/** What an admitted JW305/JW307 adds to the ledger: every line as sent, deletions included. */
import type { Jw305Facts, Jw307Facts } from '../facts.js';
import type { CrossContext } from '../rule.js';
import { productKeyOf } from './ledger.js';

export function applyStarts(facts: Jw305Facts, ctx: CrossContext): void {
  const insert = ctx.stmt(`INSERT INTO levering_starts (bericht_id, gemeente, aanbieder, bsn, toewijzing_nummer, categorie, code, begindatum,
    toewijzing_ingangsdatum, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const s of facts.starts) {
    const k = productKeyOf(facts.header, facts.client.bsn, s);
    insert.run(ctx.berichtId, k.gemeente, k.aanbieder, k.bsn, k.nummer, k.categorie, k.code, s.begindatum, s.toewijzingIngangsdatum, s.status);
  }
}

export function applyStops(facts: Jw307Facts, ctx: CrossContext): void {
  const insert = ctx.stmt(`INSERT INTO levering_stops (bericht_id, gemeente, aanbieder, bsn, toewijzing_nummer, categorie, code, begindatum,
    einddatum, reden_beeindiging, toewijzing_ingangsdatum, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const s of facts.stops) {
    const k = productKeyOf(facts.header, facts.client.bsn, s);
    insert.run(ctx.berichtId, k.gemeente, k.aanbieder, k.bsn, k.nummer, k.categorie, k.code, s.begindatum, s.einddatum, s.redenBeeindiging, s.toewijzingIngangsdatum, s.status);
  }
}
