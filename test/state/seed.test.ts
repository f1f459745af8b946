/**
 * Seeding against the real store and analysis: seeded messages enter the cross-message state with
 * their correlation keys, whatever the rules say, so later live messages are judged against them
 * (a JW325 finds the seeded JW323 it answers; a claim answered in the history cannot be answered
 * again); what the rules would have found is returned, not enforced.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { systemIds } from '../../src/ingest/ids.js';
import { localAnalyser } from '../../src/ingest/pool.js';
import { seedMessage, type SeedResult } from '../../src/ingest/seed.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';
import { fixture } from '../support/fixtures.js';
import { replayer, type Replayer } from './replay.js';

const analyser = localAnalyser({ maxBytes: 25 * 1024 * 1024, rules: DEFAULT_RULE_OPTIONS });
const directory = loadMappings(defaultMappingsDir());
const open: Replayer[] = [];
afterAll(async () => {
  for (const r of open.splice(0)) await r.close();
  await analyser.close();
});

function fresh(): { r: Replayer; seed: (name: string) => Promise<SeedResult> } {
  const r = replayer();
  open.push(r);
  const deps = { store: r.store, directory, analyser, ids: systemIds(), clock: () => new Date('2026-03-09T09:00:00.000Z') };
  return { r, seed: (name) => seedMessage(fixture(name), deps) };
}

describe('seeding the history into the cross-message state', () => {
  it('records a claim and its answer from the history: a second answer on that claim breaks TR337', async () => {
    const { r, seed } = fresh();
    const history = [
      'jw315/valid-two-products-huisarts-referral.xml',
      'jw301/valid-specific-hours-per-week-after-vot.xml',
      'jw323/valid-february-single-client.xml',
      'jw325/valid-fully-approved-february.xml',
    ];
    for (const name of history) expect(await seed(name), name).toMatchObject({ outcome: 'seeded', findings: [] });
    // The JW325 found its JW323 through the seeded message's correlation key.
    expect(r.peek('SELECT COUNT(*) AS n FROM antwoorden')).toEqual([{ n: 1 }]);
    expect(r.peek("SELECT COUNT(*) AS n FROM links WHERE kind = 'declaratie-antwoord'")).toEqual([{ n: 1 }]);

    const live = await r.send('second answer', fixture('sequences/tr337/second-answer.xml'));
    expect(live.admission.stored).toBe(false);
    expect(live.admission.violations.map((v) => v.code)).toContain('TR337');
  });

  it('applies a message whatever the rules find, and returns the findings: a toewijzing before its VOT (TR379)', async () => {
    const { r, seed } = fresh();
    const toewijzing = await seed('jw301/valid-specific-hours-per-week-after-vot.xml');
    expect(toewijzing.outcome).toBe('seeded');
    expect(toewijzing.findings.map((f) => `${f.code} ${f.retourcode}`)).toEqual(['TR379 9379']);
    expect(r.peek<{ n: number }>('SELECT COUNT(*) AS n FROM toewijzingen')[0]!.n).toBeGreaterThan(0);
    // Stored with its findings in its report, under its own status, queued for nobody.
    expect(r.store.detail(toewijzing.id!)).toMatchObject({ status: 'seeded', deliveries: [], report: { valid: false } });

    const start = await r.send('start', fixture('jw305/valid-start-specific-hours.xml'));
    expect(start.admission).toMatchObject({ stored: true, violations: [] });
  });

  it('a message seeded before is a duplicate and changes nothing', async () => {
    const { r, seed } = fresh();
    const first = await seed('jw315/valid-two-products-huisarts-referral.xml');
    const rows = r.peek('SELECT COUNT(*) AS n FROM verzoeken');
    expect(await seed('jw315/valid-two-products-huisarts-referral.xml')).toMatchObject({ outcome: 'duplicate', id: first.id });
    expect(r.peek('SELECT COUNT(*) AS n FROM verzoeken')).toEqual(rows);
    expect(r.peek('SELECT COUNT(*) AS n FROM berichten')).toEqual([{ n: 1 }]);
  });

  it('skips an invalid message with its errors and stores nothing', async () => {
    const { r, seed } = fresh();
    const result = await seed('jw301/cd005-landcode-without-postcode.xml');
    expect(result).toMatchObject({ outcome: 'invalid', id: null, findings: [] });
    expect(result.errors.map((e) => e.code)).toEqual(['CD005']);
    expect(r.peek('SELECT COUNT(*) AS n FROM berichten')).toEqual([{ n: 0 }]);
  });
});
