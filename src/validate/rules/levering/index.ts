/**
 * Delivery and answers: start/stop (JW305/JW307), the answer on a request (JW319), the rules that
 * hold across message types (TR101 duplicates, TR134 dates in the past) and the content of retours
 * a party sends us (OP065, IV028, IV033).
 */
import type { Rule } from '../rule.js';
import { CD085, CD086, TR377, TR409 } from './antwoord.js';
import { CS058 } from './cs058.js';
import { IV028 } from './iv028.js';
import { IV033 } from './iv033.js';
import { OP065 } from './op065.js';
import { TR018 } from './tr018.js';
import { TR101 } from './tr101.js';
import { TR134 } from './tr134.js';

export const RULES: readonly Rule[] = [CS058, TR018, CD085, CD086, TR377, TR409, TR134, TR101, OP065, IV028, IV033];

/** Message-scope rules of this group that are not a check of their own, with the reason. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  OP011:
    'Its mechanical part, a StartProduct Begindatum not after the Dagtekening, is checked as TR134 on JW305 (levering/tr134.ts); whether care really began on that day is a fact outside any message.',
  OP033x2:
    'StatusAanlevering 2 in a start or stop is rejected by CS058 (levering/cs058.ts), which allows only 1 and 3; a second rule would report the same defect twice.',
  IV095:
    'Answered by TR377 (Woonplaatsbeginsel required with reason 8) and TR409 (absent otherwise) in levering/antwoord.ts; Gemeente inside Woonplaatsbeginsel is mandatory in the XSD, and whether it is a valid CBS code is TR378 (external source, S300).',
};

/** `<code>/<type>` pairs rules.csv names that a check here leaves out on purpose, with the reason. */
export const PARTIAL_COVERAGE: Readonly<Record<string, string>> = {
  'TR101/JW315':
    'The only repeating class in a VOT, AangevraagdProduct, is keyed by ReferentieAanbieder; its uniqueness in the message is exactly TR383, so a TR101 check would report the same duplicate twice.',
};
