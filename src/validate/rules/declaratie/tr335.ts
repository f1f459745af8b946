import { defineRule } from '../rule.js';
import { addYears, dateBefore, isPlainDate } from '../support.js';
import { forEachPrestatie } from './support.js';

/**
 * TR335: a ProductPeriode ends no more than five years before the DeclaratieDagtekening. Exactly
 * five years (same day and month) still passes. For a DeclaratieDagtekening of 29 February the
 * limit is written as 29 February five years earlier, so in a common year 28 February is already
 * too old and 1 March is not (the same year arithmetic as TR002).
 */
export const TR335 = defineRule(
  {
    code: 'TR335',
    kind: 'TR',
    retourcode: '0001',
    nl: 'De productperiode eindigt meer dan vijf jaar vóór de declaratiedagtekening.',
    en: 'ProductPeriode Einddatum may not lie more than five years before the DeclaratieDagtekening.',
  },
  {
    JW323: (m, r) => {
      const dagtekening = m.Declaratie.DeclaratieDagtekening;
      if (!isPlainDate(dagtekening)) return;
      const limit = addYears(dagtekening, -5);
      forEachPrestatie(m, (p) => {
        const end = p.ProductPeriode.Einddatum;
        if (dateBefore(end, limit)) r.report(p.ProductPeriode, 'Einddatum', `The limit is ${limit}.`);
      });
    },
  },
);
