import { defineCrossRule } from '../../../rule.js';
import { debetLines, claimOf } from '../lines.js';

/**
 * TR387 (IV089): the product period begins on the 1st of its month, or on the toewijzing's
 * Ingangsdatum when that lies later in the same month. An Ingangsdatum after the month is TR307's.
 */
export const TR387 = defineCrossRule(
  {
    code: 'TR387',
    kind: 'TR',
    retourcode: '9387',
    nl: 'De productperiode begint niet op de eerste dag van de maand (of op de latere ingangsdatum van de toewijzing in die maand).',
    en: 'ProductPeriode must begin on the first day of its month, or on the Ingangsdatum of the toewijzing when that is later in the month.',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, toewijzing } of debetLines(r.shared(claimOf, facts))) {
        const month = prestatie.begindatum.slice(0, 7);
        const ingang = toewijzing.ingangsdatum;
        if (ingang.slice(0, 7) > month) continue;
        const expected = ingang.slice(0, 7) === month ? ingang : `${month}-01`;
        if (prestatie.begindatum !== expected) r.report(prestatie, `Begins ${prestatie.begindatum}, expected ${expected}.`);
      }
    },
  },
);
