import { defineCrossRule } from '../../../rule.js';
import { claimOf } from '../lines.js';

/**
 * TR339: when the toewijzing names a ProductCategorie (specific and aspecific toewijzingen), the
 * prestatie repeats it; a generic toewijzing (budget only) leaves the category free (OP302).
 */
export const TR339 = defineCrossRule(
  {
    code: 'TR339',
    kind: 'TR',
    retourcode: '9339',
    nl: 'De productcategorie van de prestatie is niet de categorie die is toegewezen.',
    en: 'ProductCategorie must be the category of the toewijzing when the toewijzing has one.',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, pairing, toewijzing } of r.shared(claimOf, facts).lines) {
        if (pairing !== 'found' || toewijzing?.categorie == null) continue;
        if (prestatie.categorie !== toewijzing.categorie) r.report(prestatie, `Declared ${prestatie.categorie}, assigned ${toewijzing.categorie}.`);
      }
    },
  },
);
