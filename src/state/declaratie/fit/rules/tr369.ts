import { defineCrossRule } from '../../../rule.js';
import { claimOf } from '../lines.js';
import { declaredOn } from '../sums.js';

/**
 * TR369: with a Budget, everything declared on the toewijzing fits it. The rule's text speaks of
 * summed GeleverdVolume, but a budget is an amount and budget toewijzingen are declared in any
 * unit (IV075), so we sum IngediendBedrag (cents), as process.md §4.4 reads it: earlier
 * prestaties not rejected plus this message's, debet minus credit, credits first, then each debet
 * in message order that takes the sum over the budget is reported.
 */
export const TR369 = defineCrossRule(
  {
    code: 'TR369',
    kind: 'TR',
    retourcode: '9369',
    nl: 'Het totaal gedeclareerde bedrag op deze toewijzing is groter dan het toegewezen budget.',
    en: 'The sum of the amounts declared on a budget toewijzing must fit its Budget.',
  },
  {
    JW323: (facts, r) => {
      const claim = r.shared(claimOf, facts);
      for (const [nummer, lines] of claim.byToewijzing) {
        const budget = lines[0]!.toewijzing!.budget;
        if (budget === null || !lines.some((l) => l.prestatie.debetCredit === 'D')) continue;
        let sum = declaredOn(r, facts, claim.gemeente, nummer, lines[0]!.toewijzing!.eenheid).bedrag;
        for (const { prestatie } of lines) if (prestatie.debetCredit === 'C') sum -= prestatie.bedrag;
        for (const { prestatie } of lines) {
          if (prestatie.debetCredit !== 'D') continue;
          sum += prestatie.bedrag;
          if (sum > budget) r.report(prestatie, `With this prestatie ${sum} cents is declared, the budget is ${budget}.`);
        }
      }
    },
  },
);
