/**
 * What a rule is: its catalogue entry (code, kind, retourcode, our own Dutch and English text) and
 * one small check per message type it applies to. A check reads the typed message and reports
 * violations; it never throws for bad input and never puts personal data in a text.
 */
import type { MessageType } from '../../standard/catalogue.js';
import { NODE, type Located } from '../../standard/located.js';
import type { Berichten } from '../../standard/types.generated.js';
import { LineIndex, lineOf, xpathOf } from '../read.js';
import type { Fout } from '../report.js';

export type RuleKind = 'CD' | 'CS' | 'TR' | 'OP' | 'IV';

export interface RuleMeta {
  /** As published, e.g. 'CS002', 'OP033x2'. */
  readonly code: string;
  readonly kind: RuleKind;
  /** WJ001 code that answers a violation: '0001' for in-message rules unless the standard says otherwise. */
  readonly retourcode: string;
  /** Short Dutch text for the ketenpartner, in our own words. */
  readonly nl: string;
  readonly en: string;
}

/** A violation keeps the object it was found on, so a retour can put its code on the right class. */
export interface Violation extends Fout {
  readonly target: Located;
}

export interface RuleOptions {
  /** XsdVersie values a receiver accepts (IV034), per part of the header's XsdVersie. */
  readonly xsdVersies: { readonly basisschema: readonly string[]; readonly bericht: readonly string[] };
}

export interface Reporter {
  readonly options: RuleOptions;
  /**
   * Reports a violation on `at`, or on its child element `child` (with `index` when the child
   * repeats). `detail` adds English specifics; it must not contain personal data.
   */
  report(at: Located, child?: string, detail?: string, index?: number): void;
  /**
   * `derive(of)`, computed once per message and shared by the rules that ask for it: a view of
   * the message several rules read. It lives as long as the run: a module-level WeakMap keyed by
   * message kept every JW301 alive until the next full GC and made checkMessage some 1.5 times
   * slower.
   */
  shared<A extends object, V>(derive: (of: A) => V, of: A): V;
}

export type Check<T extends MessageType> = (message: Berichten[T], r: Reporter) => void;
export type Checks = { readonly [T in MessageType]?: Check<T> };

export interface Rule {
  readonly meta: RuleMeta;
  readonly checks: Checks;
}

export function defineRule(meta: RuleMeta, checks: Checks): Rule {
  return { meta, checks };
}

export class RuleRun implements Reporter {
  readonly violations: Violation[] = [];
  #rule: RuleMeta | undefined;
  // Built on the first report: counting newlines per report is quadratic when a 25 MB claim breaks a rule on every prestatie.
  #lines: LineIndex | undefined;
  #shared: Map<(of: never) => unknown, { readonly of: object; readonly value: unknown }> | undefined;

  constructor(
    readonly text: string,
    readonly options: RuleOptions,
  ) {}

  use(rule: RuleMeta): void {
    this.#rule = rule;
  }

  shared<A extends object, V>(derive: (of: A) => V, of: A): V {
    this.#shared ??= new Map();
    const hit = this.#shared.get(derive);
    if (hit !== undefined && hit.of === of) return hit.value as V;
    const value = derive(of);
    this.#shared.set(derive, { of, value });
    return value;
  }

  report(at: Located, child?: string, detail?: string, index?: number): void {
    const rule = this.#rule;
    const ref = at[NODE];
    if (rule === undefined || ref === undefined) throw new Error('report() outside a rule or on an object not read from a message');
    this.violations.push({
      code: rule.code,
      retourcode: rule.retourcode,
      location: xpathOf(ref, child, index),
      // An absent child has no line of its own; searching for it could find a later sibling's.
      line: lineOf(
        this.text,
        ref,
        child !== undefined && (at as Record<string, unknown>)[child] !== undefined ? child : undefined,
        index,
        (this.#lines ??= new LineIndex(this.text)),
      ),
      message: rule.nl,
      detail: detail === undefined ? rule.en : `${rule.en} ${detail}`,
      target: at,
    });
  }
}
