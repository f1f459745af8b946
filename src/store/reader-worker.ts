/**
 * The reads that can take long, on a thread and connection of their own (ThreadedStore): a list
 * or a quality figure over a year of history may read hundreds of thousands of rows, and on the
 * HTTP thread nothing was accepted meanwhile. Point look-ups (a message, a mailbox page) stay on
 * the HTTP thread, where a hand-off would cost more than the read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BerichtFilter } from './ports.js';
import { SqliteStore } from './sqlite.js';
import { errorFields, type ThreadErrorFields } from './thread-errors.js';

/** What this thread answers: the store's list, and the quality reads by name. */
export type ReadMethod = 'list' | 'defects' | 'firstTime' | 'deadlines' | 'berichten';

export interface ReadCall {
  readonly id: number;
  readonly method: ReadMethod;
  readonly arg: unknown;
}

export interface ReadReply {
  readonly id: number;
  readonly value?: unknown;
  readonly error?: ThreadErrorFields;
}

export interface ReaderData {
  readonly path: string;
}

const port = parentPort;
if (port === null) throw new Error('reader-worker runs as a worker thread');
const store = new SqliteStore({ path: (workerData as ReaderData).path, readOnly: true });

function read(method: ReadMethod, arg: unknown): unknown {
  if (method === 'list') return store.list(arg as BerichtFilter);
  return (store.quality[method] as (q: unknown) => unknown)(arg);
}

port.on('message', (call: ReadCall | 'close') => {
  if (call === 'close') {
    store.close();
    port.close();
    return;
  }
  try {
    port.postMessage({ id: call.id, value: read(call.method, call.arg) } satisfies ReadReply);
  } catch (err) {
    port.postMessage({ id: call.id, error: errorFields(err) } satisfies ReadReply);
  }
});
port.postMessage({ id: 0 } satisfies ReadReply);
