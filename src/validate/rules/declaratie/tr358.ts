import { defineRule } from '../rule.js';
import { forEachPrestatie, showSigned, signedBedrag, signedTotaal } from './support.js';

/**
 * TR358 (with IV086's netting): TotaalIngediendBedrag is the sum of all Prestatie amounts, debets
 * added and credits subtracted, with its own DebetCredit carrying the sign of the result. Amounts
 * are whole cents; even 37,000 prestaties of the largest Bedrag stay far below 2^53.
 */
export const TR358 = defineRule(
  {
    code: 'TR358',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Het totaal ingediende bedrag is niet gelijk aan de som van de prestaties (debet opgeteld, credit afgetrokken).',
    en: 'TotaalIngediendBedrag must equal the sum of the Prestatie amounts, debets added and credits subtracted.',
  },
  {
    JW323: (m, r) => {
      let sum = 0;
      forEachPrestatie(m, (p) => {
        sum += signedBedrag(p.IngediendBedrag);
      });
      const totaal = m.Declaratie.TotaalIngediendBedrag;
      if (signedTotaal(totaal) !== sum) {
        const detail = `The prestaties net to ${showSigned(sum)}; the message says ${showSigned(signedTotaal(totaal))}.`;
        r.report(m.Declaratie, 'TotaalIngediendBedrag', detail);
      }
    },
  },
);
