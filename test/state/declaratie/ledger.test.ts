/**
 * The claim ledger's look-ups are indexed: no query of the ledger scans a table (a 37,000-prestatie
 * claim makes some 40,000 of them), and applying a JW325 records its verdicts in one statement.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordVerdicts } from '../../../src/state/declaratie/apply.js';
import {
  answerOf,
  approvedUncreditedDebet,
  declaratieByNummer,
  declaratieOfBericht,
  lastPeriodeBegin,
  liveCreditOf,
  liveDebets,
  prestatieByReferentie,
  prestatieInBericht,
} from '../../../src/state/declaratie/ledger.js';
import { migrate } from '../../../src/store/migrations.js';

function recording(db: Database.Database): { stmt: (sql: string) => Database.Statement; sqls: string[] } {
  const sqls: string[] = [];
  return {
    sqls,
    stmt: (sql: string) => {
      sqls.push(sql);
      return db.prepare(sql);
    },
  };
}

function plan(db: Database.Database, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => (r as { detail: string }).detail);
}

describe('claim ledger look-ups', () => {
  const db = new Database(':memory:');
  migrate(db);
  const ctx = recording(db);
  const key = { aanbieder: 'a', gemeente: 'g', toewijzingNummer: 't', categorie: 'c', code: 'k', begindatum: 'b', einddatum: 'e' };
  prestatieByReferentie(ctx as never, 'a', 'r');
  liveCreditOf(ctx as never, 'a', 'r');
  liveDebets(ctx as never, key);
  approvedUncreditedDebet(ctx as never, 'g', 't');
  declaratieByNummer(ctx as never, 'a', 'n');
  lastPeriodeBegin(ctx as never, 'a', 'g');
  declaratieOfBericht(ctx as never, 'b');
  prestatieInBericht(ctx as never, 'b', 'r');
  answerOf(ctx as never, 'b');
  recordVerdicts(ctx as never, 'j', 'b', 'a', ['r']);

  it.each(ctx.sqls.map((sql) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 90), full: sql })))('uses an index: $sql', ({ full }) => {
    const steps = plan(db, full);
    const scans = steps.filter((s) => /^SCAN /.test(s) && !/USING (COVERING )?INDEX/.test(s));
    expect(scans, steps.join('\n')).toEqual([]);
    // Every table is reached through an index (SEARCH), never read whole.
    for (const s of steps.filter((x) => /^(SCAN|SEARCH) /.test(x))) expect(s, steps.join('\n')).toMatch(/^SEARCH /);
  });
});

describe('verdicts', () => {
  it('approves every prestatie of the claim but the rejected ones', () => {
    const db = new Database(':memory:');
    migrate(db);
    const insert = db.prepare(`INSERT INTO prestaties (bericht_id, aanbieder, gemeente, bsn, referentie_nummer, toewijzing_nummer, categorie, code,
      begindatum, einddatum, volume, eenheid, bedrag, debet_credit) VALUES (?, 'a', 'g', '1', ?, 't', '45', '45A48', '2026-02-01', '2026-02-28', 1, '04', 100, 'D')`);
    for (const ref of ['r1', 'r2', 'r3']) insert.run('claim', ref);
    insert.run('other', 'r4');
    const ctx = { stmt: (sql: string) => db.prepare(sql) };
    recordVerdicts(ctx as never, 'answer', 'claim', 'a', ['r2']);
    expect(db.prepare('SELECT referentie_nummer AS r, goedgekeurd AS g FROM beoordelingen ORDER BY r').all()).toEqual([
      { r: 'r1', g: 1 },
      { r: 'r2', g: 0 },
      { r: 'r3', g: 1 },
    ]);
    expect(answerOf(ctx as never, 'claim')).toBe('answer');
    expect(prestatieByReferentie(ctx as never, 'a', 'r2')?.goedgekeurd).toBe(0);
    expect(prestatieByReferentie(ctx as never, 'a', 'r4')?.goedgekeurd).toBeNull();
  });
});
