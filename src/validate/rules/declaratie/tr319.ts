import { defineRule } from '../rule.js';
import { dateBefore } from '../support.js';
import { forEachPrestatie } from './support.js';

/**
 * TR319 (9319): a JW323 claims only product periods of its own DeclaratiePeriode or of earlier
 * ones (OP280: earlier months may be included, later ones not). A ProductPeriode that ends after
 * the DeclaratiePeriode's Einddatum reaches into a later declaration period. The code is a
 * prestatie-level rejection (retourcode 9319 on the Prestatie in the JW325), so it is reported on
 * the Prestatie.
 */
export const TR319 = defineRule(
  {
    code: 'TR319',
    kind: 'TR',
    retourcode: '9319',
    nl: 'De productperiode ligt (deels) na de declaratieperiode; alleen de huidige of een eerdere declaratieperiode mag worden gedeclareerd.',
    en: 'A ProductPeriode may lie only in the current or an earlier declaration period, not after the DeclaratiePeriode.',
  },
  {
    JW323: (m, r) => {
      const einde = m.Declaratie.DeclaratiePeriode.Einddatum;
      forEachPrestatie(m, (p) => {
        const end = p.ProductPeriode.Einddatum;
        if (dateBefore(einde, end)) {
          r.report(p, 'ProductPeriode', `The ProductPeriode ends on ${end}, after the DeclaratiePeriode (ending ${einde}).`);
        }
      });
    },
  },
);
