/**
 * The admission contract: a message that breaks a cross-message rule changes nothing and is not
 * stored; a message its recipient rejects later with a retour is forgotten (OP286).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { replayer, type Replayer } from './replay.js';

let r: Replayer;
afterEach(async () => r.close());

function count(sql: string): number {
  return r.peek<{ n: number }>(sql)[0]!.n;
}

describe('admission', () => {
  it('stores nothing and changes no state when a rule is broken', async () => {
    r = replayer();
    await r.send('vot', fixture('jw315/valid-two-products-huisarts-referral.xml'));
    const first = await r.send('301', fixture('jw301/valid-specific-hours-per-week-after-vot.xml'));
    expect(first.admission).toEqual({ violations: [], stored: true });
    const before = count('SELECT COUNT(*) AS n FROM toewijzingen');
    const reused = await r.send('301 reused', fixture('jw301/valid-reused-toewijzingnummer-9332.xml'));
    expect(reused.admission.stored).toBe(false);
    const v = reused.admission.violations.find((x) => x.code === 'TR332');
    expect(v).toMatchObject({ retourcode: '9332', location: '/jw301:Bericht/jw301:Client/jw301:ToegewezenProducten/jw301:ToegewezenProduct[1]' });
    expect(v?.message).not.toContain('999');
    expect(count('SELECT COUNT(*) AS n FROM toewijzingen')).toBe(before);
    expect(count("SELECT COUNT(*) AS n FROM berichten WHERE identificatie = 'EDE-301-0005'")).toBe(0);
  });

  it('forgets a message its recipient rejected with a retour, so its numbers are free again', async () => {
    r = replayer();
    const reused = await r.send('301', fixture('jw301/valid-reused-toewijzingnummer-9332.xml'));
    expect(reused.admission.stored).toBe(true);
    expect(count("SELECT COUNT(*) AS n FROM toewijzingen WHERE nummer = '22800101'")).toBe(1);
    const retour = await r.send('302 rejecting it', fixture('jw302/valid-rejected-9332-client-copied.xml'));
    expect(retour.admission.stored).toBe(true);
    expect(count("SELECT COUNT(*) AS n FROM toewijzingen WHERE nummer = '22800101'")).toBe(0);
  });

  it('keeps a message its recipient accepted', async () => {
    r = replayer();
    await r.send('vot', fixture('jw315/valid-two-products-huisarts-referral.xml'));
    await r.send('301', fixture('jw301/valid-specific-hours-per-week-after-vot.xml'));
    await r.send('302 accepting it', fixture('jw302/valid-accepted-specific-after-vot.xml'));
    expect(count("SELECT COUNT(*) AS n FROM toewijzingen WHERE nummer = '22800101'")).toBe(1);
  });
});
