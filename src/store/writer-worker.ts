/**
 * Worker-thread side of ThreadedStore: a write connection that commits in groups. Calls that
 * arrive while a commit (and its fsync) runs wait in the port and go into the next group, so
 * groups grow with the load and the event loop of the HTTP thread never waits on disk. Started
 * with analyser settings it also runs whole ingests (analysis, decisions, cross-message rules,
 * commit); the gateway then runs several of these, and SQLite orders their write transactions
 * (IMMEDIATE, so each group's checks see the state it commits on).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { systemIds } from '../ingest/ids.js';
import { ingest } from '../ingest/ingest.js';
import { localAnalyser, type AnalyserSettings } from '../ingest/pool.js';
import { loadMappings } from '../mappings/load.js';
import { checkerOptions } from '../state/options.js';
import type { StoreHealth } from './health.js';
import { SqliteStore, sharedWriteLock } from './sqlite.js';
import { errorFields, type ThreadErrorFields } from './thread-errors.js';

export type WriteMethod = 'save' | 'admit' | 'setStatus' | 'recordAttempt' | 'acknowledge' | 'requeue' | 'prune' | 'recordRefusal' | 'ingest';

export interface WriteCall {
  readonly id: number;
  readonly method: WriteMethod | 'close';
  readonly args: readonly unknown[];
}

/** What a writer posts: the answers settled in one turn, and its store's health after them when that is or was not ok. */
export interface WriterMessage {
  readonly replies: readonly WriteReply[];
  readonly health?: StoreHealth;
}

export interface WriteReply {
  readonly id: number;
  /** The answer to an ingest (the caller counts ingests under way per writer). */
  readonly ingest?: true;
  readonly value?: unknown;
  readonly error?: ThreadErrorFields;
}

const port = parentPort;
if (port === null) throw new Error('writer-worker runs as a worker thread');
export interface WriterData {
  readonly path: string;
  /** Where the regio table and contract data for the cross-message rules come from. */
  readonly mappingsDir: string | undefined;
  /** When set (with mappingsDir), this thread also runs the whole ingest of a message: see ThreadedStore.ingest. */
  readonly analyser?: AnalyserSettings;
  /** The lock the writers of this process take around each group commit (sharedWriteLock). */
  readonly lock?: SharedArrayBuffer;
  /** Shared by every thread that writes answers, so that no two get the same identification (ids.ts). */
  readonly answerIds?: SharedArrayBuffer;
}

const data = workerData as WriterData;
const directory = data.mappingsDir === undefined ? undefined : loadMappings(data.mappingsDir);
const store = new SqliteStore({
  path: data.path,
  backgroundCheckpoints: true,
  checker: data.mappingsDir === undefined ? {} : checkerOptions(data.mappingsDir, directory),
  ...(data.lock === undefined ? {} : { writeLock: sharedWriteLock(data.lock) }),
});

const pipeline = data.analyser === undefined || directory === undefined ? undefined : { store, directory, analyser: localAnalyser(data.analyser), ids: systemIds(Date.now, data.answerIds) };

// Async, so that whatever fails here is an answer to the caller, never an uncaught error in this thread.
async function ingestHere(bytes: Uint8Array, partyId: string, nowIso: string): ReturnType<typeof ingest> {
  if (pipeline === undefined) throw new Error('this writer was started without analyser settings');
  const from = pipeline.directory.partyById(partyId);
  if (from === undefined) throw new Error(`unknown party ${partyId}`);
  const now = new Date(nowIso);
  return ingest(bytes, from, { ...pipeline, clock: () => now });
}

// Writes asked for and not yet answered: close waits for them, so none is lost or left unanswered.
const inflight = new Set<Promise<void>>();

// Answers settled in one turn (a group commit settles many) go back in one message.
let replies: WriteReply[] = [];
let healthWasOk = true;
function reply(r: WriteReply): void {
  if (replies.length === 0) setImmediate(sendReplies);
  replies.push(r);
}
function sendReplies(): void {
  if (replies.length === 0) return;
  const batch = replies;
  replies = [];
  // The health goes along only when it is, or just was, not ok: the usual answer stays as small as it was.
  const health = store.health();
  const send = !health.ok || !healthWasOk;
  healthWasOk = health.ok;
  port!.postMessage((send ? { replies: batch, health } : { replies: batch }) satisfies WriterMessage);
}

function handle(call: WriteCall): void {
  if (call.method === 'close') {
    void Promise.allSettled([...inflight]).then(() => {
      store.close();
      sendReplies();
      port!.postMessage({ replies: [{ id: call.id }] } satisfies WriterMessage);
      port!.close();
    });
    return;
  }
  const run =
    call.method === 'ingest'
      ? ingestHere(call.args[0] as Uint8Array, call.args[1] as string, call.args[2] as string)
      : (store[call.method] as (...args: unknown[]) => Promise<unknown>).apply(store, [...call.args]);
  const tag = call.method === 'ingest' ? { ingest: true as const } : {};
  const done = run.then(
    (value) => reply({ id: call.id, ...tag, value }),
    (err: unknown) => reply({ id: call.id, ...tag, error: errorFields(err) }),
  );
  inflight.add(done);
  void done.finally(() => inflight.delete(done));
}

port.on('message', (calls: readonly WriteCall[]) => {
  for (const call of calls) handle(call);
});
port.postMessage({ replies: [{ id: 0 }] } satisfies WriterMessage);
