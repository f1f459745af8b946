/** TR304 (8187) on a declaratie: each prestatie's toewijzing belongs to the client it is declared under. */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../support/fixtures.js';
import { replayer, type Replayer } from '../replay.js';
import { edited } from './support.js';

let r: Replayer;
afterEach(async () => r.close());

const CLAIM = 'jw323/valid-february-single-client.xml'; // 22800101 under client 999936669

async function prepare(): Promise<void> {
  for (const name of ['jw315/valid-two-products-huisarts-referral.xml', 'jw301/valid-specific-hours-per-week-after-vot.xml']) {
    expect((await r.send(name, fixture(name))).admission.stored, name).toBe(true);
  }
}

describe('TR304 on a JW323', () => {
  it('rejects a prestatie whose toewijzing belongs to another client', async () => {
    r = replayer();
    await prepare();
    const step = await r.send('claim under another client', edited(CLAIM, ['999936669', '999948246']));
    const v = step.admission.violations.filter((x) => x.code === 'TR304');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ retourcode: '8187', location: expect.stringMatching(/Prestatie(\[1\])?$/) });
    expect(v[0]?.detail).not.toMatch(/9999/);
    expect(step.admission.stored).toBe(false);
  });

  it('finds nothing when the client is the toewijzing’s', async () => {
    r = replayer();
    await prepare();
    const step = await r.send('claim', fixture(CLAIM));
    expect(step.admission.violations.filter((x) => x.code === 'TR304')).toEqual([]);
  });

  it('leaves an unknown toewijzing to the fit rules', async () => {
    r = replayer();
    const step = await r.send('claim without toewijzing', fixture(CLAIM));
    expect(step.admission.violations.filter((x) => x.code === 'TR304')).toEqual([]);
  });
});
