import { defineCrossRule } from '../../../rule.js';
import { claimOf } from '../lines.js';

/**
 * TR340: when the toewijzing names a ProductCode (specific toewijzingen), the prestatie repeats
 * it; with an aspecific or generic toewijzing the aanbieder fills in the code it delivered (IV075).
 */
export const TR340 = defineCrossRule(
  {
    code: 'TR340',
    kind: 'TR',
    retourcode: '9340',
    nl: 'De productcode van de prestatie is niet de code die is toegewezen.',
    en: 'ProductCode must be the code of the toewijzing when the toewijzing has one.',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, pairing, toewijzing } of r.shared(claimOf, facts).lines) {
        if (pairing !== 'found' || toewijzing?.code == null) continue;
        if (prestatie.code !== toewijzing.code) r.report(prestatie, `Declared ${prestatie.code}, assigned ${toewijzing.code}.`);
      }
    },
  },
);
