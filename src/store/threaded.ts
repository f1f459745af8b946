/**
 * The store for the running gateway: point reads on this thread over a read-only connection,
 * writes on worker threads with a write connection each (writer-worker.ts); one of them, or with
 * ingest threads several that also analyse and decide (ingest()). Reads over the history (lists,
 * quality figures) go to a read thread (reader-worker.ts), read-only too, so that a long one never
 * holds up this thread. SQLite in WAL mode lets every connection read while a writer commits, and a
 * write's promise resolves only after its commit reached the disk, so "2xx means committed" holds
 * as with the in-thread store.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../standard/paths.js';
import { answerStamps } from '../ingest/ids.js';
import type { IngestAnswer } from '../ingest/ingest.js';
import type { AnalyserSettings } from '../ingest/pool.js';
import type { Party } from '../mappings/types.js';
import type { QualityReads } from '../quality/ports.js';
import { codedError, READER_GONE, WRITER_GONE, type StoreHealth } from './health.js';
import type { BerichtFilter, BerichtSummary, Page, Store } from './ports.js';
import { SqliteStore } from './sqlite.js';
import type { CheckpointData } from './checkpoint-worker.js';
import type { ReadCall, ReaderData, ReadMethod, ReadReply } from './reader-worker.js';
import { settle } from './thread-errors.js';
import type { WriteCall, WriteMethod, WriterData, WriterMessage } from './writer-worker.js';

/** How often the checkpointer copies the WAL into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;

/** Resolves on a worker's first message (it is ready), rejects if it fails to start. */
function started(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    worker.once('error', onError);
    worker.once('message', () => {
      worker.off('error', onError);
      resolve();
    });
  });
}

export class ThreadedStore implements Store {
  readonly #reader: SqliteStore;
  /** [0] takes every write; all of them take ingests (see ingest()). */
  readonly #workers: readonly Worker[];
  readonly #checkpointer: Worker;
  #checkpointerGone = false;
  readonly #readThread: Worker;
  readonly #reads = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  #nextRead = 1;
  /** Set when the read thread is gone: reads over the history then fail at once (and health says so). */
  #readGone: { readonly error: Error; readonly since: string } | undefined;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; worker: number }>();
  /** Ingests under way per writer: a new one goes where fewest are. */
  readonly #ingests: number[];
  readonly #outboxes: WriteCall[][];
  #nextId = 1;
  /** Set when a writer is gone (and since when): later writes fail at once instead of waiting for ever. */
  #gone: { readonly error: Error; readonly since: string } | undefined;
  /** Each writer's store health, as it last reported it with its answers (health()). */
  readonly #health: StoreHealth[];

  readonly #now: () => Date;

