/**
 * Start and stop of delivery (JW305/JW307): process.md §2.3. The ledger keeps every start and
 * stop line as sent, deletions (StatusAanlevering 3) included; the current start of a toegewezen
 * product, its stops and whether it is open are derived from it (ledger.ts).
 */
import type { StateGroup } from '../rule.js';
import { applyStarts, applyStops } from './apply.js';
import { TR019 } from './rules/tr019.js';
import { TR063 } from './rules/tr063.js';
import { TR071 } from './rules/tr071.js';
import { TR074 } from './rules/tr074.js';
import { TR326 } from './rules/tr326.js';
import { TR382 } from './rules/tr382.js';
import { TR413 } from './rules/tr413.js';
import { TR414 } from './rules/tr414.js';
import { TR415 } from './rules/tr415.js';
import { LEVERING_SCHEMA, LEVERING_TABLES } from './schema.js';

export const leveringGroup: StateGroup = {
  name: 'levering',
  schema: LEVERING_SCHEMA,
  tables: LEVERING_TABLES,
  rules: [TR019, TR063, TR071, TR074, TR326, TR382, TR413, TR414, TR415],
  notApplicable: {
    OP033:
      'How corrections are sent (delete with StatusAanlevering 3, resend with 1); the checkable parts are TR063 (a deletion names a current line), TR071 (no deletion of a stopped start) and TR074 (a first delivery has a new key) in levering/rules/, and CS058 (only 1 and 3) in-message.',
    OP072:
      'A stop only after a start, naming that start: checked as TR382 (9069) in levering/rules/tr382.ts, which refuses a stop whose start key has no current start.',
    OP155:
      'A stop names the latest start: checked as TR382 (9069) in levering/rules/tr382.ts, which refuses a stop of another start while the product has an open one.',
    OP288:
      'A duty to send a stop at the end of every started delivery, even at the planned end: what it asks for is a message that may never come, so no received message can break it; the open starts are in the ledger (levering_starts) for monitoring.',
    OP289:
      'One current start per toegewezen product: checked as TR326 (9326) in levering/rules/tr326.ts, with the exceptions it names (an intervening stop, a correction that deletes the start first).',
    OP295:
      'Start/stop are mandatory for effort- and output-based work (an obligation no single message breaks), and no stop without a start: checked as TR382 (9069) in levering/rules/tr382.ts.',
    OP363:
      'Start and stop are reported for products with a received toewijzing: checked as TR019 (9019) in levering/rules/tr019.ts.',
    OP377:
      'Without a new start only a temporary stop may be followed by a definitive one: a second stop after a definitive one is TR415 (9415), an earlier end date TR414 (9414), and a stop of a start that a restart has superseded TR382 (9069), all in levering/rules/.',
    OP378:
      'After a temporary stop without a new start only a definitive stop: checked as TR413 (9413) in levering/rules/tr413.ts (and TR415 after the definitive one).',
    OP379:
      'A permission, not a prohibition: TR326 (levering/rules/tr326.ts) counts a start ended by a temporary or definitive stop as no longer current, so the new start is admitted (sequence tr326/passes).',
    IV008:
      'How to correct a start or stop; the ledger applies it: a deletion (3) makes its key free, so the resent line (1) is admitted, and lines are judged in message order so a deletion and its replacement may share a message (levering/ledger.ts walkStarts/walkStops); the same key twice in one message is TR101 in-message.',
    IV096:
      'The start/stop key: ToewijzingNummer (+ Product + Begindatum) for effort and output work, Product + Begindatum for task-based work; it is the key of the ledger (levering/schema.ts, ledger.ts productKeyOf), and task-based lines are not held to a toewijzing (TR019, TR326).',
    IV075:
      'Product as the toewijzing has it: for JW305/JW307 checked as part of TR019 (9019, levering/rules/tr019.ts: the line must name the toegewezen product); its request (JW315/JW317) filling is in-message, and the declaratie part (category and code against the toewijzing) is TR339/TR340 (9339/9340) of the declaratie group.',
  },
  apply: { JW305: applyStarts, JW307: applyStops },
};
