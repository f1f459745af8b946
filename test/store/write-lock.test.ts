/**
 * The lock the ingest threads take around each group commit: a second thread waits while it is
 * held and goes on as soon as it is released (no sleeping between tries, as SQLite's busy wait does).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sharedWriteLock } from '../../src/store/sqlite.js';
import { packageRoot } from '../../src/standard/paths.js';

describe('sharedWriteLock', () => {
  it('keeps a second thread out while held, and lets it in when released', async () => {
    const buffer = new SharedArrayBuffer(4);
    const lock = sharedWriteLock(buffer);
    lock.acquire();
    // The compiled module: worker threads run dist/, as the gateway's do.
    const sqlite = pathToFileURL(join(packageRoot(), 'dist', 'store', 'sqlite.js')).href;
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       import(${JSON.stringify(sqlite)}).then(({ sharedWriteLock }) => {
         const lock = sharedWriteLock(workerData);
         parentPort.postMessage('trying');
         lock.acquire();
         parentPort.postMessage('acquired');
         lock.release();
       });`,
      { eval: true, workerData: buffer },
    );
    const messages: string[] = [];
    const acquired = new Promise<number>((resolve) =>
      worker.on('message', (m: string) => {
        messages.push(m);
        if (m === 'acquired') resolve(performance.now());
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messages).toEqual(['trying']);
    const released = performance.now();
    lock.release();
    expect((await acquired) - released).toBeLessThan(100);
    // It releases and ends by itself (terminating it could stop it between the two).
    await new Promise((resolve) => worker.once('exit', resolve));
    // Free again for this thread.
    lock.acquire();
    lock.release();
  });

  it('gives up after its longest wait instead of waiting for ever on a holder that is gone', () => {
    const buffer = new SharedArrayBuffer(4);
    sharedWriteLock(buffer).acquire(); // and never released
    const started = performance.now();
    expect(() => sharedWriteLock(buffer, 200).acquire()).toThrow(/not free within 200 ms/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });
});
