/**
 * Reaction terms written with the message in SqliteStore: the JW323 → JW325 term of 10 werkdagen,
 * terms of rejected and refused messages, and the store option that switches the tallies off.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { planTerms } from '../../src/quality/deadlines.js';
import type { NewBericht } from '../../src/store/ports.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { bericht } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function open(tally = true): { store: SqliteStore; rows: (sql: string) => unknown[] } {
  const path = join(tempDir('terms'), 'ijw.sqlite');
  const store = new SqliteStore({ path, tally });
  stores.push(store);
  return {
    store,
    rows: (sql) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(sql).all();
      } finally {
        db.close();
      }
    },
  };
}

const FACTS = { sender: '98041733', regio: 'Food Valley', variant: null, eventDate: null, woonplaats: false } as const;

/** A JW323 from the aanbieder to Ede, received on `day` at 10:00 Amsterdam time (winter). */
function declaratie(id: string, day: string, overrides: Partial<NewBericht> = {}): NewBericht {
  return bericht(id, {
    type: 'JW323',
    receivedAt: `${day}T09:00:00.000Z`,
    senderId: 'aanbieder:98041733',
    recipientId: 'factuurbureau:food-valley',
    afzender: '98041733',
    ontvanger: '0228',
    offers: [`heen:JW323:98041733:${id}`],
    quality: FACTS,
    ...overrides,
  });
}

function antwoord(id: string, day: string, declaratieId: string): NewBericht {
  return bericht(id, {
    type: 'JW325',
    receivedAt: `${day}T09:00:00.000Z`,
    senderId: 'factuurbureau:food-valley',
    recipientId: 'aanbieder:98041733',
    afzender: '0228',
    ontvanger: '98041733',
    references: [{ kind: 'declaratie-antwoord', key: `heen:JW323:98041733:${declaratieId}` }],
    quality: FACTS,
  });
}

describe('reaction terms in the store', () => {
  it('gives a JW325 ten werkdagen, over Christmas and New Year', async () => {
    const { store, rows } = open();
    // Wednesday 23 December 2026: 24 (1), 28 (2), 29, 30, 31, 4 January (6), 5, 6, 7, 8 (10).
    await store.save([declaratie('d1', '2026-12-23'), declaratie('d2', '2026-12-23')]);
    await store.save([antwoord('a1', '2027-01-08', 'd1'), antwoord('a2', '2027-01-11', 'd2')]);
    expect(rows("SELECT bericht_id, party, counterparty, gemeente, regio, due, answered_on, answer_id, outcome FROM quality_deadlines WHERE kind = 'declaratie-antwoord' ORDER BY bericht_id")).toEqual([
      { bericht_id: 'd1', party: '0228', counterparty: '98041733', gemeente: '0228', regio: 'Food Valley', due: '2027-01-08', answered_on: '2027-01-08', answer_id: 'a1', outcome: 'met' },
      { bericht_id: 'd2', party: '0228', counterparty: '98041733', gemeente: '0228', regio: 'Food Valley', due: '2027-01-08', answered_on: '2027-01-11', answer_id: 'a2', outcome: 'breached' },
    ]);
  });

  it('counts the first answer only, and a refused answer not at all', async () => {
    const { store, rows } = open();
    await store.save([declaratie('d1', '2026-03-02')]);
    await store.save([{ ...antwoord('a0', '2026-03-03', 'd1'), status: 'conflict' }]);
    await store.save([antwoord('a1', '2026-03-20', 'd1'), antwoord('a2', '2026-03-04', 'd1')]);
    expect(rows("SELECT answer_id, outcome FROM quality_deadlines WHERE kind = 'declaratie-antwoord'")).toEqual([{ answer_id: 'a1', outcome: 'breached' }]);
  });

  it('meets the term of a rejected message at once and starts none for a conflict or an invalid one', () => {
    const rejected = planTerms(declaratie('d1', '2026-03-02', { status: 'rejected' }));
    expect(rejected.open).toEqual([expect.objectContaining({ soort: 'declaratie-antwoord', answeredOn: '2026-03-02', due: '2026-03-16' })]);
    expect(planTerms(declaratie('d1', '2026-03-02', { status: 'conflict' })).open).toEqual([]);
    expect(planTerms(declaratie('d1', '2026-03-02', { status: 'invalid', type: null })).open).toEqual([]);
    expect(planTerms({ ...declaratie('d1', '2026-03-02'), origin: 'generated' }).open).toEqual([]);
  });

  it('writes no tallies and no terms with tallying off, but keeps the message and refusals', async () => {
    const { store, rows } = open(false);
    await store.save([declaratie('d1', '2026-03-02', { report: { type: 'JW323', berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: false, fouten: [{ code: 'CD060', retourcode: '0001', location: '/', line: 1, message: '', detail: '' }] } })]);
    await store.recordRefusal({ at: '2026-03-02T09:00:00.000Z', partyId: null, statusCode: 401, code: 'IJW_ERR_UNAUTHENTICATED', type: null, quality: { ...FACTS, sender: '' } });
    expect(rows('SELECT COUNT(*) AS n FROM berichten')).toEqual([{ n: 1 }]);
    expect(rows('SELECT COUNT(*) AS n FROM refusals')).toEqual([{ n: 1 }]);
    for (const table of ['quality_counts', 'quality_defects', 'quality_deadlines']) expect(rows(`SELECT COUNT(*) AS n FROM ${table}`), table).toEqual([{ n: 0 }]);
  });
});
