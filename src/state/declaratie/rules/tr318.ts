import { defineCrossRule } from '../../rule.js';
import { lastPeriodeBegin } from '../ledger.js';

/**
 * Declaration periods follow each other (OP284, IV090). The receiver cannot see whether care was
 * delivered in a month nobody claimed (gaps are allowed), nor is a second claim for the latest
 * month wrong (corrections overlap the last period). What it can see, and what we reject, is a
 * DeclaratiePeriode before the latest one this aanbieder already claimed from this gemeente:
 * late prestaties go into the current period with their own ProductPeriode (IV090, TR319).
 */
export const TR318 = defineCrossRule(
  {
    code: 'TR318',
    kind: 'TR',
    retourcode: '8214',
    nl: 'De declaratieperiode ligt vóór de laatst ingediende declaratieperiode; declareer later geleverde zorg in de huidige periode.',
    en: 'DeclaratiePeriode must not lie before the latest DeclaratiePeriode this aanbieder already claimed from this gemeente.',
  },
  {
    JW323: (facts, r) => {
      const last = lastPeriodeBegin(r, facts.header.afzender, facts.header.ontvanger);
      if (last !== undefined && facts.declaratie.periodeBegin < last) {
        r.report(facts.declaratie, `The latest period claimed starts on ${last}.`);
      }
    },
  },
);
