import { defineCrossRule } from '../../rule.js';
import { declaratieByNummer } from '../ledger.js';

/**
 * A DeclaratieNummer is used once per aanbieder (OP349). A claim that counted as not sent (rejected
 * as a whole) left no row, so its number may be used again.
 */
export const TR333 = defineCrossRule(
  {
    code: 'TR333',
    kind: 'TR',
    retourcode: '9333',
    nl: 'Dit DeclaratieNummer heeft de aanbieder al eerder gebruikt voor een declaratie.',
    en: 'DeclaratieNummer must be unique per aanbieder: an earlier admitted declaratie has this number.',
  },
  {
    JW323: (facts, r) => {
      const earlier = declaratieByNummer(r, facts.header.afzender, facts.declaratie.nummer);
      if (earlier !== undefined) r.report(facts.declaratie, `It was used by the declaratie of ${earlier.dagtekening}.`);
    },
  },
);
