import { defineCrossRule } from '../../../rule.js';
import { debetLines, claimOf } from '../lines.js';
import { fromDayNumber } from '../../../../calendar/iso-date.js';
import { monthOf } from '../periods.js';

/**
 * TR388 (IV089): the product period ends on the last day of its month, or on the toewijzing's
 * Einddatum when that lies earlier in the same month. An Einddatum before the month is TR308's.
 * The month is that of the period's Begindatum (CS337 keeps a period within one month).
 */
export const TR388 = defineCrossRule(
  {
    code: 'TR388',
    kind: 'TR',
    retourcode: '9388',
    nl: 'De productperiode eindigt niet op de laatste dag van de maand (of op de eerdere einddatum van de toewijzing in die maand).',
    en: 'ProductPeriode must end on the last day of its month, or on the Einddatum of the toewijzing when that is earlier in the month.',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, toewijzing } of debetLines(r.shared(claimOf, facts))) {
        const month = prestatie.begindatum.slice(0, 7);
        const eind = toewijzing.einddatum;
        if (eind !== null && eind.slice(0, 7) < month) continue;
        const expected = eind !== null && eind.slice(0, 7) === month ? eind : fromDayNumber(monthOf(prestatie.begindatum).to);
        if (prestatie.einddatum !== expected) r.report(prestatie, `Ends ${prestatie.einddatum}, expected ${expected}.`);
      }
    },
  },
);
