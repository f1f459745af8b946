/**
 * Cross-message rules: like message rules (validate/rules/rule.ts) a catalogue entry and one small
 * check per message type, but a check reads the facts of the message and the state left by the
 * messages before it. Checks only read; what an admitted message adds to the state is each
 * group's `apply`. Violations are data, reported on the class they concern.
 */
import type Database from 'better-sqlite3';
import type { Fout } from '../validate/report.js';
import type { RuleMeta } from '../validate/rules/rule.js';
import type { At, FactType, FactsOf } from './facts.js';
import type { Contracts } from './contracts.js';

/** A cross-message violation: a Fout whose location is the XPath of the class it concerns. */
export type CrossViolation = Fout;

export interface CrossContext {
  readonly db: Database.Database;
  /** Prepared once per connection and reused: every check is a handful of indexed look-ups. */
  stmt<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R>;
  /** Id the message will be stored under; state rows are tagged with it. */
  readonly berichtId: string;
  /** ISO timestamp of receipt. */
  readonly receivedAt: string;
  /** yyyy-mm-dd in Europe/Amsterdam. */
  readonly today: string;
  /** Contract data per regio: product codes and tariffs (TR418, 0611). */
  readonly contracts: Contracts;
  /** Jeugdregio of a gemeente, for contract look-ups. */
  regioOf(gemeente: string): string | undefined;
  /** Id of the stored message offering a correlation key (e.g. 'heen:JW323:<agb>:<id>'), if any. */
  berichtByKey(key: string): string | undefined;
  /** Forgets the state rows of an earlier message: it was rejected after all and counts as not sent. */
  forget(berichtId: string): void;
  /** Computed once per message and shared by the rules that ask for it. */
  shared<A extends object, V>(derive: (of: A, ctx: CrossContext) => V, of: A): V;
}

export interface CrossReporter extends CrossContext {
  /** Reports the current rule on class `at`; `detail` adds English specifics without personal data. */
  report(at: At, detail?: string): void;
}

export type CrossCheck<T extends FactType> = (facts: FactsOf<T>, r: CrossReporter) => void;
export type CrossChecks = { readonly [T in FactType]?: CrossCheck<T> };

export interface CrossRule {
  readonly meta: RuleMeta;
  readonly checks: CrossChecks;
}

export function defineCrossRule(meta: RuleMeta, checks: CrossChecks): CrossRule {
  return { meta, checks };
}

/** What an admitted message adds to the state: append-only rows tagged with its bericht id. */
export type Apply<T extends FactType> = (facts: FactsOf<T>, ctx: CrossContext) => void;

/**
 * One area of state (toewijzingen and requests, start/stop, declaraties): its tables, its rules and
 * how an admitted message changes it. Rows are only ever added, each carrying the id of the message
 * that added it in a `bericht_id` column, and "current" values are derived by indexed queries; so a
 * message that is later rejected by its recipient is undone by deleting its rows (OP286: a rejected
 * message counts as not sent).
 */
export interface StateGroup {
  readonly name: string;
  /** CREATE TABLE / INDEX statements; every table has a `bericht_id TEXT NOT NULL` column, indexed. */
  readonly schema: string;
  readonly tables: readonly string[];
  readonly rules: readonly CrossRule[];
  /**
   * History-scope rules of the standard this group does not check as a rule of its own, each with
   * where the behaviour lives instead or why it cannot be a rejection ground.
   */
  readonly notApplicable: Readonly<Record<string, string>>;
  readonly apply: { readonly [T in FactType]?: Apply<T> };
}
