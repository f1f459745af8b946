/**
 * The mailbox over real HTTP: what waits for a party, fetching it byte-exact, acknowledging it;
 * nobody else's mailbox; an intermediary reading for the party it acts for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';
import { sendVotFor } from '../support/requests.js';

interface Item {
  id: number;
  bericht: string;
  type: string;
  afzender: string;
  ontvanger: string;
  retourcodes: string[];
  sinds: string;
  xml: string;
}

describe('mailbox', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  async function mailbox(key: string, query = ''): Promise<{ berichten: Item[]; volgende: number | null }> {
    const r = await gw.get(`/mailbox${query}`, key);
    expect(r.status, r.text).toBe(200);
    return r.json();
  }

  it('delivers an accepted message to the recipient\'s mailbox until it is acknowledged', async () => {
    // The VOT it honours first (TR379); it waits in Ede's mailbox, listed by a test below.
    await sendVotFor(gw, 'jw301/valid-specific-hours-per-week-after-vot.xml');
    const bytes = fixture('jw301/valid-specific-hours-per-week-after-vot.xml');
    const sent = (await gw.post(KEY.ede, bytes)).json();

    const waiting = await mailbox(KEY.jgv);
    expect(waiting).toEqual({
      berichten: [
        {
          id: expect.any(Number),
          bericht: sent.id,
          type: 'JW301',
          afzender: '0228',
          ontvanger: '98041733',
          retourcodes: [],
          sinds: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          xml: expect.stringMatching(/^\/mailbox\/\d+$/),
        },
      ],
      volgende: null,
    });
    const item = waiting.berichten[0]!;

    // Fetching does not remove it: a recipient that crashes before processing fetches it again.
    for (let i = 0; i < 2; i++) {
      const r = await gw.get(item.xml, KEY.jgv);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
      expect(r.headers.get('x-ijw-bericht-id')).toBe(sent.id);
      expect(r.headers.get('x-ijw-status')).toBe('pending');
      expect(Buffer.compare(r.bytes, bytes)).toBe(0);
    }
    expect((await mailbox(KEY.jgv)).berichten).toHaveLength(1);

    const ack = await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.jgv);
    expect(ack.status).toBe(204);
    expect((await mailbox(KEY.jgv)).berichten).toEqual([]);
    // Acknowledging twice is harmless.
    expect((await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.jgv)).status).toBe(204);

    const detail = (await gw.get(`/berichten/${sent.id}`, KEY.ede)).json();
    expect(detail.status).toBe('acknowledged');
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['accepted', 'acknowledged']);
    expect(detail.deliveries[0]).toMatchObject({ mode: 'mailbox', state: 'acknowledged', doneAt: expect.any(String) });
  });

  it('never shows, serves or acknowledges another party\'s items', async () => {
    await sendVotFor(gw, 'jw301/valid-aspecific-etmaal-euro-total.xml');
    const sent = (await gw.post(KEY.ede, fixture('jw301/valid-aspecific-etmaal-euro-total.xml'))).json();
    const item = (await mailbox(KEY.jgv)).berichten.find((b) => b.bericht === sent.id)!;
    expect((await mailbox(KEY.kompas)).berichten.map((b) => b.bericht)).not.toContain(sent.id);
    expect((await mailbox(KEY.ede)).berichten.map((b) => b.bericht)).not.toContain(sent.id);
    expect((await gw.get(item.xml, KEY.kompas)).status).toBe(404);
    expect((await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.kompas)).status).toBe(404);
    expect((await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.ede)).status).toBe(404);
    expect((await gw.get(`${item.xml}?voor=aanbieder:98041733`, KEY.kompas)).status).toBe(403);
    expect((await gw.get('/mailbox?voor=aanbieder:98041733', KEY.brug)).status).toBe(403);
    expect((await gw.get('/mailbox', null)).status).toBe(401);
    // Still there for its owner.
    expect((await mailbox(KEY.jgv)).berichten.map((b) => b.bericht)).toContain(sent.id);
  });

  it('lets an intermediary read and acknowledge the mailbox of a party it acts for (?voor=)', async () => {
    const sent = (await gw.post(KEY.veenendaal, fixture('jw301/valid-veenendaal-initial-two-products.xml'))).json();
    const own = await mailbox(KEY.brug);
    expect(own.berichten).toEqual([]);
    const forKompas = await mailbox(KEY.brug, '?voor=aanbieder:98062519');
    const item = forKompas.berichten.find((b) => b.bericht === sent.id)!;
    expect(item).toBeDefined();
    const xml = await gw.get(`${item.xml}?voor=aanbieder:98062519`, KEY.brug);
    expect(xml.status).toBe(200);
    expect(Buffer.compare(xml.bytes, fixture('jw301/valid-veenendaal-initial-two-products.xml'))).toBe(0);
    expect((await gw.send('POST', `/mailbox/${item.id}/ack?voor=aanbieder:98062519`, KEY.brug)).status).toBe(204);
    expect((await mailbox(KEY.kompas)).berichten.map((b) => b.bericht)).not.toContain(sent.id);
  });

  it('lets an operator look into any mailbox', async () => {
    const r = await mailbox(KEY.beheer, '?voor=aanbieder:98041733');
    expect(r.berichten.length).toBeGreaterThan(0);
  });

  it('lists oldest first and pages with limit and `volgende`', async () => {
    for (const f of ['jw315/valid-two-products-huisarts-referral.xml', 'jw315/valid-aspecific-budget-with-beschikking.xml', 'jw315/valid-generic-budget-gi-referral.xml']) {
      expect((await gw.post(KEY.jgv, fixture(f))).status).toBe(202);
    }
    const all = (await mailbox(KEY.ede)).berichten;
    expect(all.map((b) => b.type)).toEqual(['JW315', 'JW315', 'JW315']);
    expect(all.map((b) => b.id)).toEqual([...all.map((b) => b.id)].sort((a, b) => a - b));
    const first = await mailbox(KEY.ede, '?limit=2');
    expect(first.berichten.map((b) => b.id)).toEqual(all.slice(0, 2).map((b) => b.id));
    expect(first.volgende).toBe(all[1]!.id);
    const second = await mailbox(KEY.ede, `?limit=2&na=${first.volgende}`);
    expect(second.berichten.map((b) => b.id)).toEqual([all[2]!.id]);
    expect(second.volgende).toBeNull();
  });

  it('answers 404 for an unknown item and 400 for a malformed id', async () => {
    expect((await gw.get('/mailbox/999999', KEY.ede)).status).toBe(404);
    expect((await gw.send('POST', '/mailbox/999999/ack', KEY.ede)).status).toBe(404);
    expect((await gw.get('/mailbox/abc', KEY.ede)).status).toBe(400);
  });

  it('puts a message back in the mailbox when an operator replays it', async () => {
    const sent = (await gw.post(KEY.ede, fixture('jw301/valid-generic-budget-guardian-organisation.xml'))).json();
    const item = (await mailbox(KEY.jgv)).berichten.find((b) => b.bericht === sent.id)!;
    await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.jgv);
    const replay = await gw.send('POST', `/berichten/${sent.id}/replay`, KEY.beheer);
    expect(replay.status).toBe(202);
    expect(replay.json()).toMatchObject({ id: sent.id, ontvanger: 'aanbieder:98041733', mode: 'mailbox', delivery: expect.any(Number) });
    const again = (await mailbox(KEY.jgv)).berichten.find((b) => b.bericht === sent.id)!;
    expect(again.id).toBe(replay.json().delivery);
    await gw.send('POST', `/mailbox/${again.id}/ack`, KEY.jgv);
    const detail = (await gw.get(`/berichten/${sent.id}`, KEY.beheer)).json();
    expect(detail.history.map((h: { status: string; note: string | null }) => [h.status, h.note])).toEqual([
      ['accepted', null],
      ['acknowledged', null],
      ['acknowledged', 'replay by ketenbureau:beheer'],
      ['acknowledged', null],
    ]);
    expect(detail.deliveries).toHaveLength(2);
  });
});
