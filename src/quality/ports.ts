/**
 * What the store offers the quality figures: a refusal to record, and the read side. Types only,
 * so that src/store/ports.ts can name them without depending on the implementation.
 */
import type { MessageType } from '../standard/catalogue.js';
import type { QualityFacts } from './facts.js';
import type { DeadlineRow, DeadlineQuery, DefectQuery, DefectRow, DrillQuery, DrillPage, FirstTimeQuery, FirstTimeRow } from './reads.js';

export type { QualityFacts } from './facts.js';

/**
 * A sending refused before it became a message (401, 403, 413, 415): no message content is kept,
 * only when, who (if authenticated), the HTTP status, our error code and, for a 403, the type.
 */
export interface Refusal {
  readonly at: string;
  readonly partyId: string | null;
  readonly statusCode: number;
  readonly code: string;
  readonly type: MessageType | null;
  readonly quality: QualityFacts;
}

/** A value now, or a promise of it: what a store may answer on another thread (ThreadedStore). */
export type Awaitable<T> = T | Promise<T>;

/**
 * The read side of the tallies, on the store's database; visibility is the caller's business. A
 * store may answer on another thread, so callers await each read.
 */
export interface QualityReads {
  defects(q: DefectQuery): Awaitable<DefectRow[]>;
  firstTime(q: FirstTimeQuery): Awaitable<FirstTimeRow[]>;
  deadlines(q: DeadlineQuery): Awaitable<DeadlineRow[]>;
  berichten(q: DrillQuery): Awaitable<DrillPage>;
}

/** The same reads answered at once, as a database connection gives them. */
export interface QualityReadsNow extends QualityReads {
  defects(q: DefectQuery): DefectRow[];
  firstTime(q: FirstTimeQuery): FirstTimeRow[];
  deadlines(q: DeadlineQuery): DeadlineRow[];
  berichten(q: DrillQuery): DrillPage;
}