  private constructor(reader: SqliteStore, workers: readonly Worker[], checkpointer: Worker, readThread: Worker, now: () => Date) {
    this.#reader = reader;
    this.#readThread = readThread;
    readThread.on('message', (reply: ReadReply) => {
      const p = this.#reads.get(reply.id);
      if (p === undefined) return;
      this.#reads.delete(reply.id);
      settle(p, reply);
    });
    const readFail = (err: Error) => {
      // Coded as a failure of the storage (health.ts): HTTP answers 503, and the caller asks again later.
      this.#readGone ??= { error: codedError(READER_GONE, err.message), since: now().toISOString() };
      for (const p of this.#reads.values()) p.reject(this.#readGone.error);
      this.#reads.clear();
    };
    readThread.on('error', readFail);
    readThread.on('exit', (code) => readFail(new Error(`the store's read thread exited (code ${code})`)));
    this.#checkpointer = checkpointer;
    // A checkpointer that fails leaves the writer's own autocheckpoint to keep the WAL bounded.
    checkpointer.on('error', () => {});
    checkpointer.on('exit', () => {
      this.#checkpointerGone = true;
    });
    this.#now = now;
    this.#health = workers.map(() => ({ ok: true }));
    this.#workers = workers;
    this.#ingests = workers.map(() => 0);
    this.#outboxes = workers.map(() => []);
    // A writer that stops fails what waits for it; the store then takes no more writes (writer 0
    // holds the non-ingest writes, and a store short of a writer is not the one the caller opened).
    const fail = (err: Error, w: number) => {
      const gone = codedError(WRITER_GONE, err.message);
      this.#gone ??= { error: gone, since: this.#now().toISOString() };
      for (const [id, p] of this.#pending) {
        if (p.worker !== w) continue;
        this.#pending.delete(id);
        p.reject(gone);
      }
    };
    for (const [w, worker] of workers.entries()) {
      worker.on('message', ({ replies, health }: WriterMessage) => {
        if (health !== undefined) this.#health[w] = health;
        for (const reply of replies) {
          const p = this.#pending.get(reply.id);
          if (p === undefined) continue;
          this.#pending.delete(reply.id);
          if (reply.ingest === true) this.#ingests[p.worker]!--;
          settle(p, reply);
        }
      });
      worker.on('error', (err) => fail(err, w));
      worker.on('exit', (code) => fail(new Error(`the store's writer thread exited (code ${code})`), w));
    }
  }

  /**
   * Starts the writer (which applies migrations), then opens the read connection. With analyser
   * settings the writer also runs ingests (ThreadedStore.ingest), and `writers` > 1 starts that
   * many, each with a write connection of its own. Their answer identifications come from
   * `answerIds` (ids.ts answerStamps), which the caller shares with its own Ids.
   */
  static async open(
    path: string,
    now: () => Date = () => new Date(),
    mappingsDir?: string,
    analyser?: AnalyserSettings,
    writers = 1,
    answerIds: SharedArrayBuffer = answerStamps(),
  ): Promise<ThreadedStore> {
    const lock = new SharedArrayBuffer(4);
    const start = async () => {
      const worker = new Worker(join(packageRoot(), 'dist', 'store', 'writer-worker.js'), {
        workerData: { path, mappingsDir, lock, answerIds, ...(analyser === undefined ? {} : { analyser }) } satisfies WriterData,
      });
      await started(worker);
      return worker;
    };
    // One after the other: the first creates the file and applies the migrations.
    const workers: Worker[] = [];
    for (let i = 0; i < (analyser === undefined ? 1 : Math.max(1, writers)); i++) workers.push(await start());
    const checkpointer = new Worker(join(packageRoot(), 'dist', 'store', 'checkpoint-worker.js'), {
      workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS } satisfies CheckpointData,
    });
    await started(checkpointer);
    const readThread = new Worker(join(packageRoot(), 'dist', 'store', 'reader-worker.js'), { workerData: { path } satisfies ReaderData });
    await started(readThread);
    return new ThreadedStore(new SqliteStore({ path, now, readOnly: true }), workers, checkpointer, readThread, now);
  }

