/**
 * The gateway's store: writes on a writer thread, point reads here, lists and quality figures on a
 * read thread. What a caller relies on must hold as with the in-thread store: committed when the
 * promise resolves, constraint errors with their code, the same answers to reads, and nothing asked
 * for lost at close.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { NewBericht } from '../../src/store/ports.js';
import { answerStamps } from '../../src/ingest/ids.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import { migrate } from '../../src/store/migrations.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ThreadedStore } from '../../src/store/threaded.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { fixture } from '../support/fixtures.js';
import { bericht as storeBericht } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

/** Each record with its own idempotency key, as the gateway writes first sendings. */
function bericht(id: string, overrides: Partial<NewBericht> = {}): NewBericht {
  return storeBericht(id, { idempotencyKey: `0228|JW301|EDE-${id}`, ...overrides });
}

function rows(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM berichten').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const settings = { maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };
const base = fixture('jw301/valid-veenendaal-initial-two-products.xml').toString();
/** The fixture as message `id`, its ToewijzingNummers moved by 1,000 × `numbers`. */
const variant = (id: number, numbers = id) =>
  Buffer.from(
    base
      .replace(/<ijw:Identificatie>[^<]*</, `<ijw:Identificatie>VND-301-T${id}<`)
      .replace(/<jw301:ToewijzingNummer>(\d+)</g, (_, n: string) => `<jw301:ToewijzingNummer>${Number(n) + numbers * 1000}<`),
  );

describe('ThreadedStore', () => {
  it('copies the WAL into the database file from a thread of its own, while the writer goes on', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const store = await ThreadedStore.open(path);
    const before = statSync(path).size;
    // About 600 KB of message bodies: far below the writer's own autocheckpoint, so only the
    // checkpointer can move these pages into the database file.
    const body = Buffer.alloc(6_000, 0x41);
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.save([bericht(`w${i}`, { body })])));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(statSync(path).size - before).toBeGreaterThan(500_000);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await store.close();
  });

  it('has a write committed to the file, and readable here, when its promise resolves', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const store = await ThreadedStore.open(path);
    await store.save([bericht('a1')]);
    expect(rows(path)).toBe(1);
    expect(store.detail('a1')?.status).toBe('accepted');
    expect(Buffer.from(store.body('a1')!).toString()).toBe('<Bericht id="a1"/>');
    expect(store.mailbox('aanbieder:98041733', 10)).toHaveLength(1);
    await store.close();
  });

  it('groups concurrent writes and rejects a reused idempotency key with the SQLite code', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const store = await ThreadedStore.open(path);
    const results = await Promise.allSettled([
      ...Array.from({ length: 50 }, (_, i) => store.save([bericht(`b${i}`)])),
      store.save([bericht('dup', { idempotencyKey: '0228|JW301|EDE-b7' })]),
    ]);
    expect(results.slice(0, 50).every((r) => r.status === 'fulfilled')).toBe(true);
    const last = results[50];
    expect(last?.status).toBe('rejected');
    expect((last as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(String((last as PromiseRejectedResult).reason.message)).toContain('idempotency_key');
    expect(rows(path)).toBe(50);
    await store.close();
  });

  it('answers writes that return values, and uses the injected clock for their times', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const store = await ThreadedStore.open(path, () => new Date('2026-05-01T10:00:00.000Z'));
    await store.save([bericht('c1')]);
    const [item] = store.mailbox('aanbieder:98041733', 10);
    expect(await store.acknowledge('aanbieder:98041733', item!.id, '2026-05-01T10:00:00.000Z')).toBe(true);
    expect(await store.acknowledge('aanbieder:98041733', item!.id, '2026-05-01T10:00:00.000Z')).toBe(false);
    const again = await store.requeue('c1', 'aanbieder:98041733', 'mailbox', 'replay');
    expect(again).toBeGreaterThan(item!.id);
    await store.setStatus('c1', 'accepted', 'note');
    expect(store.detail('c1')!.history.at(-1)).toMatchObject({ at: '2026-05-01T10:00:00.000Z', note: 'note' });
    expect(await store.prune('2030-01-01T00:00:00.000Z')).toBe(0); // a pending delivery keeps it
    await store.close();
  });

  it('finishes every write asked for before it closes', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const store = await ThreadedStore.open(path);
    const writes = Array.from({ length: 200 }, (_, i) => store.save([bericht(`d${i}`)]));
    await store.close();
    await Promise.all(writes);
    expect(rows(path)).toBe(200);
  });

  it('leaves only the database file once closed: the last connection to close, a writing one, folds the WAL in', async () => {
    const dir = tempDir('threaded');
    const store = await ThreadedStore.open(join(dir, 'ijw.sqlite'));
    await store.save([bericht('w1')]);
    await store.list({ limit: 1 });
    await store.close();
    expect(readdirSync(dir)).toEqual(['ijw.sqlite']);
    expect(rows(join(dir, 'ijw.sqlite'))).toBe(1);
  });
});

