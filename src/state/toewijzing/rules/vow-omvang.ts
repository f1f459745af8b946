/**
 * The Omvang of a TeWijzigenProduct follows the toewijzing it changes (the product is not repeated
 * in the VOW): required when that toewijzing has a product Code (TR411); empty when it has no Code
 * and the change ends after 2020 or has no end - TR375 for a toewijzing without Product (generic),
 * TR412 for one with a Categorie but no Code (aspecific).
 *
 * Two readings chosen here. The end date is the TeWijzigenProduct's own Einddatum, as CD096 reads
 * the NieuwProduct's: it is the period the requested Omvang would hold for. And the standard's two
 * codes for "Omvang filled without a Code" overlap on a generic toewijzing (no Product means no
 * Code either); we answer that case with TR375's 9375 only, which names it exactly.
 */
import { endsAfterTransition } from '../../../validate/rules/product/support.js';
import type { Jw317Facts, WijzigingFact } from '../../facts.js';
import { defineCrossRule, type CrossReporter } from '../../rule.js';
import { known, vowView, type KnownLine } from '../vow.js';

type Change = KnownLine & { readonly wijziging: WijzigingFact };

/** Each TeWijzigenProduct whose toewijzing is known and not deleted (otherwise TR351 speaks). */
function each(facts: Jw317Facts, r: CrossReporter, check: (c: Change) => void): void {
  for (const l of vowView(facts, r).lines) {
    if (l.wijziging !== null && known(l)) check(l as Change);
  }
}

function forbidden(c: Change): boolean {
  return c.wijziging.omvang !== null && endsAfterTransition(c.wijziging.einddatum ?? undefined);
}

export const TR375 = defineCrossRule(
  {
    code: 'TR375',
    kind: 'TR',
    retourcode: '9375',
    nl: 'Omvang is gevuld, maar de te wijzigen toewijzing heeft geen product en de wijziging loopt na 31-12-2020 door of heeft geen einddatum.',
    en: 'Omvang must be empty in a TeWijzigenProduct whose toewijzing has no Product, when its Einddatum is after 2020-12-31 or absent.',
  },
  {
    JW317: (facts, r) =>
      each(facts, r, (c) => {
        if (c.toewijzing.categorie === null && forbidden(c)) r.report(c.at, `ToewijzingNummer ${c.nummer} is a generic toewijzing.`);
      }),
  },
);

export const TR411 = defineCrossRule(
  {
    code: 'TR411',
    kind: 'TR',
    retourcode: '9411',
    nl: 'Omvang ontbreekt, terwijl de te wijzigen toewijzing een productcode heeft.',
    en: 'Omvang is required in a TeWijzigenProduct whose toewijzing has a product Code.',
  },
  {
    JW317: (facts, r) =>
      each(facts, r, (c) => {
        if (c.toewijzing.code !== null && c.wijziging.omvang === null) r.report(c.at, `ToewijzingNummer ${c.nummer} has product Code ${c.toewijzing.code}.`);
      }),
  },
);

export const TR412 = defineCrossRule(
  {
    code: 'TR412',
    kind: 'TR',
    retourcode: '9412',
    nl: 'Omvang is gevuld, maar de te wijzigen toewijzing heeft geen productcode en de wijziging loopt na 31-12-2020 door of heeft geen einddatum.',
    en: 'Omvang must be empty in a TeWijzigenProduct whose toewijzing has a Categorie but no product Code, when its Einddatum is after 2020-12-31 or absent.',
  },
  {
    JW317: (facts, r) =>
      each(facts, r, (c) => {
        if (c.toewijzing.categorie !== null && c.toewijzing.code === null && forbidden(c)) {
          r.report(c.at, `ToewijzingNummer ${c.nummer} is an aspecific toewijzing (Categorie ${c.toewijzing.categorie}).`);
        }
      }),
  },
);
