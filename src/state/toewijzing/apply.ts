/**
 * What admitted toewijzingen and requests add to the state: append-only rows tagged with the
 * message's bericht id, so a message its recipient rejects later is forgotten row by row.
 */
import type { Jw301Facts, Jw315Facts, Jw317Facts, Jw319Facts } from '../facts.js';
import type { CrossContext } from '../rule.js';

/** A JW301: one row per ToegewezenProduct, a new version of that toewijzing. */
export function applyToewijzingen(facts: Jw301Facts, ctx: CrossContext): void {
  const insert = ctx.stmt(`INSERT INTO toewijzingen (bericht_id, gemeente, nummer, aanbieder, bsn, referentie_aanbieder, categorie, code,
    versie, ingangsdatum, einddatum, reden_wijziging, volume, eenheid, frequentie, budget)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const { afzender: gemeente, ontvanger: aanbieder } = facts.header;
  for (const t of facts.toewijzingen) {
    insert.run(
      ctx.berichtId,
      gemeente,
      t.nummer,
      aanbieder,
      facts.client.bsn,
      t.referentieAanbieder,
      t.product?.categorie ?? null,
      t.product?.code ?? null,
      `${t.toewijzingsdatum}T${t.toewijzingstijd}`,
      t.ingangsdatum,
      t.einddatum,
      t.redenWijziging,
      t.omvang?.volume ?? null,
      t.omvang?.eenheid ?? null,
      t.omvang?.frequentie ?? null,
      t.budget,
    );
  }
}

const INSERT_VERZOEK = 'INSERT INTO verzoeken (bericht_id, aanbieder, gemeente, referentie, bsn, soort, dagtekening) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** A JW315: one request per AangevraagdProduct, each under its own ReferentieAanbieder. */
export function applyVot(facts: Jw315Facts, ctx: CrossContext): void {
  const insert = ctx.stmt(INSERT_VERZOEK);
  const { afzender: aanbieder, ontvanger: gemeente, dagtekening } = facts.header;
  for (const p of facts.producten) insert.run(ctx.berichtId, aanbieder, gemeente, p.referentieAanbieder, facts.client.bsn, 'VOT', dagtekening);
}

/** A JW317: one request for the whole Verzoek, and the toewijzingen it names. */
export function applyVow(facts: Jw317Facts, ctx: CrossContext): void {
  const { afzender: aanbieder, ontvanger: gemeente, dagtekening } = facts.header;
  const referentie = facts.verzoek.referentieAanbieder;
  ctx.stmt(INSERT_VERZOEK).run(ctx.berichtId, aanbieder, gemeente, referentie, facts.client.bsn, 'VOW', dagtekening);
  const named = ctx.stmt('INSERT INTO verzoek_toewijzingen (bericht_id, aanbieder, referentie, nummer) VALUES (?, ?, ?, ?)');
  for (const p of [...facts.ongewijzigd, ...facts.teWijzigen]) {
    if (p.toewijzingNummer !== null) named.run(ctx.berichtId, aanbieder, referentie, p.toewijzingNummer);
  }
}

/** A JW319: the answer on the request it names; the aanbieder is its Ontvanger. */
export function applyAntwoord(facts: Jw319Facts, ctx: CrossContext): void {
  const { afzender: gemeente, ontvanger: aanbieder, dagtekening } = facts.header;
  const a = facts.antwoord;
  ctx
    .stmt('INSERT INTO verzoek_antwoorden (bericht_id, aanbieder, gemeente, referentie, antwoord, dagtekening) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.berichtId, aanbieder, gemeente, a.referentieAanbieder, a.verzoekAntwoord, dagtekening);
}
