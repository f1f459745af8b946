import { defineRule } from '../rule.js';
import { forEachContact } from './support.js';

/** CD005: LandCode goes with Postcode, both ways; on every Contact's Adres (client and Relatie). */
export const CD005 = defineRule(
  {
    code: 'CD005',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Landcode hoort bij een postcode: verplicht als er een postcode is, en leeg als die er niet is.',
    en: 'Adres LandCode is required when Postcode is filled and must be absent when it is not.',
  },
  {
    JW301: (m, r) =>
      forEachContact(m, (c) => {
        const a = c.Adres;
        if (a === undefined) return;
        if (a.Postcode !== undefined && a.LandCode === undefined) r.report(a, 'Postcode', 'Postcode is filled but LandCode is missing.');
        else if (a.Postcode === undefined && a.LandCode !== undefined) r.report(a, 'LandCode', 'LandCode is filled without a Postcode.');
      }),
  },
);
