import { defineCrossRule } from '../../../rule.js';
import { contractTarieven } from '../contract.js';
import { claimOf } from '../lines.js';
import { unitFits } from '../volume.js';

/**
 * TR341: the prestatie's Eenheid is the toewijzing's, or minutes on an hour toewijzing. An
 * aspecific or generic toewijzing has no unit: then the unit of the contract tariff counts, which
 * we can check only where contract data covers the regio and lists the product (an unlisted
 * product is TR418's finding).
 */
export const TR341 = defineCrossRule(
  {
    code: 'TR341',
    kind: 'TR',
    retourcode: '9341',
    nl: 'De eenheid van de prestatie past niet bij de eenheid van de toewijzing (of van het contract).',
    en: 'Eenheid must be the unit of the toewijzing (minutes allowed for hours), or of the contract when the toewijzing has none.',
  },
  {
    JW323: (facts, r) => {
      const claim = r.shared(claimOf, facts);
      for (const { prestatie, pairing, toewijzing } of claim.lines) {
        if (pairing !== 'found' || toewijzing === undefined) continue;
        if (toewijzing.eenheid !== null) {
          if (!unitFits(toewijzing.eenheid, prestatie.eenheid)) r.report(prestatie, `Declared in ${prestatie.eenheid}, assigned in ${toewijzing.eenheid}.`);
          continue;
        }
        const tarieven = contractTarieven(r, claim.gemeente, claim.aanbieder, prestatie);
        if (tarieven === null || tarieven.length === 0) continue;
        if (!tarieven.some((t) => unitFits(t.eenheid, prestatie.eenheid))) {
          r.report(prestatie, `Declared in ${prestatie.eenheid}, the contract has ${[...new Set(tarieven.map((t) => t.eenheid))].join('/')}.`);
        }
      }
    },
  },
);
