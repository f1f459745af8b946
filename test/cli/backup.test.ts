/**
 * `ijw-gateway backup`: a consistent copy of the database of a gateway that keeps taking messages
 * while the copy is made (the command runs as a process of its own, as an operator would run it).
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/cli/backup-command.js';
import { DATABASE_FILE } from '../../src/main.js';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, tempDir, type TestGateway } from '../support/gateway.js';
import { repoRoot } from '../support/paths.js';

const run = promisify(execFile);
const bin = join(repoRoot, 'dist', 'cli', 'main.js');
const template = fixture('jw301/cd005-landcode-without-postcode.xml').toString();
/** The CD005 toewijzing under Identificatie `id`: stored as rejected, with the JW302 the gateway writes. */
const variant = (id: string) => Buffer.from(template.replace(/<ijw:Identificatie>[^<]*</, `<ijw:Identificatie>${id}<`));

function count(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM berichten').get()!.n;
  } finally {
    db.close();
  }
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), isTTY: false }, out, err };
}

describe('ijw-gateway backup', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { IJW_WORKERS: '2' } });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('copies the database of a running gateway that keeps committing, consistently and byte-exact', async () => {
    for (let i = 0; i < 20; i++) expect((await gw.post(KEY.ede, variant(`BCK-A${i}`))).json().outcome).toBe('rejected');
    const before = count(join(gw.dataDir, DATABASE_FILE));
    expect(before).toBe(40); // each message and its JW302

    // Messages keep coming, four at a time, until the backup is done.
    let done = false;
    let sent = 0;
    const senders = Array.from({ length: 4 }, async (_, s) => {
      while (!done) {
        const r = await gw.post(KEY.ede, variant(`BCK-B${s}-${sent++}`));
        expect(r.status).toBe(202);
      }
    });
    const target = join(tempDir('backup'), 'copy.sqlite');
    const { stdout } = await run(process.execPath, [bin, 'backup', target, '--data-dir', gw.dataDir]);
    done = true;
    await Promise.all(senders);

    expect(sent).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).not.toBe('wal');
      const inCopy = copy.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM berichten').get()!.n;
      // A snapshot: everything from before, each message with its answer, and nothing half.
      expect(inCopy).toBeGreaterThanOrEqual(before);
      expect(inCopy).toBeLessThanOrEqual(count(join(gw.dataDir, DATABASE_FILE)));
      expect(inCopy % 2).toBe(0);
      expect(stdout).toContain(`Back-up geschreven: ${target} (${inCopy} berichten,`);
      const row = copy.prepare<[], { id: string; body: Buffer }>("SELECT id, body FROM berichten WHERE identificatie = 'BCK-A7'").get()!;
      expect(Buffer.compare(row.body, variant('BCK-A7'))).toBe(0);
      // Every pending delivery in the copy belongs to a message in the copy.
      expect(copy.prepare('SELECT COUNT(*) AS n FROM deliveries d LEFT JOIN berichten b ON b.id = d.bericht_id WHERE b.id IS NULL').get()).toEqual({ n: 0 });
    } finally {
      copy.close();
    }
  }, 60_000);

  it('never overwrites a file, and says so when there is no database', () => {
    const existing = join(tempDir('backup'), 'taken.sqlite');
    writeFileSync(existing, 'something of value');
    const a = capture();
    expect(runBackup(existing, { dataDir: gw.dataDir }, a.io)).toBe(2);
    expect(a.err.join('\n')).toMatch(/bestaat al.*never overwrites/);

    const b = capture();
    const target = join(tempDir('backup'), 'copy.sqlite');
    expect(runBackup(target, { dataDir: tempDir('empty') }, b.io)).toBe(2);
    expect(b.err.join('\n')).toMatch(/Geen database gevonden/);
    expect(existsSync(target)).toBe(false);
  });
});
