/**
 * The analyser in worker threads (the compiled dist/ingest/worker.js, built by `npm run build`)
 * gives the same verdicts and answers as the in-process one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyser, lazyAnalyser, type Analyser, type AnalyserSettings } from '../../src/ingest/pool.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { fixture } from '../support/fixtures.js';

const settings: AnalyserSettings = { maxBytes: DEFAULT_MAX_BYTES, rules: { xsdVersies: { basisschema: ['0.1.0', '1.0.0'], bericht: ['0.1.0', '1.0.0'] } } };
const NAMES = [
  'jw301/valid-specific-hours-per-week-after-vot.xml',
  'jw301/cd005-landcode-without-postcode.xml',
  'jw301/xsd-bsn-8-digits.xml',
  'jw323/cs337-productperiode-across-two-months.xml',
  'jw325/valid-fully-approved-february.xml',
  'hostile/doctype-billion-laughs.xml',
  'hostile/empty.xml',
];

describe('createAnalyser', () => {
  let inline: Analyser;
  let threads: Analyser;
  beforeAll(() => {
    inline = createAnalyser(settings, 0);
    threads = createAnalyser(settings, 1);
  });
  afterAll(async () => {
    await inline.close();
    await threads.close();
  });

  it('gives the same analysis in a worker thread as in-process', async () => {
    for (const name of NAMES) {
      const task = { bytes: fixture(name), answerId: 'G0000POOL001', today: '2026-12-31' };
      const [a, b] = await Promise.all([inline.analyse(task), threads.analyse(task)]);
      expect(b, name).toEqual(a);
    }
  });

  it('analyses many messages at once without mixing them up', async () => {
    const tasks = NAMES.flatMap((name, i) => [0, 1, 2].map((j) => ({ name, task: { bytes: fixture(name), answerId: `G00000POOL${i}${j}`, today: '2026-12-31' } })));
    const results = await Promise.all(tasks.map((t) => threads.analyse(t.task)));
    for (const [i, r] of results.entries()) {
      const { name, task } = tasks[i]!;
      expect(r.result.berichtIdentificatie?.identificatie ?? null, name).toBe((await inline.analyse(task)).result.berichtIdentificatie?.identificatie ?? null);
      if (r.answer !== null) expect(r.answer.xml).toContain(task.answerId);
    }
  });

  it('answers each message on its own: one that fails in the worker fails alone', async () => {
    const good = (i: number) => threads.analyse({ bytes: fixture(NAMES[0]!), answerId: `G000BATCH00${i}`, today: '2026-12-31' });
    const broken = threads.analyse({ bytes: 'not bytes' as unknown as Uint8Array, answerId: 'G000BATCH009', today: '2026-12-31' });
    const [a, b, c] = await Promise.allSettled([good(1), broken, good(2)]);
    expect(a.status).toBe('fulfilled');
    expect(c.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
  });

  it('passes header codes (9056) through to the worker', async () => {
    const r = await threads.analyse({ bytes: fixture('jw301/valid-specific-hours-per-week-after-vot.xml'), answerId: 'G0000POOL009', today: '2026-12-31', headerCodes: ['9056'] });
    expect(r.answer).toMatchObject({ type: 'JW302', retourcodes: ['9056'] });
  });
});

describe('lazyAnalyser', () => {
  it('makes its analyser on the first analysis, once, and closes only one that was made', async () => {
    let made = 0;
    const unused = lazyAnalyser(() => {
      made++;
      return createAnalyser(settings, 0);
    });
    await unused.close();
    expect(made).toBe(0);

    const used = lazyAnalyser(() => {
      made++;
      return createAnalyser(settings, 1);
    });
    const [a, b] = await Promise.all([used.analyse({ bytes: fixture(NAMES[0]!), answerId: 'G0000TEST001', today: '2026-12-31' }), used.analyse({ bytes: fixture(NAMES[1]!), answerId: 'G0000TEST002', today: '2026-12-31' })]);
    expect(made).toBe(1);
    expect([a.result.valid, b.result.valid]).toEqual([true, false]);
    await used.close();
  });
});
