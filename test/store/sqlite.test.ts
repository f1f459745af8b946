/**
 * SqliteStore on real files: group commit with per-write savepoints, byte-exact bodies, history,
 * correlation links, listing, mailbox, push bookkeeping, replay, retention and reopening.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { bericht, VALID_REPORT } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    try {
      s.close();
    } catch {
      // closed by the test
    }
  }
});

function open(path = join(tempDir('store'), 'ijw.sqlite'), now = () => new Date('2026-03-02T09:00:00.000Z')): { store: SqliteStore; path: string } {
  const store = new SqliteStore({ path, now });
  stores.push(store);
  return { store, path };
}

function peek(path: string, sql: string, ...params: unknown[]): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

describe('SqliteStore', () => {
  it('keeps the body byte-exact, with its metadata and first history entry', async () => {
    const { store } = open();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<x>\r\n\u00e9\u20ac</x>\u0000', 'utf8')]);
    // A Buffer from Node's shared pool starts at an offset into a larger ArrayBuffer.
    const pooled = Buffer.from(bytes.toString('latin1'), 'latin1');
    await store.save([bericht('b1', { body: pooled })]);
    expect(Buffer.compare(Buffer.from(store.body('b1')!), bytes)).toBe(0);
    expect(store.detail('b1')).toMatchObject({
      id: 'b1',
      size: bytes.length,
      status: 'accepted',
      history: [{ at: '2026-03-02T08:00:00.000Z', status: 'accepted', note: null }],
      deliveries: [{ partyId: 'aanbieder:98041733', mode: 'mailbox', state: 'pending', attempts: 0, attemptLog: [] }],
      report: VALID_REPORT,
    });
    expect(store.detail('nope')).toBeUndefined();
    expect(store.body('nope')).toBeUndefined();
  });

  it('has committed a write when its promise resolves: another connection sees it', async () => {
    const { store, path } = open();
    await store.save([bericht('b1')]);
    expect(peek(path, 'SELECT id, status FROM berichten')).toEqual([{ id: 'b1', status: 'accepted' }]);
    expect(peek(path, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('commits writes of one turn together, and a failing write fails alone', async () => {
    const { store, path } = open();
    await store.save([bericht('dup')]);
    const results = await Promise.allSettled([
      store.save([bericht('a1')]),
      store.save([bericht('a2'), bericht('dup')]), // the second row breaks the primary key: a2 goes too
      store.save([bericht('a3')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(peek(path, 'SELECT id FROM berichten ORDER BY id')).toEqual([{ id: 'a1' }, { id: 'a3' }, { id: 'dup' }]);
  });

  it('keeps one message per idempotency key and says so with a recognisable error', async () => {
    const { store } = open();
    await store.save([bericht('first', { idempotencyKey: '0228|JW301|EDE-1', sha256: 'b'.repeat(64) })]);
    const clash = store.save([bericht('second', { idempotencyKey: '0228|JW301|EDE-1' })]);
    await expect(clash).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: expect.stringContaining('idempotency_key') });
    expect(store.original('0228|JW301|EDE-1')).toEqual({
      id: 'first',
      sha256: 'b'.repeat(64),
      status: 'accepted',
      answer: { statusCode: 202, body: { id: 'first', outcome: 'accepted' } },
    });
    expect(store.original('0228|JW301|EDE-2')).toBeUndefined();
  });

  it('links a message to the earlier ones whose keys it references, in both directions', async () => {
    const { store } = open();
    await store.save([bericht('jw315', { type: 'JW315', offers: ['heen:JW315:98041733:JGV-1', 'verzoek:98041733:R1'] })]);
    await store.save([
      bericht('jw301', {
        offers: ['heen:JW301:0228:EDE-1'],
        references: [
          { kind: 'answers', key: 'verzoek:98041733:R1' },
          { kind: 'answers', key: 'verzoek:98041733:unknown' },
        ],
      }),
    ]);
    await store.save([bericht('jw302', { type: 'JW302', references: [{ kind: 'retour-of', key: 'heen:JW301:0228:EDE-1' }], links: [{ toId: 'jw315', kind: 'generated-for' }] })]);
    // A later message offering a key already taken does not steal it.
    await store.save([bericht('again', { offers: ['heen:JW301:0228:EDE-1'] })]);
    await store.save([bericht('jw302b', { type: 'JW302', references: [{ kind: 'retour-of', key: 'heen:JW301:0228:EDE-1' }] })]);

    expect(store.detail('jw301')!.related).toEqual([
      { id: 'jw315', kind: 'answers', direction: 'to', type: 'JW315' },
      { id: 'jw302', kind: 'retour-of', direction: 'from', type: 'JW302' },
      { id: 'jw302b', kind: 'retour-of', direction: 'from', type: 'JW302' },
    ]);
    expect(store.detail('jw315')!.related).toEqual(
      expect.arrayContaining([
        { id: 'jw301', kind: 'answers', direction: 'from', type: 'JW301' },
        { id: 'jw302', kind: 'generated-for', direction: 'from', type: 'JW302' },
      ]),
    );
  });

  it('lists newest first with filters, visibility and a cursor', async () => {
    const { store } = open();
    const rows = [
      bericht('01', { receivedAt: '2026-03-01T10:00:00.000Z' }),
      bericht('02', { receivedAt: '2026-03-02T10:00:00.000Z', type: 'JW315', senderId: 'aanbieder:98041733', recipientId: 'gemeente:0228', afzender: '98041733', ontvanger: '0228' }),
      bericht('03', { receivedAt: '2026-03-03T10:00:00.000Z', status: 'invalid', recipientId: null, deliverTo: null }),
      bericht('04', { receivedAt: '2026-03-04T10:00:00.000Z', senderId: 'gemeente:0345', recipientId: 'aanbieder:98062519', afzender: '0345', ontvanger: '98062519' }),
    ];
    await store.save(rows);
    const ids = (f: Partial<Parameters<SqliteStore['list']>[0]>) => store.list({ limit: 100, ...f }).items.map((b) => b.id);
    expect(ids({})).toEqual(['04', '03', '02', '01']);
    expect(ids({ type: 'JW315' })).toEqual(['02']);
    expect(ids({ afzender: '0228' })).toEqual(['03', '01']);
    expect(ids({ ontvanger: '0228' })).toEqual(['02']);
    expect(ids({ status: 'invalid' })).toEqual(['03']);
    expect(ids({ from: '2026-03-02T10:00:00.000Z', to: '2026-03-04T10:00:00.000Z' })).toEqual(['03', '02']);
    expect(ids({ visibleTo: ['gemeente:0228'] })).toEqual(['03', '02', '01']);
    expect(ids({ visibleTo: ['aanbieder:98062519'] })).toEqual(['04']);
    expect(ids({ visibleTo: [] })).toEqual([]);
    // A message refused on the recipient's behalf is the sender's only.
    await store.save([bericht('05', { receivedAt: '2026-03-05T10:00:00.000Z', status: 'rejected', deliverTo: null })]);
    expect(ids({ visibleTo: ['aanbieder:98041733'] })).toEqual(['02', '01']);
    expect(ids({ visibleTo: ['gemeente:0228'] })).toEqual(['05', '03', '02', '01']);
    await store.save([bericht('06', { receivedAt: '2026-03-06T10:00:00.000Z' })]);
    const page1 = store.list({ limit: 4 });
    expect(page1.items.map((b) => b.id)).toEqual(['06', '05', '04', '03']);
    expect(page1.next).toBe('03');
    const page2 = store.list({ limit: 4, after: page1.next! });
    expect(page2).toMatchObject({ items: [expect.objectContaining({ id: '02' }), expect.objectContaining({ id: '01' })], next: null });
    expect(page1.items[2]).toMatchObject({ retourcodes: [], size: rows[3]!.body.length, origin: 'received' });
  });

  it('keeps a mailbox item until its own party acknowledges it, then marks the message acknowledged', async () => {
    const { store } = open();
    await store.save([bericht('m1'), bericht('m2')]);
    const [d1, d2] = store.mailbox('aanbieder:98041733', 10);
    expect([d1!.berichtId, d2!.berichtId]).toEqual(['m1', 'm2']);
    expect(store.mailbox('aanbieder:98041733', 1, d1!.id).map((d) => d.berichtId)).toEqual(['m2']);
    expect(store.mailbox('gemeente:0228', 10)).toEqual([]);
    expect(store.mailboxItem('gemeente:0228', d1!.id)).toBeUndefined();

    expect(await store.acknowledge('gemeente:0228', d1!.id, '2026-03-02T11:00:00.000Z')).toBe(false);
    expect(await store.acknowledge('aanbieder:98041733', d1!.id, '2026-03-02T11:00:00.000Z')).toBe(true);
    expect(await store.acknowledge('aanbieder:98041733', d1!.id, '2026-03-02T12:00:00.000Z')).toBe(false);
    expect(store.mailbox('aanbieder:98041733', 10).map((d) => d.berichtId)).toEqual(['m2']);
    expect(store.mailboxItem('aanbieder:98041733', d1!.id)).toMatchObject({ state: 'acknowledged', doneAt: '2026-03-02T11:00:00.000Z' });
    expect(store.detail('m1')!.history).toEqual([
      { at: '2026-03-02T08:00:00.000Z', status: 'accepted', note: null },
      { at: '2026-03-02T11:00:00.000Z', status: 'acknowledged', note: null },
    ]);
    expect(store.queueDepth()).toEqual({ push: 0, mailbox: 1 });
  });

  it('hands out due pushes one per recipient, oldest first, and records every attempt', async () => {
    const { store } = open();
    const push = (id: string, partyId: string, at: string) => bericht(id, { receivedAt: at, recipientId: partyId, deliverTo: { partyId, mode: 'push' } });
    await store.save([push('p1', 'aanbieder:1', '2026-03-02T08:00:00.000Z'), push('p2', 'aanbieder:1', '2026-03-02T08:00:01.000Z'), push('q1', 'aanbieder:2', '2026-03-02T08:00:02.000Z')]);
    expect(store.queueDepth()).toEqual({ push: 3, mailbox: 0 });
    const due = store.duePushes('2026-03-02T09:00:00.000Z', 10);
    expect(due.map((d) => d.berichtId)).toEqual(['p1', 'q1']);
    expect(store.duePushes('2026-03-02T08:00:00.500Z', 10).map((d) => d.berichtId)).toEqual(['p1']);

    const [p1, q1] = due;
    await store.recordAttempt(p1!.id, { at: '2026-03-02T09:00:00.000Z', ok: false, statusCode: 503, error: 'HTTP 503', durationMs: 4 }, { state: 'pending', nextAttemptAt: '2026-03-02T09:00:02.000Z', lastError: 'HTTP 503' });
    // Still the head of its recipient's queue, so p2 waits behind it.
    expect(store.duePushes('2026-03-02T09:00:01.000Z', 10).map((d) => d.berichtId)).toEqual(['q1']);
    await store.recordAttempt(p1!.id, { at: '2026-03-02T09:00:02.000Z', ok: true, statusCode: 200, error: null, durationMs: 3 }, { state: 'delivered' });
    await store.recordAttempt(q1!.id, { at: '2026-03-02T09:00:03.000Z', ok: false, statusCode: 410, error: 'gone', durationMs: 2 }, { state: 'dead', lastError: 'gone' });
    expect(store.duePushes('2026-03-02T09:00:05.000Z', 10).map((d) => d.berichtId)).toEqual(['p2']);

    expect(store.detail('p1')).toMatchObject({
      status: 'delivered',
      history: [{ status: 'accepted' }, { status: 'delivered', at: '2026-03-02T09:00:02.000Z' }],
      deliveries: [
        {
          state: 'delivered',
          attempts: 2,
          lastError: null,
          attemptLog: [
            { ok: false, statusCode: 503, error: 'HTTP 503', durationMs: 4 },
            { ok: true, statusCode: 200, error: null, durationMs: 3 },
          ],
        },
      ],
    });
    expect(store.detail('q1')).toMatchObject({ status: 'dead-letter', history: [{ status: 'accepted' }, { status: 'dead-letter', note: 'gone' }], deliveries: [{ state: 'dead', lastError: 'gone' }] });
  });

  it('queues a message again on replay and notes it in the history', async () => {
    const { store } = open();
    await store.save([bericht('r1')]);
    const [d] = store.mailbox('aanbieder:98041733', 10);
    await store.acknowledge('aanbieder:98041733', d!.id, '2026-03-02T08:30:00.000Z');
    const again = await store.requeue('r1', 'aanbieder:98041733', 'mailbox', 'replay by ketenbureau:beheer');
    expect(again).toBeGreaterThan(d!.id);
    expect(store.mailbox('aanbieder:98041733', 10).map((x) => x.id)).toEqual([again]);
    expect(store.detail('r1')!.history.at(-1)).toEqual({ at: '2026-03-02T09:00:00.000Z', status: 'acknowledged', note: 'replay by ketenbureau:beheer' });
  });

  it('prunes old messages whose deliveries are finished, with everything that hangs off them, and keeps pending ones', async () => {
    const { store, path } = open();
    const old = '2025-01-01T00:00:00.000Z';
    await store.save([
      bericht('old-done', { receivedAt: old, offers: ['heen:JW301:0228:OLD'] }),
      bericht('old-pending', { receivedAt: old }),
      bericht('old-invalid', { receivedAt: old, status: 'invalid', deliverTo: null }),
      bericht('new-done', { receivedAt: '2026-03-01T00:00:00.000Z' }),
    ]);
    await store.save([bericht('old-retour', { receivedAt: old, deliverTo: null, references: [{ kind: 'retour-of', key: 'heen:JW301:0228:OLD' }] })]);
    for (const d of store.mailbox('aanbieder:98041733', 10)) {
      if (d.berichtId !== 'old-pending') await store.acknowledge('aanbieder:98041733', d.id, '2026-03-01T12:00:00.000Z');
    }
    expect(await store.prune('2026-01-01T00:00:00.000Z')).toBe(3);
    expect(peek(path, 'SELECT id FROM berichten ORDER BY id')).toEqual([{ id: 'new-done' }, { id: 'old-pending' }]);
    for (const table of ['status_history', 'deliveries', 'correlation_keys']) {
      expect(peek(path, `SELECT COUNT(*) AS n FROM ${table} WHERE bericht_id NOT IN ('new-done', 'old-pending')`), table).toEqual([{ n: 0 }]);
    }
    expect(peek(path, 'SELECT COUNT(*) AS n FROM links')).toEqual([{ n: 0 }]);
    expect(await store.prune('2026-01-01T00:00:00.000Z')).toBe(0);
  });

  it('keeps everything across a reopen and applies migrations once', async () => {
    const { store, path } = open();
    await store.save([bericht('k1', { idempotencyKey: 'k' })]);
    store.close();
    const again = open(path).store;
    expect(again.detail('k1')).toMatchObject({ id: 'k1', status: 'accepted' });
    expect(again.original('k')?.id).toBe('k1');
    expect(again.mailbox('aanbieder:98041733', 10)).toHaveLength(1);
    // Each migration once, in order, whatever their number.
    const versions = (peek(path, 'SELECT version FROM schema_migrations ORDER BY version') as { version: number }[]).map((v) => v.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('commits writes still queued when it is closed', async () => {
    const { store, path } = open();
    const pending = store.save([bericht('late')]);
    store.close();
    await expect(pending).resolves.toBeUndefined();
    expect(peek(path, 'SELECT id FROM berichten')).toEqual([{ id: 'late' }]);
  });
});