  /**
   * Calls made in one turn of the event loop go to a writer in one message (and it answers a
   * group commit in one message): under load a turn brings many writes, and a hand-off per write
   * cost both threads more than the writes' own work in SQLite.
   */
  #call<T>(method: WriteMethod | 'close', args: readonly unknown[], worker = 0): Promise<T> {
    if (this.#gone !== undefined) return Promise.reject(this.#gone.error);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, worker });
      const outbox = this.#outboxes[worker]!;
      if (outbox.length === 0) setImmediate(() => this.#post(worker));
      outbox.push({ id, method, args });
    });
  }

  #post(worker: number): void {
    const calls = this.#outboxes[worker]!;
    this.#outboxes[worker] = [];
    if (this.#gone !== undefined) {
      for (const c of calls) this.#pending.get(c.id)?.reject(this.#gone.error);
      return;
    }
    this.#workers[worker]!.postMessage(calls);
  }

  save: Store['save'] = (berichten) => this.#call('save', [berichten]);
  admit: Store['admit'] = (request) => this.#call('admit', [request]);
  // Times come from this thread's clock, which tests may set; the writer has none of its own.
  setStatus: Store['setStatus'] = (id, status, note) => this.#call('setStatus', [id, status, note, this.#now().toISOString()]);
  recordAttempt: Store['recordAttempt'] = (...args) => this.#call('recordAttempt', args);
  acknowledge: Store['acknowledge'] = (...args) => this.#call('acknowledge', args);
  requeue: Store['requeue'] = (id, partyId, mode, note) => this.#call('requeue', [id, partyId, mode, note, this.#now().toISOString()]);
  prune: Store['prune'] = (...args) => this.#call('prune', args);
  recordRefusal: Store['recordRefusal'] = (...args) => this.#call('recordRefusal', args);

  /**
   * The whole ingest of a message on the writer thread (analysis, decisions, cross-message rules,
   * commit): one hand-off there and one back, instead of to an analysis worker and back and then to
   * the writer and back. Only for a store opened with analyser settings and mappings.
   */
  ingest(bytes: Uint8Array, from: Party): Promise<IngestAnswer> {
    let worker = 0;
    for (let w = 1; w < this.#ingests.length; w++) if (this.#ingests[w]! < this.#ingests[worker]!) worker = w;
    this.#ingests[worker]!++;
    return this.#call('ingest', [bytes, from.id, this.#now().toISOString()], worker);
  }

  /** Unavailable for good once a writer or the read thread is gone; else while any writer's commits fail (health.ts). */
  health(): StoreHealth {
    const gone = this.#gone ?? this.#readGone;
    if (gone !== undefined) return { ok: false, problem: gone.error.message, since: gone.since };
    return this.#health.find((h) => !h.ok) ?? { ok: true };
  }

  #read<T>(method: ReadMethod, arg: unknown): Promise<T> {
    if (this.#readGone !== undefined) return Promise.reject(this.#readGone.error);
    const id = this.#nextRead++;
    return new Promise<T>((resolve, reject) => {
      this.#reads.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#readThread.postMessage({ id, method, arg } satisfies ReadCall);
    });
  }

  original: Store['original'] = (key) => this.#reader.original(key);
  body: Store['body'] = (id) => this.#reader.body(id);
  detail: Store['detail'] = (id) => this.#reader.detail(id);
  list = (filter: BerichtFilter): Promise<Page<BerichtSummary>> => this.#read('list', filter);
  duePushes: Store['duePushes'] = (now, limit) => this.#reader.duePushes(now, limit);
  queueDepth: Store['queueDepth'] = () => this.#reader.queueDepth();
  mailbox: Store['mailbox'] = (partyId, limit, after) => this.#reader.mailbox(partyId, limit, after);
  mailboxItem: Store['mailboxItem'] = (partyId, id) => this.#reader.mailboxItem(partyId, id);
  readonly quality: QualityReads = {
    defects: (q) => this.#read('defects', q),
    firstTime: (q) => this.#read('firstTime', q),
    deadlines: (q) => this.#read('deadlines', q),
    berichten: (q) => this.#read('berichten', q),
  };

  /** Waits for every write asked for, then closes the connections and their threads. */
  async close(): Promise<void> {
    // The read-only connections first: the last connection to close checkpoints the WAL and
    // removes it, and only a connection that may write can do that.
    await new Promise<void>((resolve) => {
      if (this.#readGone !== undefined) return resolve();
      this.#readThread.once('exit', () => resolve());
      this.#readThread.postMessage('close');
    });
    this.#reader.close();
    // Each writer answers its close after its last commit, and only then ends.
    if (this.#gone === undefined) await Promise.all(this.#workers.map((_, w) => this.#call('close', [], w)));
    await Promise.all(this.#workers.map((w) => w.terminate()));
    if (!this.#checkpointerGone) {
      // Its last checkpoint, then it closes its connection; terminate() covers one that hangs.
      await new Promise<void>((resolve) => {
        this.#checkpointer.once('exit', () => resolve());
        this.#checkpointer.once('message', () => resolve());
        this.#checkpointer.postMessage('close');
      });
    }
    await this.#checkpointer.terminate();
  }
}
