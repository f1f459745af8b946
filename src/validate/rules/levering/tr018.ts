/** TR018: a stop cannot end before the delivery it stops began. */
import { defineRule } from '../rule.js';
import { dateBefore } from '../support.js';

export const TR018 = defineRule(
  {
    code: 'TR018',
    kind: 'TR',
    retourcode: '0001',
    nl: 'De einddatum van de levering ligt voor de begindatum.',
    en: 'StopProduct Einddatum must be on or after its Begindatum.',
  },
  {
    JW307: (m, r) => {
      for (const p of m.Client.StopProducten.StopProduct) {
        if (dateBefore(p.Einddatum, p.Begindatum)) {
          r.report(p, 'Einddatum', 'Einddatum lies before Begindatum.');
        }
      }
    },
  },
);
