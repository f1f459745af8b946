/**
 * Runs the cross-message rules for a message's facts against the state, and records what an
 * admitted message adds. It lives with the store's write connection, so checks and updates are
 * serial and see every message admitted before, including those whose group commit is still open.
 */
import type Database from 'better-sqlite3';
import type { Fout } from '../validate/report.js';
import type { RuleMeta } from '../validate/rules/rule.js';
import { NO_CONTRACTS, type Contracts } from './contracts.js';
import { MESSAGES } from '../standard/catalogue.js';
import type { At, Facts, FactType, RetourFacts } from './facts.js';
import { STATE_GROUPS } from './groups.js';
import type { Apply, CrossCheck, CrossContext, CrossReporter, StateGroup } from './rule.js';

export interface CheckerOptions {
  readonly contracts?: Contracts;
  readonly regioOf?: (gemeente: string) => string | undefined;
  readonly groups?: readonly StateGroup[];
}

export interface AdmitMeta {
  readonly berichtId: string;
  readonly receivedAt: string;
  readonly today: string;
}

interface TypedCheck {
  readonly meta: RuleMeta;
  readonly check: CrossCheck<FactType>;
}

class Run implements CrossReporter {
  readonly violations: Fout[] = [];
  #rule: RuleMeta | undefined;
  #shared: Map<unknown, { readonly of: object; readonly value: unknown }> | undefined;

  constructor(
    readonly checker: CrossChecker,
    readonly meta: AdmitMeta,
  ) {}

  get db(): Database.Database {
    return this.checker.db;
  }
  get berichtId(): string {
    return this.meta.berichtId;
  }
  get receivedAt(): string {
    return this.meta.receivedAt;
  }
  get today(): string {
    return this.meta.today;
  }
  get contracts(): Contracts {
    return this.checker.contracts;
  }
  regioOf(gemeente: string): string | undefined {
    return this.checker.regioOf(gemeente);
  }
  stmt<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    return this.checker.stmt<P, R>(sql);
  }
  berichtByKey(key: string): string | undefined {
    return this.checker.berichtByKey(key);
  }
  forget(berichtId: string): void {
    this.checker.undo(berichtId);
  }
  use(rule: RuleMeta): void {
    this.#rule = rule;
  }
  shared<A extends object, V>(derive: (of: A, ctx: CrossContext) => V, of: A): V {
    this.#shared ??= new Map();
    const hit = this.#shared.get(derive);
    if (hit !== undefined && hit.of === of) return hit.value as V;
    const value = derive(of, this);
    this.#shared.set(derive, { of, value });
    return value;
  }
  report(at: At, detail?: string): void {
    const rule = this.#rule;
    if (rule === undefined) throw new Error('report() outside a rule');
    this.violations.push({
      code: rule.code,
      retourcode: rule.retourcode,
      location: at.path,
      line: 0,
      message: rule.nl,
      detail: detail === undefined ? rule.en : `${rule.en} ${detail}`,
    });
  }
}

export class CrossChecker {
  readonly db: Database.Database;
  readonly contracts: Contracts;
  readonly regioOf: (gemeente: string) => string | undefined;
  readonly groups: readonly StateGroup[];
  readonly #statements = new Map<string, Database.Statement>();
  readonly #checks = new Map<FactType, TypedCheck[]>();
  readonly #applies = new Map<FactType, Apply<FactType>[]>();
  readonly #undo: Database.Statement[];

  constructor(db: Database.Database, options: CheckerOptions = {}) {
    this.db = db;
    this.contracts = options.contracts ?? NO_CONTRACTS;
    this.regioOf = options.regioOf ?? (() => undefined);
    this.groups = options.groups ?? STATE_GROUPS;
    for (const group of this.groups) {
      for (const rule of group.rules) {
        for (const [type, check] of Object.entries(rule.checks) as [FactType, CrossCheck<FactType>][]) {
          if (!this.#checks.has(type)) this.#checks.set(type, []);
          this.#checks.get(type)!.push({ meta: rule.meta, check });
        }
      }
      for (const [type, apply] of Object.entries(group.apply) as [FactType, Apply<FactType>][]) {
        if (!this.#applies.has(type)) this.#applies.set(type, []);
        this.#applies.get(type)!.push(apply);
      }
    }
    this.#undo = this.groups.flatMap((g) => g.tables.map((t) => db.prepare(`DELETE FROM ${t} WHERE bericht_id = ?`)));
  }

  stmt<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let s = this.#statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s as unknown as Database.Statement<P, R>;
  }

  berichtByKey(key: string): string | undefined {
    return this.stmt<[string], { bericht_id: string }>('SELECT bericht_id FROM correlation_keys WHERE key = ?').get(key)?.bericht_id;
  }

  /** Every cross-message violation of the message: all rules, not the first failing. */
  check(facts: Facts, meta: AdmitMeta): Fout[] {
    const run = new Run(this, meta);
    for (const { meta: rule, check } of this.#checks.get(facts.type) ?? []) {
      run.use(rule);
      check(facts as never, run);
    }
    return run.violations;
  }

  /** Records what an admitted message adds to the state. */
  apply(facts: Facts, meta: AdmitMeta): void {
    if (facts.type === 'retour') {
      this.#retour(facts);
      return;
    }
    const run = new Run(this, meta);
    for (const apply of this.#applies.get(facts.type) ?? []) apply(facts as never, run);
  }

  /**
   * A retour that rejects its heen-bericht (any code but 0200/0233 on the header or a class): the
   * recipient refused what we forwarded, so it counts as not sent and its state goes (OP286).
   */
  #retour(facts: RetourFacts): void {
    if (!facts.rejects) return;
    const spec = MESSAGES[facts.retourType];
    if (spec.answers === undefined) return;
    const heen = this.berichtByKey(`heen:${spec.answers}:${facts.header.afzender}:${facts.header.identificatie}`);
    if (heen !== undefined) this.undo(heen);
  }

  /** Forgets everything a message added: its recipient rejected it, so it counts as not sent. */
  undo(berichtId: string): void {
    for (const s of this.#undo) s.run(berichtId);
  }
}
