/**
 * Which toewijzingen a VOW may name: deleted ones count as never sent, another aanbieder's are as
 * good as unknown to the sender (OP095), and only the findings that fit are reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../support/fixtures.js';
import { replayer, type Replayer } from '../replay.js';
import { codes, edited } from './support.js';

let r: Replayer;
afterEach(async () => r.close());

async function send(...names: string[]): Promise<void> {
  for (const name of names) expect(codes(await r.send(name, fixture(name))), name).toEqual([]);
}

describe('the toewijzingen a VOW names', () => {
  it('treats a deleted toewijzing as never sent: only TR351, no findings on its contents', async () => {
    r = replayer();
    await send(
      'jw315/valid-two-products-huisarts-referral.xml',
      'jw301/valid-specific-hours-per-week-after-vot.xml',
      'jw319/valid-vot-product-rejected-contract.xml',
      'jw301/cs335-ok-deleted-same-day.xml', // 22800101 deleted (13)
    );
    const step = await r.send('VOW extending 22800101', fixture('sequences/tr351/jw317-extend-22800101.xml'));
    expect(codes(step)).toEqual(['TR351 /Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct']);
    expect(step.admission.violations[0]?.detail).toContain('was deleted');
  });

  it("answers another aanbieder's toewijzingen as not current, without comparing their client", async () => {
    r = replayer();
    await send('jw301/valid-veenendaal-initial-two-products.xml'); // to Kompas (98062519)
    const fromJgv = edited('jw317/valid-change-volume-and-new-product.xml', ['<jw317:Afzender>98062519<', '<jw317:Afzender>98041733<'], ['KMP-317-0001', 'JGV-317-0801']);
    const step = await r.send('VOW of Jeugdhulp Gelderse Vallei naming them', fromJgv);
    expect(codes(step)).toEqual([
      'TR350 /Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct',
      'TR351 /Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct',
    ]);
  });
});
