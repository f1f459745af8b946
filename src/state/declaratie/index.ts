/**
 * Declaraties (JW323) and their answers (JW325): process.md §2.4. Every declared prestatie is kept
 * with its debet/credit pairing and, once answered, whether it was approved (schema.ts). The claim
 * rules read that ledger; how a JW323 is admitted (forwarded with findings, or answered by the
 * gateway for a billing office) is admit.ts, the JW325 the gateway writes is answer.ts.
 */
import type { StateGroup } from '../rule.js';
import { applyJw323, applyJw325 } from './apply.js';
import { FIT_NOT_APPLICABLE, FIT_RULES } from './fit/index.js';
import { TR314 } from './rules/tr314.js';
import { TR318 } from './rules/tr318.js';
import { TR323 } from './rules/tr323.js';
import { TR333 } from './rules/tr333.js';
import { TR337 } from './rules/tr337.js';
import { TR366 } from './rules/tr366.js';
import { TR367 } from './rules/tr367.js';
import { TR371 } from './rules/tr371.js';
import { TR376 } from './rules/tr376.js';
import { TR385 } from './rules/tr385.js';
import { TR389 } from './rules/tr389.js';
import { TR390 } from './rules/tr390.js';
import { DECLARATIE_SCHEMA, DECLARATIE_TABLES } from './schema.js';

/** The claim ledger's rules; the rules on whether a prestatie fits its toewijzing are in fit/. */
export const LEDGER_RULES = [TR333, TR318, TR314, TR323, TR390, TR389, TR385, TR337, TR371, TR376, TR366, TR367] as const;

const LEDGER_NOT_APPLICABLE: Readonly<Record<string, string>> = {
  OP283:
    'The uniqueness of ReferentieNummer per aanbieder is checked as TR314 (8021) in state/declaratie/rules/tr314.ts, within one message as TR101 (message rule).',
  OP284:
    'Checked as TR318 (8214) in state/declaratie/rules/tr318.ts as far as a receiver can: a DeclaratiePeriode before the latest one claimed is refused; gaps (months without care) and a second claim for the latest month are allowed, as the rule says.',
  OP349: 'The uniqueness of DeclaratieNummer per aanbieder is checked as TR333 (9333) in state/declaratie/rules/tr333.ts.',
  OP355:
    'A JW325 must answer a received JW323: checked as TR337 (DeclaratieIdentificatie, one answer per claim) and TR376 (DeclaratieNummer) in state/declaratie/rules/.',
  OP360:
    'Credit once and only after approval: TR390 (9390, credited once) and TR323 (8017, the debet was approved) in state/declaratie/rules/.',
  OP366:
    'Credit in full before a corrected debet: TR389 (9389) refuses a new debet while the earlier one stands uncredited, counting the credits of the same claim first; TR323 (8017) requires the credit to repeat the debet in full.',
  IV085:
    'Credit only after a JW325 approved the debet: TR323 (8017) in state/declaratie/rules/tr323.ts. That a gemeente may refuse a credit on technical grounds only is how the JW325 the gateway writes works (state/declaratie/answer.ts): a prestatie is rejected only for a rule it breaks.',
  IV090:
    'Guidance on late claims: never a DeclaratiePeriode before the latest one is TR318 (8214); one prestatie per month is CS337 (message rule, ProductPeriode within one month) and TR389/TR416 (one debet per toewijzing, product and period).',
  IV091:
    'How a credit is filled: VorigReferentieNummer only on a credit is CD060, unique and not crediting a debet of the same message TR315/TR316 (message rules); naming an earlier approved debet with the same content is TR323 (8017).',
};

export const declaratieGroup: StateGroup = {
  name: 'declaratie',
  schema: DECLARATIE_SCHEMA,
  tables: DECLARATIE_TABLES,
  rules: [...LEDGER_RULES, ...FIT_RULES],
  notApplicable: { ...LEDGER_NOT_APPLICABLE, ...FIT_NOT_APPLICABLE },
  apply: { JW323: applyJw323, JW325: applyJw325 },
};
