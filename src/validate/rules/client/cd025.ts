import { defineRule } from '../rule.js';
import { forEachContact } from './support.js';

/** CD025: a Dutch address (LandCode NL) has house number data; on every Contact's Adres. */
export const CD025 = defineRule(
  {
    code: 'CD025',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Bij een Nederlands adres (landcode NL) zijn de huisnummergegevens verplicht.',
    en: 'Adres Huis is required when LandCode is NL.',
  },
  {
    JW301: (m, r) =>
      forEachContact(m, (c) => {
        const a = c.Adres;
        if (a?.LandCode === 'NL' && a.Huis === undefined) r.report(a, 'LandCode', 'LandCode is NL but Huis is missing.');
      }),
  },
);
