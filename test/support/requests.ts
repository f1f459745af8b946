/**
 * The requests the fixture toewijzingen honour. A JW301 whose ToegewezenProduct carries a
 * ReferentieAanbieder answers a VOT; the gateway admits it only after that VOT (TR379, 9379), so a
 * test that posts such a toewijzing sends its request first, as the chain would.
 */
import { expect } from 'vitest';
import { fixture } from './fixtures.js';
import { KEY, type TestGateway } from './gateway.js';

/** Toewijzing fixture → the JW315 (Jeugdhulp Gelderse Vallei → Ede) it honours. */
export const VOT_OF: Readonly<Record<string, string>> = {
  'jw301/valid-specific-hours-per-week-after-vot.xml': 'jw315/valid-two-products-huisarts-referral.xml', // JGV-R-2026-0001
  'jw301/valid-aspecific-etmaal-euro-total.xml': 'jw315/valid-aspecific-budget-with-beschikking.xml', // JGV-R-2026-0003
  'jw301/valid-generic-budget-guardian-organisation.xml': 'jw315/valid-generic-budget-gi-referral.xml', // JGV-R-2026-0004
};

/**
 * Posts the VOT a toewijzing fixture honours, as the aanbieder, and - with `handled` - lets Ede
 * acknowledge it from its mailbox, so the gemeente's mailbox is as it was. Returns the VOT's id.
 */
export async function sendVotFor(gw: TestGateway, toewijzing: string, options: { readonly handled?: boolean } = {}): Promise<string> {
  const vot = VOT_OF[toewijzing];
  if (vot === undefined) throw new Error(`${toewijzing} honours no VOT among the fixtures`);
  const sent = await gw.post(KEY.jgv, fixture(vot));
  expect(sent.status, vot).toBe(202);
  expect(sent.json().outcome, vot).toBe('accepted');
  const id = sent.json().id as string;
  if (options.handled === true) {
    // Absent when an earlier step of the test sent (and Ede handled) the same VOT already.
    const item = (await gw.get('/mailbox', KEY.ede)).json().berichten.find((b: { bericht: string }) => b.bericht === id);
    if (item !== undefined) expect((await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.ede)).status).toBe(204);
  }
  return id;
}
