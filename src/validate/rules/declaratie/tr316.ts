import { defineRule } from '../rule.js';
import { forEachPrestatie } from './support.js';

/**
 * TR316 (and IV086's "not a first debet with its credit"): a JW323 does not credit a prestatie it
 * submits itself: no VorigReferentieNummer equals the ReferentieNummer of any Prestatie in the same
 * message, wherever it stands (before or after the credit, under any client, itself included).
 */
export const TR316 = defineRule(
  {
    code: 'TR316',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Een prestatie crediteert een debetprestatie uit hetzelfde bericht; debet en de creditering ervan horen niet in één bericht.',
    en: 'A debet may not be credited in the same message: VorigReferentieNummer may not equal a ReferentieNummer in the message.',
  },
  {
    JW323: (m, r) => {
      // Credits are few: collect what they credit, then which of that is submitted here, and
      // hash each ReferentieNummer only against that small set (none at all without credits).
      const vorige = new Set<string>();
      forEachPrestatie(m, (p) => {
        const vorig = p.ProductReferentie.VorigReferentieNummer;
        if (vorig !== undefined) vorige.add(vorig);
      });
      if (vorige.size === 0) return;
      const inMessage = new Set<string>();
      forEachPrestatie(m, (p) => {
        const nummer = p.ProductReferentie.ReferentieNummer;
        if (vorige.has(nummer)) inMessage.add(nummer);
      });
      forEachPrestatie(m, (p) => {
        const vorig = p.ProductReferentie.VorigReferentieNummer;
        if (vorig !== undefined && inMessage.has(vorig)) {
          r.report(p.ProductReferentie, 'VorigReferentieNummer', 'The credited prestatie is part of this same message.');
        }
      });
    },
  },
);
