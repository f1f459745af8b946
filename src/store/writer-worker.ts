/**
 * Worker-thread side of ThreadedStore: owns the only write connection and commits in groups.
 * Calls that arrive while a commit (and its fsync) runs wait in the port and go into the next
 * group, so groups grow with the load and the event loop of the HTTP thread never waits on disk.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkerOptions } from '../state/options.js';
import { SqliteStore } from './sqlite.js';

export type WriteMethod = 'save' | 'admit' | 'setStatus' | 'recordAttempt' | 'acknowledge' | 'requeue' | 'prune' | 'recordRefusal';

export interface WriteCall {
  readonly id: number;
  readonly method: WriteMethod | 'close';
  readonly args: readonly unknown[];
}

export interface WriteReply {
  readonly id: number;
  readonly value?: unknown;
  readonly error?: { readonly code?: string; readonly message: string };
}

const port = parentPort;
if (port === null) throw new Error('writer-worker runs as a worker thread');
export interface WriterData {
  readonly path: string;
  /** Where the regio table and contract data for the cross-message rules come from. */
  readonly mappingsDir: string | undefined;
}

const data = workerData as WriterData;
const store = new SqliteStore({ path: data.path, backgroundCheckpoints: true, checker: data.mappingsDir === undefined ? {} : checkerOptions(data.mappingsDir) });

// Writes asked for and not yet answered: close waits for them, so none is lost or left unanswered.
const inflight = new Set<Promise<void>>();

// Answers settled in one turn (a group commit settles many) go back in one message.
let replies: WriteReply[] = [];
function reply(r: WriteReply): void {
  if (replies.length === 0) setImmediate(sendReplies);
  replies.push(r);
}
function sendReplies(): void {
  if (replies.length === 0) return;
  const batch = replies;
  replies = [];
  port!.postMessage(batch);
}

function handle(call: WriteCall): void {
  if (call.method === 'close') {
    void Promise.allSettled([...inflight]).then(() => {
      store.close();
      sendReplies();
      port!.postMessage([{ id: call.id }] satisfies WriteReply[]);
      port!.close();
    });
    return;
  }
  const method = store[call.method] as (...args: unknown[]) => Promise<unknown>;
  const done = method.apply(store, [...call.args]).then(
    (value) => reply({ id: call.id, value }),
    (err: { code?: string; message?: string }) =>
      reply({ id: call.id, error: { ...(err.code === undefined ? {} : { code: err.code }), message: String(err.message ?? err) } }),
  );
  inflight.add(done);
  void done.finally(() => inflight.delete(done));
}

port.on('message', (calls: readonly WriteCall[]) => {
  for (const call of calls) handle(call);
});
port.postMessage([{ id: 0 }] satisfies WriteReply[]);
