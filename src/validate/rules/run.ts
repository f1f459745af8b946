/** Runs every message rule for a message type over a schema-valid message; all rules, not the first. */
import { MESSAGE_TYPES, XSD_VERSIONS, type MessageType } from '../../standard/catalogue.js';
import type { Berichten } from '../../standard/types.generated.js';
import { readMessage } from '../read.js';
import { rulesFor } from './index.js';
import { RuleRun, type Check, type RuleMeta, type RuleOptions, type Violation } from './rule.js';

/**
 * Every published example message and the traffic in practice carry XsdVersie 1.0.0 while the
 * schemas' appinfo says 0.1.0 (see schema-notes §3); accepting both is the useful default.
 */
export const DEFAULT_RULE_OPTIONS: RuleOptions = {
  xsdVersies: {
    basisschema: [XSD_VERSIONS.BasisschemaXsdVersie, '1.0.0'],
    bericht: [XSD_VERSIONS.BerichtXsdVersie, '1.0.0'],
  },
};

interface TypedCheck {
  readonly meta: RuleMeta;
  readonly check: Check<MessageType>;
}

// Looked up once per type rather than per message: a JW301 runs 29 rules.
const byType = new Map<MessageType, readonly TypedCheck[]>(
  MESSAGE_TYPES.map((t) => [t, rulesFor(t).map((rule) => ({ meta: rule.meta, check: rule.checks[t] as Check<MessageType> }))]),
);

export interface CheckedMessage<T extends MessageType = MessageType> {
  readonly type: T;
  readonly text: string;
  readonly message: Berichten[T];
  readonly violations: readonly Violation[];
}

/** Reads a schema-valid message and runs every rule for its type: all of them, not the first failing. */
export function checkMessage<T extends MessageType>(type: T, text: string, options: RuleOptions = DEFAULT_RULE_OPTIONS): CheckedMessage<T> {
  const message = readMessage(type, text);
  const run = new RuleRun(text, options);
  for (const { meta, check } of byType.get(type) ?? []) {
    run.use(meta);
    check(message, run);
  }
  return { type, text, message, violations: run.violations };
}
