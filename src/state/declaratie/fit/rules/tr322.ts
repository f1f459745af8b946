import type { PrestatieFact } from '../../../facts.js';
import { defineCrossRule } from '../../../rule.js';
import { claimOf } from '../lines.js';
import { declaredOn } from '../sums.js';
import { assignedScale, maxForToewijzing, omvangOf, scaleOf } from '../volume.js';

/**
 * TR322: with an Omvang, everything declared on the toewijzing — earlier prestaties not rejected
 * plus this message's, debet minus credit — fits the volume over its whole duration (IV077 step
 * 4; per month × calendar months, per week × weeks, per day × days, or the total). The credits
 * of this message count first; then its debets in message order, and each debet that takes the
 * sum over the maximum is reported.
 */
export const TR322 = defineCrossRule(
  {
    code: 'TR322',
    kind: 'TR',
    retourcode: '9322',
    nl: 'Het totaal gedeclareerde volume op deze toewijzing is groter dan het toegewezen volume over de hele looptijd.',
    en: 'The sum of GeleverdVolume over all prestaties on the toewijzing must fit its volume over its whole duration.',
  },
  {
    JW323: (facts, r) => {
      const claim = r.shared(claimOf, facts);
      for (const [nummer, lines] of claim.byToewijzing) {
        const t = lines[0]!.toewijzing!;
        const omvang = omvangOf(t);
        if (omvang === null || !lines.some((l) => l.prestatie.debetCredit === 'D')) continue;
        const max = maxForToewijzing(omvang, t);
        if (max === null) continue;
        const limit = max * assignedScale(omvang.eenheid);
        const base = (p: PrestatieFact) => {
          const scale = scaleOf(omvang.eenheid, p.eenheid);
          return scale === null ? 0 : p.volume * scale;
        };
        let sum = declaredOn(r, facts, claim.gemeente, nummer, omvang.eenheid).volume;
        for (const { prestatie } of lines) if (prestatie.debetCredit === 'C') sum -= base(prestatie);
        for (const { prestatie } of lines) {
          if (prestatie.debetCredit !== 'D') continue;
          sum += base(prestatie);
          if (sum > limit) r.report(prestatie, `With this prestatie ${sum / assignedScale(omvang.eenheid)} is declared, at most ${max} (Eenheid ${omvang.eenheid}) over the toewijzing.`);
        }
      }
    },
  },
);
