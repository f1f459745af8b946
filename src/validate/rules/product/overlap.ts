/**
 * TR302, TR386, TR410: a product may appear more than once in a message only for periods that do
 * not overlap. Without a product code the comparison is per Categorie; without a Product at all
 * (generic budget) the line may overlap no other line. In a toewijzing (JW301), deleted
 * toewijzingen (RedenWijziging 13, or the withdrawn code 01, with Einddatum = Ingangsdatum) do not
 * count.
 */
import type { Located } from '../../../standard/located.js';
import type { JW301_ToegewezenProduct, JW315_AangevraagdProduct, JW317_NieuwProduct } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { stackedSpells, type Spell } from './support.js';

function report(r: Reporter, item: Located & { readonly Product?: unknown }, detail: string): void {
  r.report(item, item.Product === undefined ? undefined : 'Product', detail);
}

/** A toewijzing that was deleted counts as never sent. */
function deleted(p: JW301_ToegewezenProduct): boolean {
  return (p.RedenWijziging === '13' || p.RedenWijziging === '01') && p.Einddatum === p.Ingangsdatum;
}

export const TR302 = defineRule(
  {
    code: 'TR302',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Hetzelfde product (of dezelfde categorie zonder productcode, of een generieke toewijzing) komt meer dan eens voor met overlappende perioden.',
    en: 'The same product may appear in a toewijzing message only with non-overlapping periods (per Categorie without Code; a line without Product may overlap none); deleted toewijzingen do not count.',
  },
  {
    JW301: (m, r) => {
      const spells: Spell<JW301_ToegewezenProduct>[] = [];
      for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) {
        if (!deleted(p)) spells.push({ item: p, product: p.Product, start: p.Ingangsdatum, end: p.Einddatum });
      }
      for (const { item, other } of stackedSpells(spells)) {
        report(r, item, `Its period overlaps ToewijzingNummer ${other.ToewijzingNummer}.`);
      }
    },
  },
);

export const TR386 = defineRule(
  {
    code: 'TR386',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Hetzelfde product (of dezelfde categorie zonder productcode, of een generieke aanvraag) wordt meer dan eens aangevraagd met overlappende perioden.',
    en: 'The same product may appear in a verzoek om toewijzing only with non-overlapping periods (per Categorie without Code; a line without Product may overlap none).',
  },
  {
    JW315: (m, r) => {
      const spells: Spell<JW315_AangevraagdProduct>[] = m.Client.AangevraagdeProducten.AangevraagdProduct.map((p) => ({
        item: p,
        product: p.Product,
        start: p.ToewijzingIngangsdatum,
        end: p.ToewijzingEinddatum,
      }));
      for (const { item, other } of stackedSpells(spells)) {
        report(r, item, `Its period overlaps the AangevraagdProduct with ReferentieAanbieder ${other.ReferentieAanbieder}.`);
      }
    },
  },
);

export const TR410 = defineRule(
  {
    code: 'TR410',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Hetzelfde nieuwe product (of dezelfde categorie zonder productcode, of een generiek nieuw product) komt meer dan eens voor met overlappende perioden.',
    en: 'The same product may appear among the NieuwProduct lines only with non-overlapping periods (per Categorie without Code; a line without Product may overlap none).',
  },
  {
    JW317: (m, r) => {
      const nieuw = m.Client.Verzoek.NieuweProducten?.NieuwProduct ?? [];
      const position = new Map<JW317_NieuwProduct, number>(nieuw.map((p, i) => [p, i + 1]));
      const spells: Spell<JW317_NieuwProduct>[] = nieuw.map((p) => ({ item: p, product: p.Product, start: p.GewensteIngangsdatum, end: p.Einddatum }));
      for (const { item, other } of stackedSpells(spells)) {
        report(r, item, `Its period overlaps NieuwProduct ${position.get(other) ?? '?'}.`);
      }
    },
  },
);
