/**
 * Does a declared prestatie fit the toewijzing it names: product, unit, period and volume or
 * budget (process.md §4.4), and the contract tariff.
 */
import type { CrossRule } from '../../rule.js';
import { TR307 } from './rules/tr307.js';
import { TR308 } from './rules/tr308.js';
import { TR321 } from './rules/tr321.js';
import { TR322 } from './rules/tr322.js';
import { TR338 } from './rules/tr338.js';
import { TR339 } from './rules/tr339.js';
import { TR340 } from './rules/tr340.js';
import { TR341 } from './rules/tr341.js';
import { TR369 } from './rules/tr369.js';
import { TR384 } from './rules/tr384.js';
import { TR387 } from './rules/tr387.js';
import { TR388 } from './rules/tr388.js';
import { TR418 } from './rules/tr418.js';

export const FIT_RULES: readonly CrossRule[] = [TR338, TR384, TR339, TR340, TR341, TR307, TR308, TR387, TR388, TR321, TR322, TR369, TR418];

export const FIT_NOT_APPLICABLE: Readonly<Record<string, string>> = {
  OP267:
    'The business rule behind TR341: the declared Eenheid is checked against the toewijzing (or, for aspecific and generic toewijzingen, the contract) by declaratie/fit/rules/tr341.ts (9341).',
  OP276:
    'Carried by TR338 (declaratie/fit/rules/tr338.ts, 9338: no toewijzing of this gemeente to this aanbieder with the number) and TR384 (tr384.ts, 9384: the toewijzing was deleted).',
  OP279:
    'Carried by TR307 and TR308 (declaratie/fit/rules/tr307.ts, tr308.ts: 9307/9308), which keep each product period within the current version of its toewijzing.',
  OP302:
    'Carried by TR339 and TR340 (declaratie/fit/rules/tr339.ts, tr340.ts: 9339/9340) for specific and aspecific toewijzingen; for generic ones the contract decides, checked by TR418 (tr418.ts, 0611) where contract data covers the regio.',
  OP365:
    'Carried by TR321 (per product period), TR322 (over the whole toewijzing) and TR369 (budget) in declaratie/fit/rules/ (9321/9322/9369), with the volume arithmetic in declaratie/fit/volume.ts.',
  OP368:
    'Carried by TR307/TR308 (inside the toewijzing) and TR387/TR388 (month clipped to the toewijzing) in declaratie/fit/rules/ (9307/9308/9387/9388).',
  IV076:
    'How to fill GeleverdVolume for weekly toewijzingen; the limits it implies are what TR321/TR322 check in declaratie/fit/volume.ts: ISO weeks touching the period for inspanningsgericht, Sundays (+1 for the last broken week) for outputgericht. Which delivery falls in which period is not visible in a message, so it is no rejection ground of its own.',
  IV077:
    'The maximum volume per product period and over the toewijzing for weekly frequencies: implemented as maxForPeriod/maxForToewijzing in declaratie/fit/volume.ts and applied by TR321 (9321) and TR322 (9322).',
  IV078:
    'A broken week or month may use the full frequency volume: maxForPeriod in declaratie/fit/volume.ts counts a touched week or month whole, so TR321 (9321) accepts it. What was actually delivered cannot be seen in a message.',
  IV084:
    'A prestatie names exactly one ToewijzingNummer (XSD) and TR307/TR308 (9307/9308) keep its product period within that toewijzing, so a prestatie spanning two toewijzingen is rejected there.',
  IV089:
    'How ProductPeriode is filled: checked by TR387 and TR388 (declaratie/fit/rules/tr387.ts, tr388.ts: 9387/9388). Trajectory agreements (OP264) still put the period in one clipped month, which those rules accept.',
};
