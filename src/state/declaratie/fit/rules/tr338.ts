import { defineCrossRule } from '../../../rule.js';
import { claimOf } from '../lines.js';

/**
 * TR338: a prestatie declares on a toewijzing of the gemeente it is sent to, named by its
 * ToewijzingNummer. A number the gemeente never gave (or took back: a toewijzing the aanbieder
 * rejected counts as not sent), or gave to another aanbieder, relates the prestatie to nothing
 * this aanbieder may declare on (OP276).
 */
export const TR338 = defineCrossRule(
  {
    code: 'TR338',
    kind: 'TR',
    retourcode: '9338',
    nl: 'Er is geen toewijzing met dit ToewijzingNummer van deze gemeente aan deze aanbieder.',
    en: 'The prestatie must name a toewijzing of this gemeente to this aanbieder by its ToewijzingNummer; none is known.',
  },
  {
    JW323: (facts, r) => {
      for (const line of r.shared(claimOf, facts).lines) {
        if (line.pairing === 'missing') r.report(line.prestatie, `ToewijzingNummer ${line.prestatie.toewijzingNummer} is unknown for this gemeente and aanbieder.`);
      }
    },
  },
);
