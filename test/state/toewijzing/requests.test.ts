/**
 * The life of a request across messages: a VOT decided per product, a VOW honoured as a whole,
 * ReferentieAanbieder only in the first toewijzing after honouring, and a request its recipient
 * refused with a retour counting as never sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../support/fixtures.js';
import { replayer, type Replayer } from '../replay.js';
import { codes, edited } from './support.js';

let r: Replayer;
afterEach(async () => r.close());

const VOT = 'jw315/valid-two-products-huisarts-referral.xml'; // JGV-R-2026-0001 (45A48), -0002 (41A05)
const VOT_301 = 'jw301/valid-specific-hours-per-week-after-vot.xml'; // honours -0001 only
const VOT_319 = 'jw319/valid-vot-product-rejected-contract.xml'; // rejects -0002
const INITIAL = 'jw301/valid-veenendaal-initial-two-products.xml'; // 34500101, 34500102
const VOW = 'jw317/valid-change-volume-and-new-product.xml'; // KMP-V-2026-0001
const HONOURED = 'jw301/valid-vow-honoured-end-and-new.xml'; // every product carries KMP-V-2026-0001

async function send(...names: string[]): Promise<void> {
  for (const name of names) {
    const step = await r.send(name, fixture(name));
    expect(codes(step), name).toEqual([]);
  }
}

describe('a VOT is decided per product', () => {
  it('stays open while one of its products has no answer', async () => {
    r = replayer();
    await send(VOT, VOT_301);
    // A second VOT for the client: -0002 is neither honoured nor rejected yet.
    const again = edited(VOT, ['JGV-315-0001', 'JGV-315-0009'], ['JGV-R-2026-0001', 'JGV-R-2026-0091'], ['JGV-R-2026-0002', 'JGV-R-2026-0092']);
    expect(codes(await r.send('second VOT', again))).toEqual(['TR374 /Bericht/Client']);
    await send(VOT_319);
    expect(codes(await r.send('second VOT after the rejection', again))).toEqual([]);
  });

  it('refuses a reference of a rejected product on a toewijzing', async () => {
    r = replayer();
    await send(VOT, VOT_319);
    const onRejected = edited(VOT_301, ['JGV-R-2026-0001', 'JGV-R-2026-0002']);
    const step = await r.send('301 honouring the rejected product', onRejected);
    expect(codes(step)).toEqual(['TR379 /Bericht/Client/ToegewezenProducten/ToegewezenProduct']);
    expect(step.admission.violations[0]?.detail).toContain('rejected');
  });

  it('refuses the reference of another client’s request', async () => {
    r = replayer();
    await send(VOT);
    const otherClient = edited(VOT_301, ['999936669', '999948246']);
    const step = await r.send('301 for another client', otherClient);
    expect(codes(step)).toEqual(['TR379 /Bericht/Client/ToegewezenProducten/ToegewezenProduct']);
    expect(step.admission.violations[0]?.detail).toContain('another client');
  });
});

describe('a VOW is honoured as a whole', () => {
  it('admits the toewijzing carrying the reference on every product', async () => {
    r = replayer();
    await send(INITIAL, VOW, 'jw319/valid-vow-in-onderzoek.xml', HONOURED);
  });

  it('refuses a toewijzing the VOW listed that lacks its reference', async () => {
    r = replayer();
    await send(INITIAL, VOW);
    const partial = edited(
      HONOURED,
      ['<jw301:ToewijzingNummer>34500102</jw301:ToewijzingNummer>\n        <jw301:ReferentieAanbieder>KMP-V-2026-0001</jw301:ReferentieAanbieder>', '<jw301:ToewijzingNummer>34500102</jw301:ToewijzingNummer>'],
    );
    expect(codes(await r.send('301 without the reference on 34500102', partial))).toEqual(['TR379 /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]']);
  });

  it('allows the reference only in the first toewijzing after honouring', async () => {
    r = replayer();
    await send(INITIAL, VOW, HONOURED);
    const resent = edited(HONOURED, ['VND-301-0002', 'VND-301-0003'], ['2026-05-27</ijw:Dagtekening>', '2026-06-03</ijw:Dagtekening>']);
    const step = await r.send('the same toewijzing again', resent);
    expect(codes(step)).toHaveLength(4);
    expect(new Set(step.admission.violations.map((v) => v.code))).toEqual(new Set(['TR379']));
    // And the request is closed: an answer on it is too late.
    const late = edited('jw319/valid-vow-in-onderzoek.xml', ['VND-319-0003', 'VND-319-0009'], ['2026-05-15', '2026-06-03']);
    expect(codes(await r.send('in onderzoek after the toewijzing', late))).toEqual(['TR359 /Bericht/Antwoord']);
  });
});

describe('a request its recipient refused', () => {
  it('counts as never sent: its reference answers nothing and is free again', async () => {
    r = replayer();
    await send(VOT);
    const refusal = edited('jw316/valid-rejected-0001-header-only.xml', ['JGV-315-0090', 'JGV-315-0001'], ['2026-10-05', '2026-01-12'], ['2026-10-06', '2026-01-13']);
    expect(codes(await r.send('JW316 rejecting the VOT', refusal))).toEqual([]);
    expect(r.peek<{ n: number }>('SELECT COUNT(*) AS n FROM verzoeken')[0]!.n).toBe(0);
    expect(codes(await r.send('answer on the refused VOT', fixture(VOT_319)))).toEqual(['TR355 /Bericht/Antwoord']);
    const resent = edited(VOT, ['JGV-315-0001', 'JGV-315-0002']);
    expect(codes(await r.send('the VOT sent again, corrected', resent))).toEqual([]);
  });
});
