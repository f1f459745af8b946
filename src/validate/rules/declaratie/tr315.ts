import { defineRule } from '../rule.js';
import { forEachPrestatie } from './support.js';

/**
 * TR315: no two prestaties in one JW323 credit the same debet: VorigReferentieNummer is unique
 * over the whole message (all clients). Every repeat after the first is reported. Values compare
 * exactly as written (the schema keeps white space in ReferentieNummer strings).
 */
export const TR315 = defineRule(
  {
    code: 'TR315',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Hetzelfde VorigReferentieNummer komt meer dan eens voor in het bericht; een debet wordt maar één keer gecrediteerd.',
    en: 'VorigReferentieNummer must be unique within the message.',
  },
  {
    JW323: (m, r) => {
      const seen = new Set<string>();
      forEachPrestatie(m, (p) => {
        const vorig = p.ProductReferentie.VorigReferentieNummer;
        if (vorig === undefined) return;
        if (seen.has(vorig)) r.report(p.ProductReferentie, 'VorigReferentieNummer', 'An earlier prestatie in this message credits the same debet.');
        else seen.add(vorig);
      });
    },
  },
);
