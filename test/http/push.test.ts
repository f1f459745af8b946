/**
 * End to end with push delivery: a recipient's endpoint is a real HTTP server on loopback, and the
 * gateway validates in a worker thread (workers: 1, the compiled dist/ingest/worker.js).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { eventually, KEY, mappingsCopy, party, recipientServer, startTestGateway, type TestGateway } from '../support/gateway.js';
import { sendVotFor } from '../support/requests.js';

describe('push delivery, end to end', () => {
  let gw: TestGateway;
  let jgv: Awaited<ReturnType<typeof recipientServer>>;
  let status = 200;

  beforeAll(async () => {
    jgv = await recipientServer(() => ({ status, body: status === 200 ? 'ok' : 'storing failed, try later' }));
    const mappingsDir = mappingsCopy((parties) => {
      party(parties, 'aanbieder:98041733').delivery = {
        mode: 'push',
        url: jgv.url,
        timeoutMs: 2_000,
        // One attempt, so that a failure dead-letters at once instead of waiting for the backoff.
        maxAttempts: 1,
        // From the environment, as a real key would be: read by the HTTP thread and the worker.
        headers: { Authorization: { env: 'IJW_TEST_PUSH_AUTHORIZATION' } },
      };
    });
    vi.stubEnv('IJW_TEST_PUSH_AUTHORIZATION', 'Bearer push-token-for-the-test');
    gw = await startTestGateway({ mappingsDir, env: { IJW_WORKERS: '1' } });
  });
  afterAll(async () => {
    await gw.close();
    await jgv.close();
    vi.unstubAllEnvs();
  });

  async function detail(id: string, key = KEY.beheer) {
    const r = await gw.get(`/berichten/${id}`, key);
    expect(r.status).toBe(200);
    return r.json();
  }

  it('pushes an accepted message byte-exact and records status delivered and the attempt', async () => {
    await sendVotFor(gw, 'jw301/valid-specific-hours-per-week-after-vot.xml', { handled: true }); // the request it honours (TR379)
    const bytes = fixture('jw301/valid-specific-hours-per-week-after-vot.xml');
    const sent = (await gw.post(KEY.ede, bytes)).json();
    expect(sent.outcome).toBe('accepted');

    const d = await eventually(async () => {
      const x = await detail(sent.id, KEY.ede);
      expect(x.status).toBe('delivered');
      return x;
    });
    expect(d.history.map((h: { status: string }) => h.status)).toEqual(['accepted', 'delivered']);
    expect(d.deliveries).toEqual([
      expect.objectContaining({
        partyId: 'aanbieder:98041733',
        mode: 'push',
        state: 'delivered',
        attempts: 1,
        attemptLog: [expect.objectContaining({ ok: true, statusCode: 200, error: null })],
      }),
    ]);

    const got = jgv.received.find((r) => r.headers['x-ijw-bericht-id'] === sent.id)!;
    expect(Buffer.compare(got.body, bytes)).toBe(0);
    expect(got.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(got.headers.authorization).toBe('Bearer push-token-for-the-test');
    expect(got.headers['idempotency-key']).toMatch(new RegExp(`^"${sent.id}\\.\\d+"$`));
    // A push recipient has nothing in its mailbox.
    expect((await gw.get('/mailbox', KEY.jgv)).json().berichten).toEqual([]);
  });

  it('pushes the retour for a rejected message to its sender when the sender is the push recipient', async () => {
    const sent = (await gw.post(KEY.jgv, fixture('jw315/cd043-beschikkingnummer-without-datum.xml'))).json();
    expect(sent).toMatchObject({ outcome: 'rejected', antwoord: { type: 'JW316', retourcodes: ['0001'] } });
    await eventually(async () => expect((await detail(sent.antwoord.id, KEY.jgv)).status).toBe('delivered'));
    const got = jgv.received.find((r) => r.headers['x-ijw-bericht-id'] === sent.antwoord.id)!;
    expect(got.body.toString()).toContain('<jw316:RetourCode>0001</jw316:RetourCode>');
    expect((await gw.get('/mailbox', KEY.ede)).json().berichten).toEqual([]);
  });

  it('dead-letters a failed push, lets an operator (and only an operator) replay it, and delivers it again', async () => {
    await sendVotFor(gw, 'jw301/valid-aspecific-etmaal-euro-total.xml', { handled: true });
    status = 500;
    const sent = (await gw.post(KEY.ede, fixture('jw301/valid-aspecific-etmaal-euro-total.xml'))).json();
    const dead = await eventually(async () => {
      const x = await detail(sent.id);
      expect(x.status).toBe('dead-letter');
      return x;
    });
    expect(dead.deliveries[0]).toMatchObject({
      state: 'dead',
      lastError: expect.stringContaining('500'),
      attemptLog: [expect.objectContaining({ ok: false, statusCode: 500 })],
    });

    status = 200;
    expect((await gw.send('POST', `/berichten/${sent.id}/replay`, KEY.ede)).status).toBe(403);
    expect((await gw.send('POST', `/berichten/${sent.id}/replay`, KEY.jgv)).status).toBe(403);
    const replay = await gw.send('POST', `/berichten/${sent.id}/replay`, KEY.beheer);
    expect(replay.status).toBe(202);
    expect(replay.json()).toMatchObject({ id: sent.id, mode: 'push', ontvanger: 'aanbieder:98041733' });

    const again = await eventually(async () => {
      const x = await detail(sent.id, KEY.ede);
      expect(x.status).toBe('delivered');
      return x;
    });
    expect(again.deliveries.map((d: { state: string }) => d.state)).toEqual(['dead', 'delivered']);
    expect(again.history.map((h: { status: string }) => h.status)).toEqual(['accepted', 'dead-letter', 'dead-letter', 'delivered']);
    expect(again.history[2].note).toBe('replay by ketenbureau:beheer');
    const pushes = jgv.received.filter((r) => r.headers['x-ijw-bericht-id'] === sent.id);
    expect(pushes).toHaveLength(2);
    expect(pushes[0]!.headers['idempotency-key']).not.toBe(pushes[1]!.headers['idempotency-key']);
  });

  it('counts pushes and attempts in /metrics', async () => {
    const text = (await gw.get('/metrics', null)).text;
    expect(text).toMatch(/^ijw_delivery_attempts_total\{result="delivered"\} 3$/m);
    expect(text).toMatch(/^ijw_delivery_attempts_total\{result="dead"\} 1$/m);
    expect(text).toMatch(/^ijw_messages_out_total\{type="JW301",mode="push"\} 2$/m);
    expect(text).toMatch(/^ijw_messages_out_total\{type="JW316",mode="push"\} 1$/m);
    expect(text).toMatch(/^ijw_queue_depth\{mode="push"\} 0$/m);
  });
});
