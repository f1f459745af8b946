/**
 * Every look-up the toewijzing rules make is an index search, never a scan of history: the plans
 * of all statements the rules prepare while checking a realistic run of messages.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localAnalyser } from '../../../src/ingest/pool.js';
import { CrossChecker } from '../../../src/state/check.js';
import { toewijzingGroup } from '../../../src/state/toewijzing/index.js';
import { DEFAULT_RULE_OPTIONS } from '../../../src/validate/rules/run.js';
import { fixture } from '../../support/fixtures.js';

const RUN = [
  'jw315/valid-two-products-huisarts-referral.xml',
  'jw301/valid-specific-hours-per-week-after-vot.xml',
  'jw319/valid-vot-product-rejected-contract.xml',
  'jw301/valid-veenendaal-initial-two-products.xml',
  'jw317/valid-change-volume-and-new-product.xml',
  'jw319/valid-vow-in-onderzoek.xml',
  'jw301/valid-vow-honoured-end-and-new.xml',
  'jw315/valid-aspecific-budget-with-beschikking.xml',
  'jw301/valid-aspecific-etmaal-euro-total.xml',
  'jw317/valid-extend-etmaal-and-euro-total.xml',
  'jw323/valid-february-single-client.xml',
  'jw323/valid-march-three-clients-with-credit.xml',
];

describe('toewijzing state look-ups', () => {
  it('search an index, never scan a table', async () => {
    const db = new Database(':memory:');
    db.exec(toewijzingGroup.schema);
    const seen = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      seen.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    const checker = new CrossChecker(db, { groups: [toewijzingGroup] });
    const analyser = localAnalyser({ maxBytes: 25 * 1024 * 1024, rules: DEFAULT_RULE_OPTIONS });
    let n = 0;
    for (const name of RUN) {
      const analysis = await analyser.analyse({ bytes: fixture(name), answerId: 'A', today: '2026-12-31' });
      const facts = analysis.facts;
      if (facts === null || analysis.header === null) throw new Error(`${name} did not analyse`);
      const meta = { berichtId: `b${++n}`, receivedAt: `${analysis.header.dagtekening}T09:00:00Z`, today: analysis.header.dagtekening };
      expect(checker.check(facts, meta).map((v) => v.code), name).toEqual([]);
      checker.apply(facts, meta);
    }
    const selects = [...seen].filter((sql) => /^\s*SELECT/i.test(sql));
    expect(selects.length).toBeGreaterThanOrEqual(8);
    for (const sql of selects) {
      const params = (sql.match(/\?/g) ?? []).map(() => 'x');
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      const details = plan.map((p) => p.detail);
      expect(details.filter((d) => /^SCAN /.test(d)), `${sql}\n${details.join('\n')}`).toEqual([]);
      expect(details.some((d) => /^SEARCH .* USING (COVERING )?INDEX/.test(d)), sql).toBe(true);
      // Every key here has two or more parts: a search on one alone (say gemeente) is a range
      // over a whole gemeente's history.
      for (const d of details.filter((x) => x.startsWith('SEARCH '))) expect((d.match(/=\?/g) ?? []).length, `${sql}\n${d}`).toBeGreaterThanOrEqual(2);
    }
    db.close();
  });
});
