/**
 * IV042's JW323 part, for the IV042 rule the product group registers (one Rule per code): in a
 * claim GeleverdVolume and Eenheid belong together. With Eenheid 83 (euros) GeleverdVolume is an
 * amount in cents; with any other unit it is a whole number of that unit.
 *
 * What of that a single message can show: "whole number, no decimals" is already the schema's
 * (LDT_Volume is an xs:integer from 0), and an amount "in cents" is only visible through the
 * amount it must equal, IngediendBedrag/Bedrag, which is CS339 (cs339.ts). So this check reports
 * exactly the prestaties CS339 reports, on GeleverdVolume instead of on Bedrag. Registering it
 * under IV042 therefore reports the same defect twice; see the group's report for the choice.
 */
import type { Check } from '../rule.js';
import { EENHEID_EURO, forEachPrestatie } from './support.js';

export const checkIv042Jw323: Check<'JW323'> = (m, r) =>
  forEachPrestatie(m, (p) => {
    if (p.Eenheid === EENHEID_EURO && Number(p.GeleverdVolume) !== Number(p.IngediendBedrag.Bedrag)) {
      r.report(p, 'GeleverdVolume', 'With Eenheid 83 GeleverdVolume is the claimed amount in cents, equal to IngediendBedrag.');
    }
  });
