/**
 * Claim rules: the JW323 declaratie (periods, amounts, debet/credit) and the JW325
 * declaratie-antwoord as received on its own (amounts and retourcodes per level). What needs the
 * JW323 and its JW325 together (TR337, TR366, TR367, TR371, TR376) are cross-message rules
 * (src/state/declaratie/rules/), checked against the claim ledger when a JW325 arrives.
 * IV042's JW323 part is `checkIv042Jw323` in iv042.ts, registered under the product group's IV042.
 */
import type { Rule } from '../rule.js';
import { CD060 } from './cd060.js';
import { CD087 } from './cd087.js';
import { CS100 } from './cs100.js';
import { CS325 } from './cs325.js';
import { CS337 } from './cs337.js';
import { CS339 } from './cs339.js';
import { CS340 } from './cs340.js';
import { IV087 } from './iv087.js';
import { TR137 } from './tr137.js';
import { TR315 } from './tr315.js';
import { TR316 } from './tr316.js';
import { TR319 } from './tr319.js';
import { TR335 } from './tr335.js';
import { TR342 } from './tr342.js';
import { TR358 } from './tr358.js';
import { TR416 } from './tr416.js';

export const RULES: readonly Rule[] = [
  CS340,
  CS100,
  CS337,
  TR137,
  TR319,
  TR335,
  TR358,
  CS325,
  CS339,
  CD087,
  CD060,
  TR315,
  TR316,
  TR416,
  TR342,
  IV087,
];

/** Message-scope rules of this group that are not a check of their own, with the reason. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  OP280:
    'Nothing left to check on its own: the schema allows exactly one DeclaratiePeriode per JW323, CS340 (declaratie/cs340.ts) makes ' +
    'it one whole calendar month, and TR319 (declaratie/tr319.ts, 9319) rejects a prestatie whose ProductPeriode ends after it. ' +
    'Prestaties of earlier months are explicitly allowed, so there is nothing more to reject.',
  OP354:
    'Its checkable consequences are other rules: a ProductPeriode must have ended by the Dagtekening (TR137, declaratie/tr137.ts), ' +
    'may not reach past the DeclaratiePeriode (TR319, 9319) and may not be more than five years old (TR335). That care is declared ' +
    'in the very next period rather than later is a preference the rule itself relaxes ("or later"), not a rejection ground.',
  OP367:
    'The business rule behind CS337 (declaratie/cs337.ts), which checks exactly this on every ProductPeriode of a JW323: Begindatum ' +
    'and Einddatum in the same calendar month and year. A separate check would report the same defect twice.',
  IV086:
    'Its checkable parts are TR316 (declaratie/tr316.ts: a debet and the credit of that debet in one message) and TR358 ' +
    '(declaratie/tr358.ts: TotaalIngediendBedrag nets debets minus credits). A credit together with its new, second debet is ' +
    'allowed, so it needs no check; that the credited debet was approved earlier needs the claim ledger (TR323, 8017).',
  OP303:
    'Checked as TR342 (declaratie/tr342.ts: only rejected prestaties are returned, their amounts explain TotaalIngediendBedrag minus ' +
    'TotaalToegekendBedrag, and a rejected declaration grants 0) and IV087 (declaratie/iv087.ts: retourcodes per level); that every ' +
    'returned Prestatie carries a RetourCode is XSD-enforced. Which prestaties are rejected is the gemeente\'s decision; that each ' +
    'returned one is a prestatie of the JW323 with the same values is checked against the claim ledger when the JW325 arrives ' +
    '(TR366, TR367 in src/state/declaratie/rules/).',
  OP304:
    'A returned Client without any rejection already breaks TR342 (declaratie/tr342.ts): the schema requires at least one Prestatie per ' +
    'Client, and every returned Prestatie must carry a rejection code, or 0233 under a rejected Client (IV087). Whether all of a ' +
    "client's rejected prestaties are present is the gemeente's decision; that each returned prestatie belongs to that client in the " +
    'JW323 is checked against the claim ledger when the JW325 arrives (TR366, TR367 in src/state/declaratie/rules/).',
};

/** `<code>/<type>` pairs rules.csv names that a check here leaves out on purpose, with the reason. */
export const PARTIAL_COVERAGE: Readonly<Record<string, string>> = {};
