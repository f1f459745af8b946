/**
 * Reading the start/stop ledger: the state of one toegewezen product (its starts and stops, each
 * current or deleted), and the walk over a message's lines that the rules share.
 *
 * Lines are judged in message order against the state plus the lines before them in the same
 * message (IV008: a deletion and the delivery that replaces it may share a message). The walk
 * runs once per message (`r.shared`) and loads each product it meets with two indexed look-ups.
 */
import type { Header, Jw305Facts, Jw307Facts, ProductFact, StartFact, StopFact } from '../facts.js';
import type { CrossContext } from '../rule.js';

/** ToewijzingNummer is an xs:integer: '0012' and '12' are one number. Absent (task-based): ''. */
export function nummerKey(value: string | null): string {
  if (value === null) return '';
  const n = Number(value);
  return Number.isSafeInteger(n) ? String(n) : value;
}

/** Who and what a line is about, without its Begindatum: the toegewezen product (or, task-based, the product). */
export interface ProductKey {
  readonly gemeente: string;
  readonly aanbieder: string;
  readonly bsn: string;
  readonly nummer: string;
  readonly categorie: string;
  readonly code: string;
}

/** JW305/JW307 go aanbieder → gemeente. */
export function productKeyOf(header: Header, bsn: string, line: { readonly toewijzingNummer: string | null; readonly product: ProductFact | null }): ProductKey {
  return {
    gemeente: header.ontvanger,
    aanbieder: header.afzender,
    bsn,
    nummer: nummerKey(line.toewijzingNummer),
    categorie: line.product?.categorie ?? '',
    code: line.product?.code ?? '',
  };
}

function keyParams(k: ProductKey): [string, string, string, string, string, string] {
  return [k.gemeente, k.aanbieder, k.bsn, k.nummer, k.categorie, k.code];
}

export const STARTS_OF_PRODUCT = `SELECT begindatum, status FROM levering_starts
  WHERE gemeente = ? AND aanbieder = ? AND bsn = ? AND toewijzing_nummer = ? AND categorie = ? AND code = ? ORDER BY seq`;
export const STOPS_OF_PRODUCT = `SELECT begindatum, einddatum, reden_beeindiging, status FROM levering_stops
  WHERE gemeente = ? AND aanbieder = ? AND bsn = ? AND toewijzing_nummer = ? AND categorie = ? AND code = ? ORDER BY seq`;

export interface StopState {
  readonly begindatum: string;
  readonly einddatum: string;
  readonly reden: string;
}

export const TEMPORARY = '20';

function stopKey(s: StopState): string {
  return `${s.begindatum}|${s.einddatum}|${s.reden}`;
}

/**
 * Starts and stops of one toegewezen product as far as they are current: a key whose latest line is
 * a deletion (StatusAanlevering 3) counts as never sent.
 */
export class ProductState {
  /** Begindatum of every start key → whether it is current. */
  readonly #starts = new Map<string, boolean>();
  /** Stop key → the stop, when current. */
  readonly #stops = new Map<string, StopState | null>();

  static load(ctx: CrossContext, key: ProductKey): ProductState {
    const state = new ProductState();
    const params = keyParams(key);
    for (const s of ctx.stmt<typeof params, { begindatum: string; status: string }>(STARTS_OF_PRODUCT).all(...params)) {
      state.start(s.begindatum, s.status);
    }
    for (const s of ctx.stmt<typeof params, { begindatum: string; einddatum: string; reden_beeindiging: string; status: string }>(STOPS_OF_PRODUCT).all(...params)) {
      state.stop({ begindatum: s.begindatum, einddatum: s.einddatum, reden: s.reden_beeindiging }, s.status);
    }
    return state;
  }

  /** Records a start line: '1' makes its key current, '3' deletes it. */
  start(begindatum: string, status: string): void {
    this.#starts.set(begindatum, status === '1');
  }

  stop(s: StopState, status: string): void {
    this.#stops.set(stopKey(s), status === '1' ? s : null);
  }

  isStartCurrent(begindatum: string): boolean {
    return this.#starts.get(begindatum) === true;
  }

  isStopCurrent(s: StopState): boolean {
    return (this.#stops.get(stopKey(s)) ?? null) !== null;
  }

  /** Current stops of the start with this Begindatum. */
  stopsOf(begindatum: string): StopState[] {
    const out: StopState[] = [];
    for (const s of this.#stops.values()) if (s !== null && s.begindatum === begindatum) out.push(s);
    return out;
  }

  /** Current starts that no current stop ends (TR326: "actueel Startbericht"). */
  openStarts(): string[] {
    const out: string[] = [];
    for (const [begindatum, current] of this.#starts) if (current && this.stopsOf(begindatum).length === 0) out.push(begindatum);
    return out;
  }
}

/** The products a message touches, each loaded once and then carried through the message's lines. */
class Products {
  readonly #states = new Map<string, ProductState>();
  constructor(readonly ctx: CrossContext) {}
  of(key: ProductKey): ProductState {
    const k = keyParams(key).join('\u0000');
    let state = this.#states.get(k);
    if (state === undefined) {
      state = ProductState.load(this.ctx, key);
      this.#states.set(k, state);
    }
    return state;
  }
}

/** A StartProduct line and the state of its product just before it. */
export interface StartLine {
  readonly fact: StartFact;
  /** A current start with the same key exists (TR063, TR074). */
  readonly keyCurrent: boolean;
  /** Current stops of the start with this key (TR071). */
  readonly stops: readonly StopState[];
  /** Begindatums of current, unstopped starts of the product (TR326). */
  readonly openStarts: readonly string[];
}

/** A StopProduct line and the state of its product just before it. */
export interface StopLine {
  readonly fact: StopFact;
  readonly stop: StopState;
  /** The start the stop names is current (TR382). */
  readonly startCurrent: boolean;
  /** Begindatums of current, unstopped starts of the product (OP155, checked as TR382). */
  readonly openStarts: readonly string[];
  /** A current stop with the same key exists (TR063, TR074). */
  readonly keyCurrent: boolean;
  /** Current stops of the same start (TR413–TR415). */
  readonly stops: readonly StopState[];
}

export function walkStarts(facts: Jw305Facts, ctx: CrossContext): StartLine[] {
  const products = new Products(ctx);
  return facts.starts.map((fact) => {
    const state = products.of(productKeyOf(facts.header, facts.client.bsn, fact));
    const line: StartLine = {
      fact,
      keyCurrent: state.isStartCurrent(fact.begindatum),
      stops: state.stopsOf(fact.begindatum),
      openStarts: state.openStarts(),
    };
    state.start(fact.begindatum, fact.status);
    return line;
  });
}

export function walkStops(facts: Jw307Facts, ctx: CrossContext): StopLine[] {
  const products = new Products(ctx);
  return facts.stops.map((fact) => {
    const state = products.of(productKeyOf(facts.header, facts.client.bsn, fact));
    const stop: StopState = { begindatum: fact.begindatum, einddatum: fact.einddatum, reden: fact.redenBeeindiging };
    const line: StopLine = {
      fact,
      stop,
      startCurrent: state.isStartCurrent(fact.begindatum),
      openStarts: state.openStarts(),
      keyCurrent: state.isStopCurrent(stop),
      stops: state.stopsOf(fact.begindatum),
    };
    state.stop(stop, fact.status);
    return line;
  });
}

/** StatusAanlevering 1: a first delivery. Deletions (3) get no content checks (TR063 toelichting). */
export function isDelivery(line: { readonly status: string }): boolean {
  return line.status === '1';
}
