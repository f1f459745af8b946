/** The ledger sums of TR322/TR369: one indexed query per toewijzing, debet minus credit, rejected ones left out. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DECLARED_ON_TOEWIJZING, declaredBefore } from '../../../src/state/declaratie/fit/sums.js';
import { stateSchema } from '../../../src/state/groups.js';

describe('declared on a toewijzing', () => {
  const db = new Database(':memory:');
  db.exec(stateSchema());
  const ctx = { stmt: (sql: string) => db.prepare(sql) } as never;
  const insert = db.prepare(`INSERT INTO prestaties (bericht_id, aanbieder, gemeente, bsn, referentie_nummer, vorig_referentie_nummer, toewijzing_nummer,
    categorie, code, begindatum, einddatum, volume, eenheid, tarief, bedrag, debet_credit) VALUES (?, 'A', '0228', '999936669', ?, ?, ?, '45', '45A48',
    '2026-02-01', '2026-02-28', ?, ?, 7850, ?, ?)`);
  insert.run('m1', 'R1', null, '22800101', 14, '04', 109900, 'D');
  insert.run('m2', 'R2', 'R1', '22800101', 14, '04', 109900, 'C');
  insert.run('m2', 'R3', null, '22800101', 13, '04', 102050, 'D');
  insert.run('m3', 'R4', null, '22800101', 90, '01', 11775, 'D');
  insert.run('m3', 'R5', null, '22800101', 2, '16', 15700, 'D');
  insert.run('m4', 'R6', null, '22800101', 5, '04', 39250, 'D');
  insert.run('m4', 'R7', null, '22899999', 5, '04', 39250, 'D');
  db.prepare("INSERT INTO beoordelingen (bericht_id, aanbieder, referentie_nummer, goedgekeurd) VALUES ('a4', 'A', 'R6', 0)").run();

  it('nets credits against debets, in minutes for an hour toewijzing, without units that do not fit or rejected prestaties', () => {
    // 14 h − 14 h + 13 h = 780 min, + 90 min; dagdelen count 0; R6 was rejected.
    expect(declaredBefore(ctx, '0228', '22800101', '04')).toEqual({ volume: 870, bedrag: 109900 - 109900 + 102050 + 11775 + 15700 });
    expect(declaredBefore(ctx, '0228', '22800101', null).bedrag).toBe(129525);
    expect(declaredBefore(ctx, '0228', '22800102', '04')).toEqual({ volume: 0, bedrag: 0 });
  });

  it('is an indexed search that sorts nothing', () => {
    const detail = (db.prepare(`EXPLAIN QUERY PLAN ${DECLARED_ON_TOEWIJZING}`).all({ eenheid: '04', scale: 60, gemeente: '0228', nummer: '22800101' }) as { detail: string }[]).map((r) => r.detail);
    expect(detail.some((d) => /SEARCH p USING (COVERING )?INDEX prestaties_toewijzing/.test(d)), detail.join('; ')).toBe(true);
    expect(detail.filter((d) => /^SCAN|TEMP B-TREE/.test(d)), detail.join('; ')).toEqual([]);
  });
});
