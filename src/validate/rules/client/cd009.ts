import { defineRule } from '../rule.js';
import { forEachContact, TIJDELIJK_VERBLIJFADRES } from './support.js';

/** CD009: only a temporary residence address (Soort 04) may carry a Periode; client and Relatie contacts alike. */
export const CD009 = defineRule(
  {
    code: 'CD009',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Een periode mag alleen bij een tijdelijk verblijfadres (soort 04) worden opgegeven.',
    en: 'Contact Periode may only be given when Soort is 04 (temporary residence address).',
  },
  {
    JW301: (m, r) =>
      forEachContact(m, (c) => {
        if (c.Periode !== undefined && c.Soort !== TIJDELIJK_VERBLIJFADRES) r.report(c, 'Periode', `Soort is ${c.Soort}, not 04.`);
      }),
  },
);
