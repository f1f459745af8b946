import { defineCrossRule } from '../../../rule.js';
import { debetLines, claimOf } from '../lines.js';

/** TR308: the product period ends on or before the toewijzing's Einddatum, when it has one. */
export const TR308 = defineCrossRule(
  {
    code: 'TR308',
    kind: 'TR',
    retourcode: '9308',
    nl: 'De productperiode eindigt na de einddatum van de toewijzing.',
    en: 'ProductPeriode Einddatum must be on or before the Einddatum of the toewijzing, when that is filled.',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, toewijzing } of debetLines(r.shared(claimOf, facts))) {
        if (toewijzing.einddatum !== null && prestatie.einddatum > toewijzing.einddatum) {
          r.report(prestatie, `Ends ${prestatie.einddatum}, the toewijzing on ${toewijzing.einddatum}.`);
        }
      }
    },
  },
);
