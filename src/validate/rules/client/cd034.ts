import { defineRule } from '../rule.js';
import { BRP_ADRES, forEachContact, VERBLIJFADRES } from './support.js';

/**
 * CD034: a BRP address (Soort 01) or residence address (Soort 03) has a Postcode. A Contact of
 * those sorts without any Adres lacks its Postcode too, so it is reported as well.
 */
export const CD034 = defineRule(
  {
    code: 'CD034',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Bij een BRP-adres (soort 01) of verblijfadres (soort 03) is de postcode verplicht.',
    en: 'Adres Postcode is required when the Contact Soort is 01 (BRP address) or 03 (residence address).',
  },
  {
    JW301: (m, r) =>
      forEachContact(m, (c) => {
        if ((c.Soort !== BRP_ADRES && c.Soort !== VERBLIJFADRES) || c.Adres?.Postcode !== undefined) return;
        if (c.Adres === undefined) r.report(c, 'Soort', `Soort is ${c.Soort} but the Contact has no Adres.`);
        else r.report(c.Adres, undefined, `Soort is ${c.Soort} but Postcode is missing.`);
      }),
  },
);
