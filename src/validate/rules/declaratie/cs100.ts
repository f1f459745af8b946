import type { CDT_GeslotenPeriode } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { beforeFirstClaimDate, EERSTE_DECLARATIEDATUM, forEachPrestatie } from './support.js';

/** One report per period: on its Begindatum, or on its Einddatum when only that one is too early. */
function check(periode: CDT_GeslotenPeriode, r: Reporter): void {
  const child = beforeFirstClaimDate(periode.Begindatum) ? 'Begindatum' : beforeFirstClaimDate(periode.Einddatum) ? 'Einddatum' : undefined;
  if (child !== undefined) r.report(periode, child, `The date lies before ${EERSTE_DECLARATIEDATUM}.`);
}

/**
 * CS100: the DeclaratiePeriode and every ProductPeriode of a JW323 lie on or after 2021-01-01.
 * The constraint names the period, so both of its dates must meet it.
 */
export const CS100 = defineRule(
  {
    code: 'CS100',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Een declaratieperiode of productperiode begint of eindigt vóór 1 januari 2021.',
    en: 'DeclaratiePeriode and ProductPeriode must lie on or after 2021-01-01.',
  },
  {
    JW323: (m, r) => {
      check(m.Declaratie.DeclaratiePeriode, r);
      forEachPrestatie(m, (p) => check(p.ProductPeriode, r));
    },
  },
);
