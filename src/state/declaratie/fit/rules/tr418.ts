import { defineCrossRule } from '../../../rule.js';
import type { ContractTarief } from '../../../contracts.js';
import { contractTarieven } from '../contract.js';
import { claimOf } from '../lines.js';

const UUR = '04';
const MINUUT = '01';

/**
 * A contract tariff as a prestatie in `eenheid` must state it: the tariff itself, or for minutes
 * on an hourly tariff that tariff / 60 rounded half-up to whole cents (IV081).
 */
function expectedTarief(t: ContractTarief, eenheid: string): number | null {
  if (t.tarief === null) return null;
  if (t.eenheid === eenheid) return t.tarief;
  if (t.eenheid === UUR && eenheid === MINUUT) return Math.round(t.tarief / 60);
  return null;
}

/**
 * TR418 (0611, an external-source rule): where contract data covers the gemeente's regio, a
 * debet prestatie's ProductTarief is the contract tariff of its product on the first day of its
 * product period (for this aanbieder when it has a contract of its own). A product the contract
 * does not list has no contract tariff, so any tariff for it differs. Eenheid 83 has no tariff.
 */
export const TR418 = defineCrossRule(
  {
    code: 'TR418',
    kind: 'TR',
    retourcode: '0611',
    nl: 'Het producttarief is niet het tarief dat in het contract voor dit product is afgesproken.',
    en: 'ProductTarief must be the contract tariff of the product.',
  },
  {
    JW323: (facts, r) => {
      const claim = r.shared(claimOf, facts);
      for (const { prestatie } of claim.lines) {
        if (prestatie.debetCredit !== 'D' || prestatie.tarief === null) continue;
        const tarieven = contractTarieven(r, claim.gemeente, claim.aanbieder, prestatie);
        if (tarieven === null) continue;
        const expected = tarieven.map((t) => expectedTarief(t, prestatie.eenheid)).filter((x): x is number => x !== null);
        if (expected.includes(prestatie.tarief)) continue;
        r.report(
          prestatie,
          expected.length === 0
            ? `The contract has no tariff for product ${prestatie.code} in Eenheid ${prestatie.eenheid} on ${prestatie.begindatum}.`
            : `Declared ${prestatie.tarief}, the contract tariff is ${expected.join(' or ')} cents.`,
        );
      }
    },
  },
);
