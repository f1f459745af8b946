import { defineRule } from '../rule.js';
import { EENHEID_EURO, forEachPrestatie } from './support.js';

/**
 * CD087: ProductTarief is required when Eenheid is anything but 83 (euros) and absent with 83,
 * where GeleverdVolume already is the amount. Reported on the ProductTarief when it is there
 * wrongly, on the Eenheid it needs when it is missing.
 */
export const CD087 = defineRule(
  {
    code: 'CD087',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Het producttarief ontbreekt terwijl de eenheid geen 83 (euro) is, of is gevuld terwijl de eenheid 83 is.',
    en: 'ProductTarief is required unless Eenheid is 83 (euros), and must be absent with Eenheid 83.',
  },
  {
    JW323: (m, r) =>
      forEachPrestatie(m, (p) => {
        const euro = p.Eenheid === EENHEID_EURO;
        if (euro && p.ProductTarief !== undefined) r.report(p, 'ProductTarief', 'Eenheid is 83, so there is no tariff.');
        else if (!euro && p.ProductTarief === undefined) r.report(p, 'Eenheid', `Eenheid ${p.Eenheid} needs a ProductTarief.`);
      }),
  },
);
