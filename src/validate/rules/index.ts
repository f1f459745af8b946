/**
 * The catalogue of rules we check inside one message, and the message-scope rules of the standard
 * we deliberately do not check as a rule of their own, each with its reason. Rules are grouped by
 * what they are about; each group keeps its own lists.
 */
import type { MessageType } from '../../standard/catalogue.js';
import * as client from './client/index.js';
import { CS002 } from './cs002.js';
import * as declaratie from './declaratie/index.js';
import { CS139, TR002 } from './geboortedatum.js';
import { IV034 } from './iv034.js';
import * as levering from './levering/index.js';
import * as product from './product/index.js';
import type { Rule } from './rule.js';

const groups = [client, product, levering, declaratie];

export const MESSAGE_RULES: readonly Rule[] = [CS002, CS139, IV034, TR002, ...groups.flatMap((g) => g.RULES)];

/** Each reason names where the behaviour lives instead, or why no machine can check it. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = Object.assign(
  {
    OP179:
      'Enforced before parsing, not as a rule on the parsed message: preflight refuses input above the size limit (25 MB by default) with input code SIZE.',
  },
  ...groups.map((g) => g.NOT_APPLICABLE),
);

export const PARTIAL_COVERAGE: Readonly<Record<string, string>> = Object.assign({}, ...groups.map((g) => g.PARTIAL_COVERAGE));

export function rulesFor(type: MessageType): readonly Rule[] {
  return MESSAGE_RULES.filter((rule) => rule.checks[type] !== undefined);
}
