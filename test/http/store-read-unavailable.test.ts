/**
 * When the store cannot be read, a caller hears "nothing changed, try again later" (503 with
 * Retry-After and the read-specific text) on every read path, not an internal error: a detail and
 * the mailbox are read on the HTTP thread's own connection, a list on the store's read thread. The
 * cause here is real: the database file damaged on disk underneath the running gateway.
 */
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main.js';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';

/** Moves every committed page into the database file, then overwrites all but the first with junk. */
function damage(file: string): void {
  const other = new Database(file);
  const [checkpoint] = other.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  const pageSize = other.pragma('page_size', { simple: true }) as number;
  other.close();
  // With the WAL emptied, the readers must fetch their pages from the file we overwrite.
  expect(checkpoint?.busy).toBe(0);
  const fd = openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(pageSize, 0xff);
    for (let at = pageSize; at < fstatSync(fd).size; at += pageSize) writeSync(fd, junk, 0, pageSize, at);
  } finally {
    closeSync(fd);
  }
}

describe('a store that cannot be read', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers every read with 503, Retry-After and the read text, refuses writes, and says so on /health', async () => {
    const vot = fixture('jw315/valid-two-products-huisarts-referral.xml');
    const posted = await gw.post(KEY.jgv, vot);
    expect(posted.status).toBe(202);
    const id = posted.json().id as string;
    expect((await gw.get(`/berichten/${id}`, KEY.jgv)).status).toBe(200);

    damage(join(gw.dataDir, DATABASE_FILE));

    for (const [path, key] of [
      [`/berichten/${id}`, KEY.jgv],
      ['/berichten?limit=5', KEY.jgv],
      ['/mailbox', KEY.ede],
    ] as const) {
      const read = await gw.get(path, key);
      expect(read.status, path).toBe(503);
      expect(read.headers.get('retry-after'), path).toBe('30');
      expect(read.json(), path).toEqual({
        code: 'IJW_ERR_STORE_READ_UNAVAILABLE',
        melding: expect.stringMatching(/niet worden gelezen.*later opnieuw/),
        detail: expect.stringMatching(/^The store could not answer the read \(SQLITE_CORRUPT\); nothing changed/),
      });
    }

    // A write is never acknowledged into a damaged file.
    const write = await gw.post(KEY.jgv, vot.toString().replace(/(<ijw:Identificatie>)\d+/, '$1999999999'));
    expect(write.status).toBe(503);
    expect(write.json().code).toBe('IJW_ERR_STORE_UNAVAILABLE');

    const health = await gw.get('/health', null);
    expect(health.status).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', problem: expect.stringMatching(/cannot be read/) });
  }, 60_000);
});
