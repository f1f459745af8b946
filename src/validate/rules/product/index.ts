/**
 * The product group: the toegewezen, aangevraagde and gewijzigde products of JW301, JW315 and
 * JW317 - their Omvang, Budget, end dates, referrers, stacking and the shape of a VOW.
 */
import type { Rule } from '../rule.js';
import { CD043 } from './cd043.js';
import { CD075, CD076, CS003 } from './einddatum.js';
import { CS338, CS343 } from './frequentie.js';
import { IV042 } from './iv042.js';
import { CD077, CD078, CD079 } from './omvang-budget.js';
import { CD041, CD080, CD095, CD096 } from './omvang-product.js';
import { TR302, TR386, TR410 } from './overlap.js';
import { CS335, CS336 } from './reden-wijziging.js';
import { TR380 } from './tr380.js';
import { TR383 } from './tr383.js';
import { CD066, CD067, CD068 } from './verwijzer.js';
import { TR352, TR353 } from './vow-products.js';

export const RULES: readonly Rule[] = [
  TR302,
  TR352,
  TR353,
  TR380,
  TR383,
  TR386,
  TR410,
  CD041,
  CD043,
  CD066,
  CD067,
  CD068,
  CD075,
  CD076,
  CD077,
  CD078,
  CD079,
  CD080,
  CD095,
  CD096,
  CS003,
  CS335,
  CS336,
  CS338,
  CS343,
  IV042,
];

/** Message-scope rules of this group that are not a check of their own, with the reason. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {};

/** `<code>/<type>` pairs rules.csv names that a check here leaves out on purpose, with the reason. */
export const PARTIAL_COVERAGE: Readonly<Record<string, string>> = {
  'IV042/JW323':
    'JW323 has no Omvang: its GeleverdVolume/Eenheid coherence (euros in cents, Bedrag = GeleverdVolume for 83) is checked by the declaratie rules in src/validate/rules/declaratie/ (CS339, CD087); this check covers the Omvang of JW301, JW315 and JW317.',
};
