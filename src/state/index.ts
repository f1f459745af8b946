/**
 * The catalogue of cross-message rules, and the history-scope rules of the standard that are not
 * rejection grounds we check, each with its reason.
 */
import { STATE_GROUPS } from './groups.js';
import type { CrossRule } from './rule.js';

export const CROSS_RULES: readonly CrossRule[] = STATE_GROUPS.flatMap((g) => g.rules);

const DEADLINES =
  'A deadline, not a rejection ground: the monitoring (src/quality/) records the due date in werkdagen when the message that starts the clock is admitted and reports it met, breached or open.';

export const CROSS_NOT_APPLICABLE: Readonly<Record<string, string>> = Object.assign(
  {
    TR056:
      'Checked before any state is read: the store keeps the Identificatie of every first sending per sender and message type (idempotency key); a different message with a used Identificatie is answered with 9056 in ingest/ingest.ts, an identical resend gets the first answer.',
    OP090: DEADLINES,
    OP090x4: DEADLINES,
    OP271: DEADLINES,
    OP272: DEADLINES,
  },
  ...STATE_GROUPS.map((g) => g.notApplicable),
);
