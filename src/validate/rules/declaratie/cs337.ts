import { defineRule } from '../rule.js';
import { sameMonth } from '../support.js';
import { forEachPrestatie } from './support.js';

/**
 * CS337: the Einddatum of a ProductPeriode falls in the same calendar month of the same year as
 * its Begindatum (2026-03-01..2026-03-31 passes; 2026-03-15..2026-04-14 and 2025-03-01..2026-03-31
 * do not). An Einddatum before the Begindatum in the same month is TR137's to report.
 */
export const CS337 = defineRule(
  {
    code: 'CS337',
    kind: 'CS',
    retourcode: '0001',
    nl: 'De productperiode loopt over meer dan één kalendermaand: begin- en einddatum moeten in dezelfde maand van hetzelfde jaar liggen.',
    en: 'ProductPeriode Einddatum must fall in the same calendar month and year as its Begindatum.',
  },
  {
    JW323: (m, r) =>
      forEachPrestatie(m, (p) => {
        const { Begindatum: begin, Einddatum: end } = p.ProductPeriode;
        if (!sameMonth(begin, end)) {
          r.report(p.ProductPeriode, 'Einddatum', `The period runs from ${begin} to ${end}.`);
        }
      }),
  },
);
