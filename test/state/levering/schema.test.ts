/** Every look-up of the start/stop ledger is an indexed search, never a scan of its history. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LEVERING_SCHEMA, LEVERING_TABLES } from '../../../src/state/levering/schema.js';
import { STARTS_OF_PRODUCT, STOPS_OF_PRODUCT } from '../../../src/state/levering/ledger.js';

describe('levering schema', () => {
  const db = new Database(':memory:');
  db.exec(LEVERING_SCHEMA);

  const plan = (sql: string, n: number): string[] =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<string>(n).fill('x')) as { detail: string }[]).map((r) => r.detail);

  const queries: [what: string, sql: string, params: number][] = [
    ['starts of a product', STARTS_OF_PRODUCT, 6],
    ['stops of a product', STOPS_OF_PRODUCT, 6],
    ...LEVERING_TABLES.map((t): [string, string, number] => [`undo in ${t}`, `DELETE FROM ${t} WHERE bericht_id = ?`, 1]),
  ];

  it.each(queries)('%s uses an index and sorts nothing', (_what, sql, n) => {
    const detail = plan(sql, n);
    expect(detail.some((d) => /USING (COVERING )?INDEX/.test(d)), detail.join('; ')).toBe(true);
    expect(detail.filter((d) => /^SCAN|TEMP B-TREE/.test(d)), detail.join('; ')).toEqual([]);
  });

  it('tags every row with the message that added it', () => {
    for (const t of LEVERING_TABLES) {
      const cols = db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; notnull: number }[];
      expect(cols.find((c) => c.name === 'bericht_id')?.notnull, t).toBe(1);
    }
  });
});
