import { defineRule } from '../rule.js';
import { EENHEID_EURO, forEachPrestatie } from './support.js';

/**
 * CS339: with Eenheid 83 (euros) GeleverdVolume is the amount in cents, so IngediendBedrag/Bedrag
 * equals it exactly. Compared as numbers: the schema reads both as integers ('062500' = 62500).
 */
export const CS339 = defineRule(
  {
    code: 'CS339',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Bij eenheid 83 (euro) is het ingediende bedrag niet gelijk aan het geleverde volume.',
    en: 'With Eenheid 83 (euros), IngediendBedrag must equal GeleverdVolume.',
  },
  {
    JW323: (m, r) =>
      forEachPrestatie(m, (p) => {
        if (p.Eenheid === EENHEID_EURO && Number(p.IngediendBedrag.Bedrag) !== Number(p.GeleverdVolume)) {
          r.report(p.IngediendBedrag, 'Bedrag', `GeleverdVolume is ${Number(p.GeleverdVolume)} cents; Bedrag is ${Number(p.IngediendBedrag.Bedrag)}.`);
        }
      }),
  },
);