describe('SqliteStore opened read-only (look-ups on the HTTP thread, the read thread)', () => {
  it('reads what a writer committed, and refuses a write with SQLITE_READONLY without storing it', async () => {
    const path = join(tempDir('readonly'), 'ijw.sqlite');
    const writer = new SqliteStore({ path });
    const reader = new SqliteStore({ path, readOnly: true });
    try {
      await writer.save([bericht('r1')]);
      expect(reader.detail('r1')).toMatchObject({ id: 'r1', status: 'accepted' });
      expect((await reader.list({ limit: 5 })).items.map((b) => b.id)).toEqual(['r1']);
      await expect(reader.save([bericht('r2')])).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
      expect(writer.detail('r2')).toBeUndefined();
    } finally {
      reader.close();
      writer.close();
    }
  });

  it('does not create a database that is not there', () => {
    const dir = tempDir('readonly');
    expect(() => new SqliteStore({ path: join(dir, 'ijw.sqlite'), readOnly: true })).toThrow(/unable to open database file/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('ThreadedStore reads over the history', () => {
  it('answers a list on its read thread while this thread goes on, and the same as a read here', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migrate(db);
    // 250,000 messages of one party: an afzender filter that matches none reads all of them.
    const insert = db.prepare(`INSERT INTO berichten (id, received_at, type, origin, sender_id, recipient_id, afzender, ontvanger,
      identificatie, sha256, size, body, status, report, retourcodes) VALUES (?, ?, 'JW301', 'received', 'gemeente:0228', 'aanbieder:98041733',
      '0228', '98041733', ?, 'h', 10, x'3c612f3e', 'accepted', '{}', '[]')`);
    db.transaction(() => {
      for (let i = 0; i < 250_000; i++) insert.run(`m${String(i).padStart(7, '0')}`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), `X${i}`);
    })();
    db.close();
    const here = new SqliteStore({ path });
    const store = await ThreadedStore.open(path);
    try {
      const filter = { visibleTo: ['aanbieder:98041733'], afzender: '9999', limit: 50 };
      const started = performance.now();
      expect(here.list(filter).items).toEqual([]);
      const hereMs = performance.now() - started;

      // This thread's turns while the read runs: the longest gap between two is how long it stood still.
      let last = performance.now();
      let longest = 0;
      let turns = 0;
      let reading = true;
      const tick = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        turns++;
        if (reading) setImmediate(tick);
      };
      setImmediate(tick);
      const page = await store.list(filter);
      reading = false;
      expect(page).toEqual({ items: [], next: null });
      expect(turns).toBeGreaterThan(0);
      // The read here blocks for all of its time; on the read thread this thread keeps turning.
      expect(hereMs).toBeGreaterThan(2 * longest);

      const some = { visibleTo: ['gemeente:0228'], limit: 7, after: 'm0100000' };
      expect(await store.list(some)).toEqual(here.list(some));
    } finally {
      here.close();
      await store.close();
    }
  });

  it('answers the quality reads on its read thread as a read here does, and fails them coded once closed', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const mappings = defaultMappingsDir();
    const veenendaal = loadMappings(mappings).gemeente('0345')!;
    const store = await ThreadedStore.open(path, () => new Date('2026-03-02T09:00:00.000Z'), mappings, settings, 1);
    const here = new SqliteStore({ path });
    try {
      await Promise.all(Array.from({ length: 6 }, (_, i) => store.ingest(variant(i), veenendaal)));
      // Reused Identificaties with other contents: TR056 defects in the tallies.
      await Promise.all(Array.from({ length: 3 }, (_, i) => store.ingest(variant(i, i + 50), veenendaal)));
      const scope = { all: true, codes: [], regios: [], hidden: [] };
      const period = { from: '2026-01-01', to: '2027-01-01' };
      const defects = { ...period, per: ['regel', 'afzender'] as const, filters: {}, scope };
      const rows = await store.quality.defects(defects);
      expect(rows).toEqual(here.quality.defects(defects));
      expect(rows).toContainEqual(expect.objectContaining({ values: expect.objectContaining({ regel: 'TR056', afzender: '0345' }), n: 3 }));
      const firstTime = { ...period, per: ['type'] as const, filters: {}, scope };
      expect(await store.quality.firstTime(firstTime)).toEqual(here.quality.firstTime(firstTime));
      const deadlines = { ...period, scope, today: '2026-03-02' };
      expect(await store.quality.deadlines(deadlines)).toEqual(here.quality.deadlines(deadlines));
      const drill = { rule: 'TR056', limit: 10 };
      const page = await store.quality.berichten(drill);
      expect(page).toEqual(here.quality.berichten(drill));
      expect(page.items).toHaveLength(3);
    } finally {
      here.close();
      await store.close();
    }
    await expect(store.list({ limit: 1 })).rejects.toMatchObject({ code: 'ERR_STORE_READER_GONE', message: expect.stringMatching(/read thread exited/) });
    await expect(store.quality.berichten({ limit: 1 })).rejects.toMatchObject({ code: 'ERR_STORE_READER_GONE' });
  });
});

describe('ThreadedStore when its writer is gone', () => {
  it('fails a later write at once instead of leaving it waiting', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const store = await ThreadedStore.open(path);
    await store.save([bericht('e1')]);
    expect(store.health()).toEqual({ ok: true });
    await store.close();
    await expect(store.save([bericht('e2')])).rejects.toMatchObject({ code: 'ERR_STORE_WRITER_GONE', message: expect.stringMatching(/writer thread exited/) });
    expect(store.health()).toMatchObject({ ok: false, problem: expect.stringMatching(/writer thread exited/), since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(rows(path)).toBe(1);
  });
});

describe('ThreadedStore with ingest threads (the gateway with IJW_WORKERS ≥ 1)', () => {
  it('ingests on two threads with a write connection each: every message once, a resend answered as the first time, a reused Identificatie refused', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const mappings = defaultMappingsDir();
    const veenendaal = loadMappings(mappings).gemeente('0345')!;
    const store = await ThreadedStore.open(path, () => new Date('2026-03-02T09:00:00.000Z'), mappings, settings, 2);
    try {
      // Asked for in one turn: they are spread over both threads, whose commits interleave.
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => store.ingest(variant(i), veenendaal)));
      expect(answers.map((a) => a.body.outcome)).toEqual(Array(40).fill('accepted'));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(40);

      const resends = await Promise.all(Array.from({ length: 6 }, () => store.ingest(variant(100), veenendaal)));
      expect(new Set(resends.map((a) => a.body.id)).size).toBe(1);
      expect(resends.map((a) => a.body.outcome)).toEqual(Array(6).fill('accepted'));

      const reused = await store.ingest(variant(100, 101), veenendaal);
      expect(reused).toMatchObject({ statusCode: 409, body: { outcome: 'conflict' } });

      // A failure on an ingest thread is an answer to the caller; the thread goes on.
      await expect(store.ingest(variant(200), { ...veenendaal, id: 'gemeente:9999' })).rejects.toThrow(/unknown party/);
      expect((await store.ingest(variant(201), veenendaal)).body.outcome).toBe('accepted');

      // What both threads committed, in the one database.
      const db = new Database(path, { readonly: true });
      try {
        const byStatus = Object.fromEntries((db.prepare('SELECT status, COUNT(*) AS n FROM berichten GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
        expect(byStatus).toMatchObject({ accepted: 42, conflict: 1 });
        expect((db.prepare('SELECT COUNT(*) AS n FROM toewijzingen').get() as { n: number }).n).toBe(42 * 2);
      } finally {
        db.close();
      }
    } finally {
      await store.close();
    }
  });

  it('gives the answers the ingest threads write identifications from the stamps it was given, none twice', async () => {
    const path = join(tempDir('threaded'), 'ijw.sqlite');
    const mappings = defaultMappingsDir();
    const veenendaal = loadMappings(mappings).gemeente('0345')!;
    // Set ahead to a millisecond in 2040: identifications from this cell are recognisable.
    const stamps = answerStamps();
    const ahead = Date.parse('2040-01-01T00:00:00.000Z');
    new BigInt64Array(stamps)[0] = BigInt(ahead) * 46_656n;
    const store = await ThreadedStore.open(path, () => new Date('2026-03-02T09:00:00.000Z'), mappings, settings, 2, stamps);
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.ingest(variant(i), veenendaal)));
      // The same Identificaties with other contents: refused with 9056, each answered by the gateway.
      const refused = await Promise.all(Array.from({ length: 20 }, (_, i) => store.ingest(variant(i, i + 50), veenendaal)));
      expect(refused.map((a) => a.body.outcome)).toEqual(Array(20).fill('conflict'));
      const db = new Database(path, { readonly: true });
      let identifications: string[];
      try {
        const bodies = db.prepare("SELECT body FROM berichten WHERE origin = 'generated'").all() as { body: Buffer }[];
        identifications = bodies.map((b) => /<jw302:IdentificatieRetour>([^<]+)</.exec(b.body.toString('utf8'))?.[1] ?? '');
      } finally {
        db.close();
      }
      expect(identifications).toHaveLength(20);
      expect(new Set(identifications).size).toBe(20);
      const prefix = `G${ahead.toString(36).slice(-8).toUpperCase()}`;
      expect(identifications.filter((id) => !id.startsWith(prefix))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
