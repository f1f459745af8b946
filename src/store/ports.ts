/**
 * What the gateway needs from storage, independent of the engine. The SQLite implementation is the
 * default; the contract is what tests and the HTTP layer rely on.
 */
import type { Awaitable, QualityFacts, QualityReads, Refusal } from '../quality/ports.js';
import type { MessageType } from '../standard/catalogue.js';
import type { Facts } from '../state/facts.js';
import type { Fout, ValidationResult } from '../validate/report.js';
import type { StoreHealth } from './health.js';

/** The life of a stored message. Values are stable: they appear in the API and in the database. */
export const BERICHT_STATUSES = [
  'accepted', // passed every check; queued for its recipient
  'rejected', // broke a rule; answered with a retour on the recipient's behalf, not forwarded
  'invalid', // failed the schema or is no iJw message; refused with 422, not forwarded
  'conflict', // reused Identificatie with other content; answered with 9056
  'generated', // a retour the gateway built; queued for the original sender
  'delivered', // pushed to the recipient's endpoint, which accepted it
  'acknowledged', // fetched from the mailbox and acknowledged by the recipient
  'dead-letter', // push failed permanently; see the delivery's last error
  'seeded', // history from before the gateway went live (`ijw-gateway seed`): state only, never delivered or counted
] as const;
export type BerichtStatus = (typeof BERICHT_STATUSES)[number];

/**
 * Statuses of a message that was refused on its recipient's behalf and never forwarded: only its
 * sender may see it; the addressee has not received it (OP286: it counts as not sent).
 */
export const NOT_FORWARDED: readonly BerichtStatus[] = ['rejected', 'conflict'];

export type LinkKind = 'retour-of' | 'answers' | 'declaratie-antwoord' | 'conflicts-with' | 'generated-for';

/** Correlation keys a message offers or references, e.g. 'heen:JW301:0228:EDE-301-0001'. */
export interface KeyRef {
  readonly kind: LinkKind;
  readonly key: string;
}

export interface HttpAnswer {
  readonly statusCode: number;
  readonly body: unknown;
}

export interface NewBericht {
  readonly id: string;
  /** ISO 8601 UTC. */
  readonly receivedAt: string;
  readonly type: MessageType | null;
  readonly origin: 'received' | 'generated';
  /** Party id of the physical sender (authenticated, or the gateway for generated retours). */
  readonly senderId: string;
  /** Party id the message is routed to, null when it goes nowhere. */
  readonly recipientId: string | null;
  readonly afzender: string | null;
  readonly ontvanger: string | null;
  readonly identificatie: string | null;
  readonly dagtekening: string | null;
  /** `<sender code>|<type>|<identificatie>`: unique among first sendings (TR056). */
  readonly idempotencyKey: string | null;
  readonly sha256: string;
  readonly body: Uint8Array;
  readonly status: BerichtStatus;
  readonly report: ValidationResult;
  /** The HTTP answer given, repeated for an identical resend. */
  readonly answer: HttpAnswer | null;
  readonly retourcodes: readonly string[];
  /** Keys other messages may reference to link to this one. */
  readonly offers: readonly string[];
  /** Keys of earlier messages this one answers or refers to. */
  readonly references: readonly KeyRef[];
  /** Direct links to known messages (a generated retour → its heen-bericht). */
  readonly links: readonly { readonly toId: string; readonly kind: LinkKind }[];
  /** Queue it for this recipient: push or mailbox. */
  readonly deliverTo: { readonly partyId: string; readonly mode: 'push' | 'mailbox' } | null;
  /** What the quality tallies need beyond the header (regio, sender, dates for the terms). */
  readonly quality?: QualityFacts;
}

export interface BerichtSummary {
  readonly id: string;
  readonly receivedAt: string;
  readonly type: MessageType | null;
  readonly origin: 'received' | 'generated';
  readonly senderId: string;
  readonly recipientId: string | null;
  readonly afzender: string | null;
  readonly ontvanger: string | null;
  readonly identificatie: string | null;
  readonly dagtekening: string | null;
  readonly status: BerichtStatus;
  readonly retourcodes: readonly string[];
  readonly size: number;
}

export interface StatusChange {
  readonly at: string;
  readonly status: BerichtStatus;
  readonly note: string | null;
}

