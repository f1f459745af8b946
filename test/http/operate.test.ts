/** /health, /metrics in Prometheus format, and the OpenAPI description with its docs page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../support/gateway.js';
import { sendVotFor } from '../support/requests.js';

describe('operating the gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('GET /health answers without a key, with the queue', async () => {
    const r = await gw.get('/health', null);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', queue: { push: 0, mailbox: 0 } });
  });

  it('GET /metrics counts messages per type and outcome, and has latency histograms and the queue depth', async () => {
    // The VOTs the two toewijzingen honour (TR379), handled by Ede at once.
    await sendVotFor(gw, 'jw301/valid-specific-hours-per-week-after-vot.xml', { handled: true });
    await sendVotFor(gw, 'jw301/valid-aspecific-etmaal-euro-total.xml', { handled: true });
    await gw.post(KEY.ede, fixture('jw301/valid-specific-hours-per-week-after-vot.xml'));
    await gw.post(KEY.ede, fixture('jw301/valid-aspecific-etmaal-euro-total.xml'));
    await gw.post(KEY.ede, fixture('jw301/cd005-landcode-without-postcode.xml'));
    await gw.post(KEY.ede, fixture('jw301/xsd-missing-bsn.xml'));
    await gw.post(KEY.jgv, fixture('jw301/valid-withdrawal-after-stop.xml'));
    await gw.post(KEY.ede, fixture('hostile/doctype-xxe.xml'));
    const item = (await gw.get('/mailbox', KEY.jgv)).json().berichten[0];
    await gw.send('POST', `/mailbox/${item.id}/ack`, KEY.jgv);

    const r = await gw.get('/metrics', null);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = r.text;
    expect(text).toMatch(/^ijw_messages_in_total\{type="JW301",outcome="accepted"\} 2$/m);
    expect(text).toMatch(/^ijw_messages_in_total\{type="JW301",outcome="rejected"\} 1$/m);
    expect(text).toMatch(/^ijw_messages_in_total\{type="JW301",outcome="invalid"\} 1$/m);
    expect(text).toMatch(/^ijw_messages_in_total\{type="JW301",outcome="forbidden"\} 1$/m);
    expect(text).toMatch(/^ijw_messages_in_total\{type="unknown",outcome="invalid"\} 1$/m);
    expect(text).toMatch(/^ijw_messages_out_total\{type="JW301",mode="mailbox"\} 1$/m);
    // One JW301 waits for Jeugdhulp Gelderse Vallei, the JW302 for Ede.
    expect(text).toMatch(/^ijw_queue_depth\{mode="mailbox"\} 2$/m);
    expect(text).toMatch(/^ijw_store_available 1$/m);
    expect(text).toMatch(/^# TYPE ijw_ingest_duration_seconds histogram$/m);
    // Accepted: the two VOTs and the two toewijzingen.
    expect(text).toMatch(/^ijw_ingest_duration_seconds_bucket\{le="\+Inf",outcome="accepted"\} 4$/m);
    expect(text).toMatch(/^# TYPE ijw_http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^ijw_http_request_duration_seconds_count\{route="\/berichten",method="POST",status="202"\} 5$/m);
    expect(text).toMatch(/^ijw_process_cpu_seconds_total /m);
  });

  it('serves the OpenAPI description at /docs/json and a docs page at /docs', async () => {
    const json = await gw.get('/docs/json', null);
    expect(json.status).toBe(200);
    const api = json.json();
    expect(api.openapi).toBe('3.0.3');
    expect(api.info.title).toBe('ijw-gateway');
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining([
        '/berichten',
        '/berichten/{id}',
        '/berichten/{id}/xml',
        '/berichten/{id}/replay',
        '/mailbox',
        '/mailbox/{id}',
        '/mailbox/{id}/ack',
        '/health',
        '/metrics',
      ]),
    );
    expect(Object.keys(api.paths['/berichten'].post.responses)).toEqual(expect.arrayContaining(['202', '401', '403', '409', '413', '415', '422']));
    expect(api.paths['/berichten'].post.requestBody.content).toHaveProperty('application/xml');
    expect(api.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-API-Key' });

    const page = await fetch(`${gw.url}/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/<html/i);
  });

  it('answers unknown routes with a 404 in the error shape', async () => {
    const r = await gw.get('/nothing-here', null);
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ code: 'IJW_ERR_NOT_FOUND' });
  });
});
