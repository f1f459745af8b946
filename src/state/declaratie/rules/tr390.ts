import { defineCrossRule } from '../../rule.js';
import { liveCreditOf } from '../ledger.js';

/** A debet is credited once (OP360): a second credit naming the same debet is refused. */
export const TR390 = defineCrossRule(
  {
    code: 'TR390',
    kind: 'TR',
    retourcode: '9390',
    nl: 'Deze debetprestatie is al eerder gecrediteerd.',
    en: 'A prestatie is credited only once: an earlier credit already names this VorigReferentieNummer.',
  },
  {
    JW323: (facts, r) => {
      const aanbieder = facts.header.afzender;
      for (const client of facts.clienten) {
        for (const p of client.prestaties) {
          if (p.debetCredit === 'C' && p.vorigReferentieNummer !== null && liveCreditOf(r, aanbieder, p.vorigReferentieNummer) !== undefined) {
            r.report(p);
          }
        }
      }
    },
  },
);
