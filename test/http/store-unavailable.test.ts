/**
 * When the store cannot take writes, a sender hears "not stored, try again later" (503 with
 * Retry-After) rather than an internal error, and /health says so until a write commits again.
 * The cause here is real and external: another connection (a backup, someone with the sqlite3
 * shell) holds the database's write lock longer than the store's busy timeout.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main.js';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';

describe('a store that cannot take writes', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers 503 with Retry-After, reports it on /health, and recovers with the next write', async () => {
    const vot = fixture('jw315/valid-two-products-huisarts-referral.xml');
    expect((await gw.get('/health', null)).json()).toMatchObject({ status: 'ok' });

    const other = new Database(join(gw.dataDir, DATABASE_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      const refused = await gw.post(KEY.jgv, vot);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(refused.json()).toMatchObject({
        code: 'IJW_ERR_STORE_UNAVAILABLE',
        melding: expect.stringMatching(/niet aangenomen.*later opnieuw/),
        detail: expect.stringMatching(/SQLITE_BUSY/),
      });
      const health = await gw.get('/health', null);
      expect(health.status).toBe(503);
      expect(health.json()).toMatchObject({
        status: 'unavailable',
        problem: expect.stringMatching(/^writes fail with SQLITE_BUSY/),
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        queue: { push: 0, mailbox: 0 },
      });
      expect((await gw.get('/metrics', null)).text).toMatch(/^ijw_store_available 0$/m);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    // Nothing of the refused sending was kept, so sending it again is a first sending.
    const again = await gw.post(KEY.jgv, vot);
    expect(again.status).toBe(202);
    expect(again.json().outcome).toBe('accepted');
    expect((await gw.get('/mailbox', KEY.ede)).json().berichten).toHaveLength(1);
    const health = await gw.get('/health', null);
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', queue: { push: 0, mailbox: 1 } });
    expect((await gw.get('/metrics', null)).text).toMatch(/^ijw_store_available 1$/m);
  }, 60_000);
});
