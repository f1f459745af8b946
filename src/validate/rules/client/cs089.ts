import { defineRule } from '../rule.js';
import { forEachContact } from './support.js';

/** Four digits not starting with 0, then two letters, nothing else (no space). */
const DUTCH_POSTCODE = /^[1-9][0-9]{3}[a-zA-Z]{2}$/;

/** CS089: with LandCode NL the Postcode has the Dutch format; on every Contact's Adres. */
export const CS089 = defineRule(
  {
    code: 'CS089',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Bij landcode NL moet de postcode de Nederlandse vorm hebben: vier cijfers (niet beginnend met 0) en twee letters, zonder spatie.',
    en: 'With LandCode NL the Postcode must have the Dutch format: four digits not starting with 0, then two letters, no space.',
  },
  {
    JW301: (m, r) =>
      forEachContact(m, (c) => {
        const a = c.Adres;
        // The detail never repeats the postcode: it is part of an address.
        if (a?.LandCode === 'NL' && a.Postcode !== undefined && !DUTCH_POSTCODE.test(a.Postcode)) {
          r.report(a, 'Postcode', 'The Postcode does not have the Dutch format.');
        }
      }),
  },
);
