/**
 * The tallies of a group commit: summed in memory, each distinct cell written once at the end of
 * the group's transaction, and only for the writes that stayed in when one of the group failed.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupSums } from '../../src/quality/group-sums.js';
import { recount, tallied } from '../../src/quality/recount.js';
import type { Refusal } from '../../src/quality/ports.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { bericht } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function open(): { store: SqliteStore; read: <T>(fn: (db: Database.Database) => T) => T } {
  const path = join(tempDir('tally-group'), 'ijw.sqlite');
  const store = new SqliteStore({ path });
  stores.push(store);
  return {
    store,
    read: (fn) => {
      const db = new Database(path, { readonly: true });
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
  };
}

const FACTS = { sender: '0228', regio: 'Food Valley', variant: null, eventDate: null, woonplaats: false } as const;
const CD005 = { type: 'JW301', berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: false, fouten: [{ code: 'CD005', retourcode: '0001', location: '/', line: 1, message: '', detail: '' }] } as const;
const REFUSAL: Refusal = { at: '2026-03-02T08:00:00.000Z', partyId: 'gemeente:0228', statusCode: 415, code: 'IJW_ERR_MEDIA_TYPE', type: null, quality: FACTS };

function counts(db: Database.Database): Record<string, number> {
  const rows = db.prepare<[], { measure: string; rule: string; n: number }>('SELECT measure, rule, n FROM quality_counts ORDER BY measure, rule').all();
  return Object.fromEntries(rows.map((r) => [r.rule === '' ? r.measure : `${r.measure} ${r.rule}`, r.n]));
}

describe('tallies per group commit', () => {
  it('writes each distinct cell of a group once, with the summed count', async () => {
    const { store, read } = open();
    await Promise.all([
      store.save([bericht('a1', { quality: FACTS })]),
      store.save([bericht('a2', { quality: FACTS })]),
      store.save([bericht('r1', { quality: FACTS, status: 'rejected', report: CD005 })]),
      store.recordRefusal(REFUSAL),
    ]);
    await store.save([bericht('a3', { quality: FACTS })]); // a later group adds to the same cells
    read((db) => {
      expect(counts(db)).toEqual({ received: 4, clean: 3, 'defect CD005': 1, 'defect HTTP415': 1 });
      expect(recount(db)).toEqual(tallied(db));
    });
  });

  it('counts nothing of a write that failed in its group, and everything of the others', async () => {
    const { store, read } = open();
    await store.save([bericht('first', { quality: FACTS, idempotencyKey: '0228|JW301|EDE-1' })]);
    // One group: the second save's second message breaks the UNIQUE idempotency key after its first
    // message's rows and cells were written, so the group is done again with a savepoint per write
    // and that write rolled back, its first message with it.
    const results = await Promise.allSettled([
      store.save([bericht('ok', { quality: FACTS, status: 'rejected', report: CD005 })]),
      store.save([
        bericht('gone', { quality: FACTS, status: 'rejected', report: CD005 }),
        bericht('clash', { quality: FACTS, idempotencyKey: '0228|JW301|EDE-1' }),
      ]),
      store.recordRefusal(REFUSAL),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { code: 'SQLITE_CONSTRAINT_UNIQUE' } });
    read((db) => {
      expect(db.prepare('SELECT id FROM berichten ORDER BY id').all()).toEqual([{ id: 'first' }, { id: 'ok' }]);
      expect(counts(db)).toEqual({ received: 2, clean: 1, 'defect CD005': 1, 'defect HTTP415': 1 });
      expect(db.prepare('SELECT bericht_id FROM quality_defects').all()).toEqual([{ bericht_id: 'ok' }]);
      expect(recount(db)).toEqual(tallied(db));
    });
  });

  it('counts nothing of a group whose every write failed', async () => {
    const { store, read } = open();
    await store.save([bericht('dup', { quality: FACTS })]);
    await expect(store.save([bericht('dup', { quality: FACTS, status: 'rejected', report: CD005 })])).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    read((db) => {
      expect(counts(db)).toEqual({ received: 1, clean: 1 });
      expect(recount(db)).toEqual(tallied(db));
    });
  });
});

describe('GroupSums', () => {
  const sums = () => new GroupSums<{ k: string; n: number }>((x) => x.k);

  it('sums kept items per key and forgets dropped ones', () => {
    const g = sums();
    g.add({ k: 'a', n: 1 });
    g.add({ k: 'b', n: 2 });
    g.keep();
    g.add({ k: 'a', n: 5 });
    g.drop();
    g.add({ k: 'a', n: 3 });
    g.keep();
    expect(g.take().map(({ item, n }) => [item.k, n])).toEqual([
      ['a', 4],
      ['b', 2],
    ]);
    expect(g.take()).toEqual([]);
  });

  it('starts empty again after clear, pending items included', () => {
    const g = sums();
    g.add({ k: 'a', n: 1 });
    g.keep();
    g.add({ k: 'b', n: 1 });
    g.clear();
    g.keep();
    expect(g.take()).toEqual([]);
  });
});
