/**
 * Pushes queued messages to recipients' endpoints. The store is the queue: every attempt, its
 * outcome and the next try are committed before a recipient's next message is picked, so a restart
 * resumes where the last process stopped and a later message never overtakes an earlier one.
 */
import { Agent, request, type Dispatcher } from 'undici';
import type { Directory, Party } from '../mappings/types.js';
import type { Delivery, DeliveryAttempt, DeliveryState, Store } from '../store/ports.js';
import { classifyError, classifyResponse, retryDelay, type BackoffOptions, type Verdict } from './backoff.js';

/** The subset of a pino logger we use; pino's Logger satisfies it. */
export interface PushLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  child(bindings: Record<string, unknown>): PushLog;
}

export interface PushMetrics {
  onAttempt?(partyId: string, ok: boolean, durationMs: number): void;
}

export interface PusherOptions {
  readonly store: Pick<Store, 'duePushes' | 'recordAttempt' | 'body'>;
  readonly directory: Pick<Directory, 'partyById'>;
  /** Closed by stop() only when the Pusher created it. */
  readonly dispatcher?: Dispatcher;
  readonly clock: () => Date;
  readonly log: PushLog;
  readonly metrics?: PushMetrics;
  /** Idle poll interval; wake() and finished attempts trigger a poll sooner. */
  readonly pollMs: number;
  /** Recipients served at the same time; each recipient has at most one request in flight. */
  readonly concurrency: number;
  readonly backoff: Omit<BackoffOptions, 'random'> & { readonly random?: () => number };
}

type PushTarget = Extract<Party['delivery'], { mode: 'push' }>;
type NextState = { state: DeliveryState; nextAttemptAt?: string; lastError?: string };

/** Enough of an error page to tell an operator why; the rest is read and discarded. */
const SNIPPET_BYTES = 1024;
const SNIPPET_CHARS = 200;
/**
 * Draining keeps the keep-alive connection; past this it is cheaper to drop the connection. The
 * same limit undici's body.dump() applies to the 2xx answers.
 */
const DRAIN_LIMIT_BYTES = 128 * 1024;

