/**
 * The tallies are exact and survive a crash: after a mixed run (valid, XSD-invalid, rule-broken,
 * 9056 conflict, 401/403/413/415 refusals) counting again from the message store gives the same
 * cells, in a gateway that was killed with SIGKILL as well as in one that closed cleanly.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recount, tallied } from '../../src/quality/recount.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, tempDir } from '../support/gateway.js';
import { repoRoot } from '../support/paths.js';

const EDE_301 = 'jw301/valid-specific-hours-per-week-after-vot.xml';

/** The mixed run, against any gateway at `url`; returns the HTTP statuses in order. */
async function mixedRun(url: string): Promise<number[]> {
  const post = async (key: string | null, body: Buffer | string, contentType = 'application/xml') =>
    (await fetch(`${url}/berichten`, { method: 'POST', headers: { 'content-type': contentType, ...(key === null ? {} : { 'x-api-key': key }) }, body })).status;
  return [
    await post(KEY.ede, fixture(EDE_301)),
    await post(KEY.ede, fixture('jw301/cd005-landcode-without-postcode.xml')),
    await post(KEY.ede, fixture('jw301/xsd-bsn-8-digits.xml')),
    await post(KEY.ede, Buffer.concat([fixture(EDE_301), Buffer.from('\n')])),
    await post(KEY.ede, fixture('jw301/valid-veenendaal-initial-two-products.xml')),
    await post(KEY.ede, Buffer.alloc(150_000, 0x20)),
    await post(KEY.ede, 'x', 'text/plain'),
    await post(null, fixture(EDE_301)),
    await post(KEY.jgv, fixture('jw305/valid-start-specific-hours.xml')),
    await post(KEY.jgv, fixture('jw302/valid-accepted-specific-after-vot.xml')),
  ];
}
const STATUSES = [202, 202, 422, 409, 403, 413, 415, 401, 202, 202];

function expectRecountEqual(path: string): void {
  const db = new Database(path, { readonly: true });
  try {
    const written = tallied(db);
    expect(written.length).toBeGreaterThan(10);
    expect(recount(db)).toEqual(written);
    const defects = (rule: string) => written.filter((c) => c.measure === 'defect' && c.rule === rule).reduce((s, c) => s + c.n, 0);
    expect({ CD005: defects('CD005'), TR056: defects('TR056'), HTTP401: defects('HTTP401'), HTTP403: defects('HTTP403'), HTTP413: defects('HTTP413'), HTTP415: defects('HTTP415') }).toEqual({
      CD005: 1,
      TR056: 1,
      HTTP401: 1,
      HTTP403: 1,
      HTTP413: 1,
      HTTP415: 1,
    });
    expect(defects('XSD')).toBeGreaterThanOrEqual(1);
    const received = written.filter((c) => c.measure === 'received').reduce((s, c) => s + c.n, 0);
    expect(received).toBe(6); // 422, 409 and the 202s; refusals are no messages
  } finally {
    db.close();
  }
}

describe('tallies against a recount from the message store', () => {
  it('agree after a mixed run in a gateway that closed cleanly, also after reopening', async () => {
    const gw = await startTestGateway({ env: { IJW_MAX_BYTES: '100000' } });
    expect(await mixedRun(gw.url)).toEqual(STATUSES);
    await gw.close();
    const path = join(gw.dataDir, 'ijw-gateway.sqlite');
    expectRecountEqual(path);
    // Reopened by the store (migrations, a second write) the equality holds.
    const store = new SqliteStore({ path });
    await store.recordRefusal({ at: new Date().toISOString(), partyId: null, statusCode: 401, code: 'IJW_ERR_UNAUTHENTICATED', type: null, quality: { sender: '', regio: null, variant: null, eventDate: null, woonplaats: false } });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(recount(db)).toEqual(tallied(db));
    db.close();
  });

  it('agree after the gateway process was killed (SIGKILL) right after its answers', async () => {
    const dataDir = tempDir('crash');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IJW_')));
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'main.js'), 'serve', '--port', '0', '--data-dir', dataDir], {
      env: { ...env, IJW_WORKERS: '1', IJW_MAX_BYTES: '100000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const address = /"address":"([^"]+)"/.exec(out)?.[1];
          if (address !== undefined) resolve(address);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(await mixedRun(url)).toEqual(STATUSES);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    // No close, no checkpoint: what was answered must be in the WAL, tallies included.
    expectRecountEqual(join(dataDir, 'ijw-gateway.sqlite'));
  });
});
