/**
 * The tally cells one stored message or one transport refusal adds: pure, so the same function
 * counts at write time (tally.ts) and again from the store (recount.ts), and both must agree.
 */
import { toAmsterdamDate } from '../calendar/index.js';
import { gemeenteOf, type QualityFacts } from './facts.js';

export type Measure = 'received' | 'clean' | 'defect';

/** One cell of quality_counts; '' is "unknown" in every key column. */
export interface Cell {
  readonly day: string;
  readonly measure: Measure;
  readonly rule: string;
  readonly retourcode: string;
  readonly type: string;
  readonly afzender: string;
  readonly ontvanger: string;
  readonly gemeente: string;
  readonly regio: string;
  readonly variant: string;
  readonly n: number;
}

/** What of a stored message the tallies read: header columns, outcome, report and facts. */
export interface CountedBericht {
  readonly receivedAt: string;
  readonly type: string | null;
  readonly origin: 'received' | 'generated';
  readonly status: string;
  readonly afzender: string | null;
  readonly ontvanger: string | null;
  readonly fouten: readonly { readonly code: string; readonly retourcode: string }[];
  readonly quality: QualityFacts | null;
}

export interface CountedRefusal {
  readonly at: string;
  readonly statusCode: number;
  readonly type: string | null;
  readonly quality: QualityFacts;
}

/** The Amsterdam day of an ISO UTC timestamp. */
export function amsterdamDay(iso: string): string {
  return toAmsterdamDate(new Date(iso));
}

/** The rule code under which a transport refusal is counted: no WJ001 retourcode exists for it. */
export function refusalRule(statusCode: number): string {
  return `HTTP${statusCode}`;
}

export const KEY_COLUMNS = ['day', 'measure', 'rule', 'retourcode', 'type', 'afzender', 'ontvanger', 'gemeente', 'regio', 'variant'] as const;

/** The primary key of a cell in quality_counts, as one string: equal cells have equal keys. */
export function cellKey(c: Omit<Cell, 'n'>): string {
  return `${c.day}\u0000${c.measure}\u0000${c.rule}\u0000${c.retourcode}\u0000${c.type}\u0000${c.afzender}\u0000${c.ontvanger}\u0000${c.gemeente}\u0000${c.regio}\u0000${c.variant}`;
}

type Key = Omit<Cell, 'measure' | 'rule' | 'retourcode' | 'n'>;

// Written out rather than spread: this runs for every message, and spreads were most of its cost.
function cell(k: Key, measure: Measure, rule: string, retourcode: string, n: number): Cell {
  return { day: k.day, measure, rule, retourcode, type: k.type, afzender: k.afzender, ontvanger: k.ontvanger, gemeente: k.gemeente, regio: k.regio, variant: k.variant, n };
}

/**
 * A received message counts once as received, once as clean when it was accepted without any
 * defect, and once per defect (Fout) by rule and retourcode. Messages the gateway wrote itself are
 * not counted: they are answers, not traffic of a ketenpartner. Nor is seeded history (status
 * 'seeded', `ijw-gateway seed`): it was exchanged before the gateway went live, so what it would
 * have broken is no defect of today.
 */
export function cellsOfBericht(b: CountedBericht): Cell[] {
  if (b.origin !== 'received' || b.status === 'seeded') return [];
  const afzender = b.afzender ?? b.quality?.sender ?? '';
  const key: Key = {
    day: amsterdamDay(b.receivedAt),
    type: b.type ?? '',
    afzender,
    ontvanger: b.ontvanger ?? '',
    gemeente: gemeenteOf(afzender, b.ontvanger),
    regio: b.quality?.regio ?? '',
    variant: b.quality?.variant ?? '',
  };
  const cells: Cell[] = [cell(key, 'received', '', '', 1)];
  if (b.fouten.length === 0) {
    if (b.status === 'accepted') cells.push(cell(key, 'clean', '', '', 1));
    return cells;
  }
  const defects = new Map<string, number>();
  for (const f of b.fouten) {
    const k = `${f.code}\u0000${f.retourcode}`;
    defects.set(k, (defects.get(k) ?? 0) + 1);
  }
  for (const [k, n] of defects) {
    const [rule = '', retourcode = ''] = k.split('\u0000');
    cells.push(cell(key, 'defect', rule, retourcode, n));
  }
  return cells;
}

export function cellsOfRefusal(r: CountedRefusal): Cell[] {
  const afzender = r.quality.sender;
  return [
    {
      day: amsterdamDay(r.at),
      measure: 'defect',
      rule: refusalRule(r.statusCode),
      retourcode: '',
      type: r.type ?? '',
      afzender,
      ontvanger: '',
      gemeente: gemeenteOf(afzender, null),
      regio: r.quality.regio ?? '',
      variant: r.quality.variant ?? '',
      n: 1,
    },
  ];
}
