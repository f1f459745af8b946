/** What an admitted JW301 adds: one row per ToegewezenProduct, a new version of that toewijzing. */
import type { Jw301Facts } from '../facts.js';
import type { CrossContext } from '../rule.js';

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
