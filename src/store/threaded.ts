/**
 * The store for the running gateway: reads on this thread, writes on a worker thread that owns the
 * write connection (writer-worker.ts). SQLite in WAL mode lets this thread read while the writer
 * commits, and a write's promise resolves only after the writer's commit reached the disk, so
 * "2xx means committed" holds as with the in-thread store.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../standard/paths.js';
import type { Store } from './ports.js';
import { SqliteStore } from './sqlite.js';
import type { CheckpointData } from './checkpoint-worker.js';
import type { WriteCall, WriteMethod, WriteReply, WriterData } from './writer-worker.js';

class WriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

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
  readonly #worker: Worker;
  readonly #checkpointer: Worker;
  #checkpointerGone = false;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  #nextId = 1;
  /** Set when the writer is gone: later writes fail at once instead of waiting for ever. */
  #gone: Error | undefined;

  readonly #now: () => Date;

  private constructor(reader: SqliteStore, worker: Worker, checkpointer: Worker, now: () => Date) {
    this.#reader = reader;
    this.#checkpointer = checkpointer;
    // A checkpointer that fails leaves the writer's own autocheckpoint to keep the WAL bounded.
    checkpointer.on('error', () => {});
    checkpointer.on('exit', () => {
      this.#checkpointerGone = true;
    });
    this.#now = now;
    this.#worker = worker;
    worker.on('message', (replies: readonly WriteReply[]) => {
      for (const reply of replies) {
        const p = this.#pending.get(reply.id);
        if (p === undefined) continue;
        this.#pending.delete(reply.id);
        if (reply.error === undefined) p.resolve(reply.value);
        else p.reject(new WriteError(reply.error.message, reply.error.code));
      }
    });
    const fail = (err: Error) => {
      this.#gone ??= err;
      for (const p of this.#pending.values()) p.reject(err);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the store's writer thread exited (code ${code})`)));
  }

  /** Starts the writer (which applies migrations), then opens the read connection. */
  static async open(path: string, now: () => Date = () => new Date(), mappingsDir?: string): Promise<ThreadedStore> {
    const worker = new Worker(join(packageRoot(), 'dist', 'store', 'writer-worker.js'), { workerData: { path, mappingsDir } satisfies WriterData });
    await started(worker);
    // After the writer: it created the file and applied the migrations.
    const checkpointer = new Worker(join(packageRoot(), 'dist', 'store', 'checkpoint-worker.js'), {
      workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS } satisfies CheckpointData,
    });
    await started(checkpointer);
    return new ThreadedStore(new SqliteStore({ path, now }), worker, checkpointer, now);
  }

  /**
   * Calls made in one turn of the event loop go to the writer in one message (and it answers a
   * group commit in one message): under load a turn brings many writes, and a hand-off per write
   * cost both threads more than the writes' own work in SQLite.
   */
  #call<T>(method: WriteMethod | 'close', args: readonly unknown[]): Promise<T> {
    if (this.#gone !== undefined) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.#outbox.length === 0) setImmediate(() => this.#post());
      this.#outbox.push({ id, method, args });
    });
  }

  #outbox: WriteCall[] = [];

  #post(): void {
    const calls = this.#outbox;
    this.#outbox = [];
    if (this.#gone !== undefined) {
      for (const c of calls) this.#pending.get(c.id)?.reject(this.#gone);
      return;
    }
    this.#worker.postMessage(calls);
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

  original: Store['original'] = (key) => this.#reader.original(key);
  body: Store['body'] = (id) => this.#reader.body(id);
  detail: Store['detail'] = (id) => this.#reader.detail(id);
  list: Store['list'] = (filter) => this.#reader.list(filter);
  duePushes: Store['duePushes'] = (now, limit) => this.#reader.duePushes(now, limit);
  queueDepth: Store['queueDepth'] = () => this.#reader.queueDepth();
  mailbox: Store['mailbox'] = (partyId, limit, after) => this.#reader.mailbox(partyId, limit, after);
  mailboxItem: Store['mailboxItem'] = (partyId, id) => this.#reader.mailboxItem(partyId, id);
  get quality(): Store['quality'] {
    return this.#reader.quality;
  }

  /** Waits for every write asked for, then closes both connections and the writer. */
  async close(): Promise<void> {
    if (this.#gone === undefined) await this.#call('close', []);
    await this.#worker.terminate();
    if (!this.#checkpointerGone) {
      // Its last checkpoint, then it closes its connection; terminate() covers one that hangs.
      await new Promise<void>((resolve) => {
        this.#checkpointer.once('exit', () => resolve());
        this.#checkpointer.once('message', () => resolve());
        this.#checkpointer.postMessage('close');
      });
    }
    await this.#checkpointer.terminate();
    this.#reader.close();
  }
}
