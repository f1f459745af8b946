import { defineCrossRule } from '../../../rule.js';
import { debetLines, claimOf } from '../lines.js';
import { period } from '../periods.js';
import { assignedScale, maxForPeriod, omvangOf, scaleOf, validityOf } from '../volume.js';

/**
 * TR321: with an Omvang, one prestatie's GeleverdVolume fits what the toewijzing allows for its
 * product period, by Frequentie: per day × days, per week × ISO weeks touching the period
 * (inspanningsgericht, IV077) or × Sundays (+1 for the last broken week, outputgericht, IV076),
 * per month and in total the volume itself (a broken month or week may use it all, IV078).
 */
export const TR321 = defineCrossRule(
  {
    code: 'TR321',
    kind: 'TR',
    retourcode: '9321',
    nl: 'Het geleverde volume is groter dan de toewijzing voor deze productperiode toestaat.',
    en: 'GeleverdVolume must fit the volume the toewijzing allows for the product period (by Eenheid and Frequentie).',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, toewijzing } of debetLines(r.shared(claimOf, facts))) {
        const omvang = omvangOf(toewijzing);
        if (omvang === null) continue;
        const scale = scaleOf(omvang.eenheid, prestatie.eenheid);
        if (scale === null) continue; // TR341
        const max = maxForPeriod(omvang, validityOf(toewijzing), period(prestatie.begindatum, prestatie.einddatum));
        if (max === null) continue; // TR307/TR308
        if (prestatie.volume * scale > max * assignedScale(omvang.eenheid)) {
          r.report(prestatie, `Declared ${prestatie.volume} (Eenheid ${prestatie.eenheid}), at most ${max} (Eenheid ${omvang.eenheid}) for this period.`);
        }
      }
    },
  },
);
