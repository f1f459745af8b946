/**
 * Centrale facturatie end to end through a real gateway: an aanbieder's JW323 for an Ede client goes
 * to the Food Valley billing office, and the gateway answers it itself with the JW325 (process.md
 * §2.4): approved as a whole, partly rejected, or rejected as a whole on a Declaratie finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWithLibxml2 } from '../../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../../src/validate/preflight.js';
import { DEFAULT_RULE_OPTIONS, type CheckedMessage } from '../../../src/validate/rules/run.js';
import { SchemaSet } from '../../../src/validate/schema-set.js';
import { fixture } from '../../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../../support/gateway.js';
import { hasShared, officialXsdDir } from '../../support/paths.js';

const ours = SchemaSet.ours();
const official = hasShared ? SchemaSet.fromDir(officialXsdDir, 'official') : undefined;
const settings = { schemas: ours, maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };

interface Item {
  id: number;
  bericht: string;
  type: string;
}

describe('a billing office: the gateway answers the JW323 itself', () => {
  let gw: TestGateway;
  let now = Date.parse('2026-01-12T09:00:00.000Z');

  async function post(key: string, name: string, day: string): Promise<Record<string, any>> {
    now = Date.parse(`${day}T10:00:00.000Z`);
    const r = await gw.post(key, fixture(name));
    expect(r.status, `${name}: ${r.text}`).toBe(202);
    return r.json();
  }

  async function mailbox(key: string): Promise<Item[]> {
    const r = await gw.get('/mailbox?limit=100', key);
    expect(r.status).toBe(200);
    return r.json().berichten;
  }

  /** The JW325 with this message id from the aanbieder's mailbox, checked against both schemas and our rules. */
  async function jw325(id: string): Promise<CheckedMessage<'JW325'>> {
    const item = (await mailbox(KEY.jgv)).find((m) => m.bericht === id);
    expect(item, 'the JW325 is in the aanbieder\u2019s mailbox').toMatchObject({ type: 'JW325' });
    const bytes = (await gw.get(`/mailbox/${item!.id}`, KEY.jgv)).bytes;
    const r = checkWithLibxml2(bytes, settings);
    expect(r.result.fouten).toEqual([]);
    if (official !== undefined) expect(checkWithLibxml2(bytes, { ...settings, schemas: official }).result.xsdValid).toBe(true);
    return r.checked as CheckedMessage<'JW325'>;
  }

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => new Date(now) });
    // The toewijzing first: the VOT and Ede's JW301 honouring it (22800101, 4 hours a week from February).
    await post(KEY.jgv, 'jw315/valid-two-products-huisarts-referral.xml', '2026-01-12');
    await post(KEY.ede, 'jw301/valid-specific-hours-per-week-after-vot.xml', '2026-01-16');
  });
  afterAll(async () => {
    await gw.close();
  });

  it('approves a sound claim as a whole (8001), delivers the JW325 to the aanbieder and the claim to the billing office', async () => {
    const body = await post(KEY.jgv, 'jw323/valid-february-single-client.xml', '2026-03-04');
    expect(body).toMatchObject({ outcome: 'accepted', type: 'JW323', ontvanger: 'factuurbureau:food-valley', antwoord: { type: 'JW325', retourcodes: ['8001'] } });
    expect((await mailbox(KEY.factuurbureau)).map((m) => m.bericht)).toContain(body.id);
    const m = (await jw325(body.antwoord.id)).message;
    expect(m.Header).toMatchObject({ Afzender: '0228', Ontvanger: '98041733', DeclaratieIdentificatie: { Identificatie: 'JGV-323-0001', Dagtekening: '2026-03-04' } });
    expect(m.DeclaratieAntwoord).toMatchObject({ DeclaratieNummer: 'JGV2026D0001', RetourCodes: { RetourCode: ['8001'] } });
    expect(m.DeclaratieAntwoord?.TotaalToegekendBedrag.TotaalBedrag).toBe('109900');
    const detail = (await gw.get(`/berichten/${body.id}`, KEY.jgv)).json();
    expect(detail.related).toContainEqual({ id: body.antwoord.id, kind: 'generated-for', direction: 'from', type: 'JW325' });
  });

  it('refuses a second answer on that claim, from the billing office too: a claim is answered once', async () => {
    const body = await post(KEY.factuurbureau, 'jw325/valid-fully-approved-february.xml', '2026-03-11');
    expect(body).toMatchObject({ outcome: 'rejected', type: 'JW325', antwoord: null });
    expect(body.fouten.map((f: { code: string }) => f.code)).toContain('TR337');
    expect((await mailbox(KEY.jgv)).map((m) => m.bericht)).not.toContain(body.id);
  });

  it('rejects a prestatie that breaks a rule and approves the rest; the claim still goes to the billing office', async () => {
    // A new February debet while the approved one stands uncredited (TR389, 9389).
    const body = await post(KEY.jgv, 'sequences/tr389/february-debet-again.xml', '2026-04-10');
    expect(body).toMatchObject({ outcome: 'accepted', ontvanger: 'factuurbureau:food-valley', antwoord: { type: 'JW325' } });
    expect(body.antwoord.retourcodes).toContain('9389');
    expect(body.fouten.map((f: { code: string }) => f.code)).toContain('TR389');
    expect((await mailbox(KEY.factuurbureau)).map((m) => m.bericht)).toContain(body.id);
    const a = (await jw325(body.antwoord.id)).message.DeclaratieAntwoord!;
    expect(a.RetourCodes.RetourCode).toEqual(['0200']);
    expect(a.TotaalToegekendBedrag.TotaalBedrag).toBe('0');
    const p = a.Clienten!.Client[0]!.Prestaties.Prestatie[0]!;
    expect(p.ProductReferentie.ReferentieNummer).toBe('JGV-P-2026-000107');
    expect(p.RetourCodes.RetourCode).toContain('9389');
  });

  it('rejects the claim as a whole on a DeclaratieNummer used before (9333): not forwarded, counts as not sent', async () => {
    const body = await post(KEY.jgv, 'sequences/tr333/march-claim-reused-nummer.xml', '2026-04-11');
    expect(body).toMatchObject({ outcome: 'rejected', antwoord: { type: 'JW325', retourcodes: ['9333'] } });
    expect((await mailbox(KEY.factuurbureau)).map((m) => m.bericht)).not.toContain(body.id);
    const m = (await jw325(body.antwoord.id)).message;
    expect(m.Header.RetourCodes.RetourCode).toEqual(['0200']);
    expect(m.DeclaratieAntwoord).toMatchObject({ DeclaratieNummer: 'JGV2026D0001', RetourCodes: { RetourCode: ['9333'] } });
    expect(m.DeclaratieAntwoord?.TotaalToegekendBedrag.TotaalBedrag).toBe('0');
    expect(m.DeclaratieAntwoord?.Clienten).toBeUndefined();
    // Nothing of it was kept: the March claim under a fresh DeclaratieNummer is admitted and approved.
    const again = await post(KEY.jgv, 'sequences/tr314/march-claim.xml', '2026-04-12');
    expect(again).toMatchObject({ outcome: 'accepted', antwoord: { type: 'JW325', retourcodes: ['8001'] } });
  });
});
