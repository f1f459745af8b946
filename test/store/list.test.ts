/**
 * SqliteStore.list against a plain model of its meaning: every filter, every visibility scope and
 * paging to the end give exactly the messages the model selects, newest first, whichever way the
 * store reads them (a party's own index walks, or the period's index for a short period). And a
 * party's page does not sort the party's whole history.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BerichtFilter, BerichtStatus, NewBericht } from '../../src/store/ports.js';
import { NOT_FORWARDED } from '../../src/store/ports.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { bericht } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

// A small deterministic generator: the same data on every run, and a failure can be replayed.
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const PARTIES = ['gemeente:0228', 'gemeente:0345', 'aanbieder:98041733', 'aanbieder:98062519', 'regio:foodvalley'];
const CODES: Record<string, string> = {
  'gemeente:0228': '0228',
  'gemeente:0345': '0345',
  'aanbieder:98041733': '98041733',
  'aanbieder:98062519': '98062519',
  'regio:foodvalley': '99990001',
};
const STATUSES: BerichtStatus[] = ['accepted', 'rejected', 'conflict', 'invalid', 'delivered'];
const TYPES = ['JW301', 'JW315', 'JW323', 'JW305'] as const;

function messages(n: number, seed: number): NewBericht[] {
  const next = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const sender = pick(PARTIES);
    const recipient = next() < 0.1 ? null : pick(PARTIES);
    const minute = Math.floor(next() * 60 * 24 * 30);
    return bericht(`m${String(i).padStart(5, '0')}`, {
      // ids and times in different orders: the page is ordered by id, the period is on the time
      receivedAt: new Date(Date.UTC(2026, 2, 1) + minute * 60_000).toISOString(),
      type: pick(TYPES),
      senderId: sender,
      recipientId: recipient,
      afzender: CODES[sender]!,
      ontvanger: recipient === null ? null : CODES[recipient]!,
      status: pick(STATUSES),
      deliverTo: null,
    });
  });
}

function model(all: readonly NewBericht[], f: Omit<BerichtFilter, 'limit' | 'after'>): string[] {
  return all
    .filter(
      (b) =>
        (f.type === undefined || b.type === f.type) &&
        (f.afzender === undefined || b.afzender === f.afzender) &&
        (f.ontvanger === undefined || b.ontvanger === f.ontvanger) &&
        (f.status === undefined || b.status === f.status) &&
        (f.from === undefined || b.receivedAt >= f.from) &&
        (f.to === undefined || b.receivedAt < f.to) &&
        (f.visibleTo === undefined ||
          f.visibleTo.includes(b.senderId) ||
          (b.recipientId !== null && f.visibleTo.includes(b.recipientId) && !NOT_FORWARDED.includes(b.status))),
    )
    .map((b) => b.id)
    .sort()
    .reverse();
}

function everyPage(store: SqliteStore, f: Omit<BerichtFilter, 'limit' | 'after'>, limit: number): string[] {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = store.list({ ...f, limit, ...(after === undefined ? {} : { after }) });
    ids.push(...page.items.map((b) => b.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('paging did not end');
}

const SCOPES: (readonly string[] | undefined)[] = [
  undefined,
  ['gemeente:0228'],
  ['aanbieder:98041733'],
  // an intermediary acting for several parties, messages between them included
  ['regio:foodvalley', 'gemeente:0228', 'gemeente:0345'],
  ['gemeente:0228', 'gemeente:0228'],
  // more parties than the store walks one by one
  [...Array.from({ length: 150 }, (_, i) => `gemeente:${String(1000 + i)}`), 'aanbieder:98041733', 'gemeente:0345'],
  [],
];
const FILTERS: Omit<BerichtFilter, 'limit' | 'after' | 'visibleTo'>[] = [
  {},
  { type: 'JW323' },
  { status: 'rejected' },
  { status: 'accepted', type: 'JW301' },
  { afzender: '0228' },
  { ontvanger: '98062519' },
  { from: '2026-03-10T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z' },
  { from: '2026-03-20T00:00:00.000Z' },
  { to: '2026-03-03T00:00:00.000Z', status: 'delivered' },
];

function open(): { store: SqliteStore; path: string } {
  const path = join(tempDir('list'), 'ijw.sqlite');
  const store = new SqliteStore({ path });
  stores.push(store);
  return { store, path };
}

describe('SqliteStore.list', () => {
  it('selects what the model selects for every scope and filter, paging to the end', async () => {
    const { store } = open();
    const all = messages(600, 7);
    await store.save(all);
    for (const visibleTo of SCOPES) {
      for (const f of FILTERS) {
        const filter = { ...f, ...(visibleTo === undefined ? {} : { visibleTo }) };
        const expected = model(all, filter);
        expect(everyPage(store, filter, 1000), JSON.stringify(filter)).toEqual(expected);
        expect(everyPage(store, filter, 7), JSON.stringify(filter)).toEqual(expected);
      }
    }
  });

  it('gives the same pages when a period holds too many messages to read through it', async () => {
    const { store, path } = open();
    const all = messages(300, 11);
    await store.save(all);
    // 20,000 messages of others in one hour of 2025: the period "since 2025" is then too full to
    // read through, and a party's page comes from its own index walks.
    const db = new Database(path);
    const insert = db.prepare(`INSERT INTO berichten (id, received_at, type, origin, sender_id, recipient_id, afzender, ontvanger,
      identificatie, sha256, size, body, status, report, retourcodes) VALUES (?, ?, 'JW301', 'received', 'gemeente:0344', 'aanbieder:11111111',
      '0344', '11111111', ?, 'x', 1, x'00', 'accepted', '{}', '[]')`);
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`a${String(i).padStart(5, '0')}`, `2025-06-01T10:${String(Math.floor(i / 1000) % 60).padStart(2, '0')}:00.000Z`, `F-${i}`);
    })();
    db.close();
    for (const visibleTo of SCOPES.filter((s) => s !== undefined)) {
      for (const f of [{ from: '2025-01-01T00:00:00.000Z' }, { from: '2025-01-01T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z', type: 'JW315' as const }]) {
        const filter = { ...f, visibleTo };
        expect(everyPage(store, filter, 9), JSON.stringify(filter)).toEqual(model(all, filter));
      }
    }
  });

  it("reads a party's page without sorting the party's whole history", async () => {
    const { store, path } = open();
    await store.save(messages(50, 3));
    // The statements list() prepares, caught on their way to SQLite, and what SQLite plans for them.
    const seen: string[] = [];
    const original = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      if (/FROM berichten/.test(sql) && /ORDER BY id DESC/.test(sql)) seen.push(sql);
      return original.call(this, sql);
    } as typeof original;
    try {
      store.list({ visibleTo: ['gemeente:0228'], limit: 10 });
      store.list({ visibleTo: ['gemeente:0228', 'aanbieder:98041733'], status: 'rejected', limit: 10 });
      store.list({ visibleTo: ['gemeente:0228'], type: 'JW323', after: 'm00030', limit: 10 });
    } finally {
      Database.prototype.prepare = original;
    }
    expect(seen).toHaveLength(3);
    const db = new Database(path, { readonly: true });
    for (const [i, sql] of seen.entries()) {
      const nodes = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from(sql.matchAll(/\?/g), () => 'x')) as { id: number; parent: number; detail: string }[];
      const shown = nodes.map((n) => n.detail).join('\n');
      // One walk per party and direction, each on its own index, none of them sorted: the only
      // sorts are of a walk's output, a page at most.
      const walks = nodes.filter((n) => n.detail.startsWith('CO-ROUTINE'));
      expect(walks, shown).toHaveLength(i === 1 ? 4 : 2);
      for (const walk of walks) {
        const inside = nodes.filter((n) => n.parent === walk.id).map((n) => n.detail);
        expect(inside.some((d) => /^SEARCH berichten USING INDEX berichten_(sender|recipient) /.test(d)), shown).toBe(true);
        expect(inside.some((d) => d.includes('TEMP B-TREE')), shown).toBe(false);
      }
    }
    db.close();
  });
});