export function defaultDispatcher(): Dispatcher {
  return new Agent({
    // A healthy endpoint connects (TLS included) in milliseconds; the party's timeoutMs bounds the
    // whole request anyway, this only stops a black-holed address from holding a socket slot.
    connect: { timeout: 10_000 },
    // Pushes to a busy recipient follow each other closely; reuse the connection between them.
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
}

/** How long a new push may wait for the poll that also serves the messages queued with it. */
const WAKE_MS = 2;

export class Pusher {
  readonly #o: PusherOptions;
  readonly #backoff: BackoffOptions;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  /** partyId → the attempt under way, settled only after its outcome is committed. */
  readonly #inFlight = new Map<string, Promise<void>>();
  #state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  #timer: NodeJS.Timeout | undefined;
  /** When the pending poll runs (epoch ms). */
  #dueAt = 0;
  #stopped: Promise<void> | undefined;

  constructor(options: PusherOptions) {
    this.#o = options;
    this.#backoff = { baseMs: options.backoff.baseMs, maxMs: options.backoff.maxMs, random: options.backoff.random ?? Math.random };
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher ?? defaultDispatcher();
  }

  start(): void {
    if (this.#state !== 'idle') return;
    this.#state = 'running';
    this.#schedule(0);
  }

  /**
   * Poll soon, e.g. after new messages were queued. Wakes within WAKE_MS share one poll: under
   * load every accepted message wakes the pusher, and a poll per message cost the event loop more
   * than the messages' own store look-ups, mostly to find nothing due (mailbox recipients).
   */
  wake(): void {
    if (this.#state !== 'running') return;
    if (this.#timer !== undefined && this.#dueAt <= Date.now() + WAKE_MS) return;
    this.#schedule(WAKE_MS);
  }

  /** Stops polling and resolves once every attempt under way has finished and been recorded. */
  stop(): Promise<void> {
    this.#stopped ??= this.#drain();
    return this.#stopped;
  }

  async #drain(): Promise<void> {
    this.#state = 'stopping';
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight.values());
    this.#state = 'stopped';
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#dueAt = Date.now() + ms;
    this.#timer = setTimeout(() => this.#poll(), ms);
  }

  #poll(): void {
    this.#timer = undefined;
    if (this.#state !== 'running') return;
    try {
      const free = this.#o.concurrency - this.#inFlight.size;
      if (free > 0) {
        // A recipient already in flight still shows its head delivery as due; ask for enough rows
        // to fill every free slot after skipping those.
        const due = this.#o.store.duePushes(this.#o.clock().toISOString(), free + this.#inFlight.size);
        for (const d of due) {
          if (this.#inFlight.size >= this.#o.concurrency) break;
          if (this.#inFlight.has(d.partyId)) continue;
          const run = this.#attempt(d)
            .catch((err: unknown) => {
              this.#o.log.error({ err, deliveryId: d.id, partyId: d.partyId }, 'push attempt failed unexpectedly');
              return false;
            })
            .then((recorded) => {
              this.#inFlight.delete(d.partyId);
              // The recipient's next message may go at once. After a failure the next poll comes
              // at pollMs, so a store that cannot record does not turn into a tight resend loop.
              if (recorded && this.#state === 'running') this.#schedule(0);
            });
          this.#inFlight.set(d.partyId, run);
        }
      }
    } catch (err) {
      this.#o.log.error({ err }, 'polling the push queue failed');
    }
    this.#schedule(this.#o.pollMs);
  }

  /** Resolves true once the outcome is committed; false when it could not be (it is tried again). */
  async #attempt(d: Delivery): Promise<boolean> {
    const log = this.#o.log.child({ berichtId: d.berichtId, deliveryId: d.id, partyId: d.partyId });
    const attemptNo = d.attempts + 1;
    const at = this.#o.clock();
    const started = performance.now();
    const party = this.#o.directory.partyById(d.partyId);
    const body = this.#o.store.body(d.berichtId);
    let verdict: Verdict;
    let maxAttempts = 1;
    if (party === undefined || party.delivery.mode !== 'push') {
      // Its settings changed since the message was queued. Waiting helps nobody and would block the
      // party's queue unseen; dead-lettering shows it, and an operator can replay it to the mailbox.
      verdict = { kind: 'permanent', statusCode: null, reason: `no push endpoint configured for ${d.partyId}` };
    } else if (body === undefined) {
      verdict = { kind: 'permanent', statusCode: null, reason: `message ${d.berichtId} has no stored body` };
    } else {
      maxAttempts = party.delivery.maxAttempts;
      verdict = await this.#post(d, party.delivery, body);
    }
    const durationMs = performance.now() - started;
    const ok = verdict.kind === 'delivered';
    const next = this.#next(verdict, attemptNo, maxAttempts);
    const attempt: DeliveryAttempt = {
      at: at.toISOString(),
      ok,
      statusCode: verdict.statusCode,
      error: verdict.kind === 'delivered' ? null : verdict.reason,
      durationMs,
    };
    try {
      this.#o.metrics?.onAttempt?.(d.partyId, ok, durationMs);
    } catch (err) {
      log.warn({ err }, 'the onAttempt metrics hook threw');
    }
    try {
      await this.#o.store.recordAttempt(d.id, attempt, next);
    } catch (err) {
      // The delivery stays pending as it was and is tried again: at least once, never lost.
      log.error({ err, attempt: attemptNo }, 'recording the push attempt failed');
      return false;
    }
    const fields = { attempt: attemptNo, statusCode: verdict.statusCode, durationMs: Math.round(durationMs) };
    // The log gets the status, never the recipient's error page: it may quote the message back
    // (names, addresses). The page's start stays in the store, for the parties of this message.
    const reason = next.lastError?.replace(/^(HTTP \d{3}):.*$/s, '$1');
    if (next.state === 'delivered') log.info(fields, 'pushed');
    else if (next.state === 'dead') log.error({ ...fields, reason }, 'push dead-lettered');
    else log.warn({ ...fields, reason, nextAttemptAt: next.nextAttemptAt }, 'push failed; will retry');
    return true;
  }

  #next(verdict: Verdict, attemptNo: number, maxAttempts: number): NextState {
    switch (verdict.kind) {
      case 'delivered':
        return { state: 'delivered' };
      case 'permanent':
        return { state: 'dead', lastError: verdict.reason };
      case 'retry': {
        if (attemptNo >= maxAttempts) return { state: 'dead', lastError: `${verdict.reason} (gave up after ${attemptNo} attempts)` };
        const delay = retryDelay(attemptNo, verdict.retryAfterMs, this.#backoff);
        return { state: 'pending', nextAttemptAt: new Date(this.#o.clock().getTime() + delay).toISOString(), lastError: verdict.reason };
      }
    }
  }

  async #post(d: Delivery, target: PushTarget, body: Uint8Array): Promise<Verdict> {
    const headers: Record<string, string> = {};
    // Header names are case-insensitive; lower-casing lets ours replace a same-named configured one.
    for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/xml; charset=utf-8';
    headers['x-ijw-bericht-id'] = d.berichtId;
    headers['x-ijw-delivery-id'] = String(d.id);
    // The same for every retry of this delivery, so the recipient can drop a duplicate whose first
    // copy it processed but could not answer. Quoted: the header is a structured-field string
    // (draft-ietf-httpapi-idempotency-key-header).
    headers['idempotency-key'] = `"${d.berichtId}.${d.id}"`;
    try {
      const res = await request(target.url, {
        dispatcher: this.#dispatcher,
        method: 'POST',
        headers,
        body,
        // One deadline for connect, upload, headers and body together.
        signal: AbortSignal.timeout(target.timeoutMs),
      });
      if (res.statusCode >= 200 && res.statusCode < 300) {
        // Accepted is accepted: a failure while discarding the answer does not undo it.
        await res.body.dump().catch(() => undefined);
        return { kind: 'delivered', statusCode: res.statusCode };
      }
      const detail = await readSnippet(res.body);
      return classifyResponse(res.statusCode, firstHeader(res.headers['retry-after']), this.#o.clock(), detail);
    } catch (err) {
      return classifyError(err, target.timeoutMs);
    }
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the answer to its end (up to a limit) and returns its start, fit for a last-error text. */
async function readSnippet(body: Dispatcher.ResponseData['body']): Promise<string> {
  const kept: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (size < SNIPPET_BYTES) kept.push(chunk);
      size += chunk.length;
      // Leaving the loop destroys the body and with it the connection.
      if (size > DRAIN_LIMIT_BYTES) break;
    }
  } catch {
    // The status code already tells what happened; a broken error page adds nothing.
  }
  return Buffer.concat(kept)
    .subarray(0, SNIPPET_BYTES)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    // A recipient may quote the message back; nine digits in a row may be a BSN, which we never store.
    .replace(/(?<!\d)\d{9}(?!\d)/g, '*********')
    .trim()
    .slice(0, SNIPPET_CHARS);
}
