/**
 * Copies the WAL back into the database file on a thread of its own. Left to SQLite, the
 * connection that commits does it whenever the WAL passes 1,000 pages: at a thousand messages a
 * second that is several times a second, and each time the writer, and every answer waiting for
 * its commit, stands still while the pages are copied and the database file is synced. A PASSIVE
 * checkpoint from another connection never blocks the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointData {
  readonly path: string;
  readonly intervalMs: number;
}

const port = parentPort;
if (port === null) throw new Error('checkpoint-worker runs as a worker thread');
const { path, intervalMs } = workerData as CheckpointData;
const db = new Database(path);
db.pragma('busy_timeout = 5000');

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next turn tries again, and the writer's own autocheckpoint is the backstop.
  }
}

const timer = setInterval(checkpoint, intervalMs);
port.on('message', (message: unknown) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  port.postMessage('closed');
  port.close();
});
port.postMessage('ready');