export interface DeliveryAttempt {
  readonly at: string;
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'acknowledged' | 'dead';

export interface Delivery {
  readonly id: number;
  readonly berichtId: string;
  readonly partyId: string;
  readonly mode: 'push' | 'mailbox';
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly doneAt: string | null;
}

export interface BerichtDetail extends BerichtSummary {
  readonly sha256: string;
  readonly report: ValidationResult;
  readonly history: readonly StatusChange[];
  readonly deliveries: readonly (Delivery & { readonly attemptLog: readonly DeliveryAttempt[] })[];
  readonly related: readonly { readonly id: string; readonly kind: LinkKind; readonly direction: 'to' | 'from'; readonly type: MessageType | null }[];
}

export interface BerichtFilter {
  readonly type?: MessageType;
  readonly afzender?: string;
  readonly ontvanger?: string;
  readonly status?: BerichtStatus;
  /** ISO timestamps, inclusive from, exclusive to. */
  readonly from?: string;
  readonly to?: string;
  /**
   * Only messages sent by one of these parties, or addressed to one and forwarded (see NOT_FORWARDED);
   * undefined = no restriction (operator).
   */
  readonly visibleTo?: readonly string[];
  readonly limit: number;
  /** Opaque cursor from the previous page. */
  readonly after?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

export interface Original {
  readonly id: string;
  readonly sha256: string;
  readonly answer: HttpAnswer | null;
  readonly status: BerichtStatus;
}

export interface AdmitRequest {
  /** The message as it is stored when it breaks no cross-message rule. */
  readonly record: NewBericht;
  /** What it contributes to and is checked against the cross-message state; null: nothing. */
  readonly facts: Facts | null;
  /** yyyy-mm-dd in Europe/Amsterdam at receipt. */
  readonly today: string;
  /** JW323 only: judged per prestatie instead of all-or-nothing (state/declaratie/admit.ts). */
  readonly claim?: ClaimMode;
}

/**
 * How a JW323 is admitted. Findings on the header or the Declaratie reject it as a whole either
 * way (not stored: the caller answers with a JW325). Otherwise it is admitted with its findings:
 * - forward: the recipient (a gemeente) judges the prestaties and answers with its own JW325;
 * - answer: the recipient is a billing office; the gateway judges each prestatie, records the
 *   verdicts and writes the JW325 itself: `answer` is that JW325's record, whose body, sha256 and
 *   retourcodes the store fills in; `identificatie`/`dagtekening` are its BerichtIdentificatie.
 */
export type ClaimMode =
  | { readonly kind: 'forward' }
  | { readonly kind: 'answer'; readonly identificatie: string; readonly dagtekening: string; readonly answer: NewBericht };

export interface Admission {
  /** Cross-message violations, with the XPath of the class each concerns as location. */
  readonly violations: readonly Fout[];
  /** True when the message was stored (it broke no rule); false: nothing was written. */
  readonly stored: boolean;
  /** The answer the store wrote and stored with it (ClaimMode 'answer'). */
  readonly answer?: { readonly id: string; readonly type: MessageType; readonly retourcodes: readonly string[] };
}

/**
 * What seeding one message of the history did (SqliteStore.seed): stored with its facts applied,
 * or left alone because its idempotency key is taken (the same message: duplicate; another one:
 * conflict).
 */
export interface Seeding {
  readonly outcome: 'seeded' | 'duplicate' | 'conflict';
  /** Cross-message findings it would have had if sent today; applied regardless (seeded only). */
  readonly violations: readonly Fout[];
  /** The message stored under the same idempotency key (duplicate, conflict). */
  readonly originalId?: string;
}

export interface Store {
  /** Writes messages with their history, links and queue entries; resolves once committed to disk. */
  save(berichten: readonly NewBericht[]): Promise<void>;
  /** Cross-message checks, then store and update the state, in one transaction (see SqliteStore). */
  admit(request: AdmitRequest): Promise<Admission>;
  /** The first sending under an idempotency key, if any. */
  original(idempotencyKey: string): Original | undefined;
  body(id: string): Uint8Array | undefined;
  detail(id: string): BerichtDetail | undefined;
  /** Over the whole history, so a store may answer it on another thread: await it. */
  list(filter: BerichtFilter): Awaitable<Page<BerichtSummary>>;
  setStatus(id: string, status: BerichtStatus, note?: string): Promise<void>;

  /** Push deliveries whose time has come, at most one per recipient: the oldest pending, so order holds. */
  duePushes(now: string, limit: number): Delivery[];
  recordAttempt(deliveryId: number, attempt: DeliveryAttempt, next: { state: DeliveryState; nextAttemptAt?: string; lastError?: string }): Promise<void>;
  /** Pending push deliveries, for the queue-depth gauge. */
  queueDepth(): { push: number; mailbox: number };

  mailbox(partyId: string, limit: number, after?: number): Delivery[];
  mailboxItem(partyId: string, deliveryId: number): Delivery | undefined;
  acknowledge(partyId: string, deliveryId: number, at: string): Promise<boolean>;
  /** Queue a message again for a recipient (operator replay). */
  requeue(berichtId: string, partyId: string, mode: 'push' | 'mailbox', note: string): Promise<number>;

  /** A sending refused before it became a message (401/403/413/415); counted in the quality tallies. */
  recordRefusal(refusal: Refusal): Promise<void>;
  /** The quality tallies, terms and the messages behind them (src/quality/). */
  readonly quality: QualityReads;

  /** Removes messages received before `before` whose deliveries are finished; returns how many. */
  prune(before: string): Promise<number>;
  /** Whether the store takes writes now: unavailable after a failure of the storage, until a write commits. */
  health(): StoreHealth;
  /** Finishes the writes asked for, then closes. */
  close(): void | Promise<void>;
}
