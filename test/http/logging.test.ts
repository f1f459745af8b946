/**
 * Logs: JSON lines from pino with a request id, and never a BSN, name, address or birth date. A
 * full flow runs with the logger at debug level into memory; then every line is searched for every
 * such value that occurs in the fixtures' valid messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, roundFractions } from '../../src/main.js';
import { DEMO_API_KEYS } from '../../src/mappings/demo-keys.js';
import { fixtures } from '../support/fixtures.js';
import { KEY, mappingsCopy, party, recipientServer, startTestGateway, type TestGateway } from '../support/gateway.js';
import { fixturesDir } from '../support/paths.js';

/** Personal data in the valid fixtures: BSNs, surnames, street names, postcodes and birth dates. */
function personalData(): string[] {
  const values = new Set<string>();
  for (const f of fixtures('valid-')) {
    const xml = f.bytes.toString('utf8');
    for (const m of xml.matchAll(/<(?:\w+:)?(?:Bsn|Achternaam|Straatnaam|Postcode)>([^<]+)</g)) values.add(m[1]!);
    for (const m of xml.matchAll(/<(?:\w+:)?Geboortedatum>\s*<(?:\w+:)?Datum>([^<]+)</g)) values.add(m[1]!);
  }
  return [...values];
}

/** Sender's key for a message: the Afzender, or for a retour the Ontvanger. */
const KEY_BY_CODE: Record<string, string> = { '0228': KEY.ede, '0345': KEY.veenendaal, '98041733': KEY.jgv, '98062519': KEY.kompas };
function senderKey(type: string, xml: string): string {
  const afzender = /<(?:\w+:)?Afzender>(\d+)</.exec(xml)![1]!;
  const ontvanger = /<(?:\w+:)?Ontvanger>(\d+)</.exec(xml)![1]!;
  const retour = ['JW302', 'JW306', 'JW308', 'JW316', 'JW318', 'JW320'].includes(type);
  return KEY_BY_CODE[retour ? ontvanger : afzender]!;
}

describe('logging', () => {
  const lines: string[] = [];
  let gw: TestGateway;
  let recipient: Awaited<ReturnType<typeof recipientServer>>;

  beforeAll(async () => {
    let partial = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        partial += chunk.toString('utf8');
        const parts = partial.split('\n');
        partial = parts.pop()!;
        lines.push(...parts);
        done();
      },
    });
    // The first push fails with a message-like error page; the replay succeeds.
    recipient = await recipientServer((n) => (n === 1 ? { status: 500, body: 'could not store bericht' } : { status: 200 }));
    const mappingsDir = mappingsCopy((parties) => {
      party(parties, 'aanbieder:98062519').delivery = { mode: 'push', url: recipient.url, timeoutMs: 2_000, maxAttempts: 1, headers: {} };
    });
    gw = await startTestGateway({ mappingsDir, log: createLogger('debug', sink) });

    // Every valid message, by its own sender.
    const ids: string[] = [];
    for (const f of fixtures('valid-')) {
      const r = await gw.post(senderKey(f.type!, f.bytes.toString()), f.bytes);
      expect(r.status, f.name).toBeLessThan(300);
      ids.push(r.json().id);
    }
    // Every schema-invalid message, the rule-breaking ones of one type, and hostile input.
    for (const f of fixtures('xsd-')) await gw.post(senderKey(f.type!, f.bytes.toString()), f.bytes, { accept: 'application/xml' });
    for (const file of readdirSync(join(fixturesDir, 'jw301')).filter((n) => /^[a-z]{2}\d{3}-(?!ok-)/.test(n)).slice(0, 12)) {
      const bytes = readFileSync(join(fixturesDir, 'jw301', file));
      await gw.post(senderKey('JW301', bytes.toString()), bytes);
    }
    for (const file of readdirSync(join(fixturesDir, 'hostile'))) await gw.post(KEY.ede, readFileSync(join(fixturesDir, 'hostile', file)));
    // A reused Identificatie with other content, sendings that are not the caller's, a bad key.
    const first = fixtures('valid-')[0]!;
    await gw.post(senderKey(first.type!, first.bytes.toString()), Buffer.concat([first.bytes, Buffer.from(' ')]));
    await gw.post(KEY.jgv, fixtures('valid-').find((f) => f.type === 'JW301')!.bytes);
    await gw.post('not-a-key', first.bytes);
    // Reading: lists, details, raw messages, mailboxes, acknowledgements, a replay, a traced request.
    for (const id of ids.slice(0, 10)) {
      await gw.get(`/berichten/${id}`, KEY.beheer);
      await gw.get(`/berichten/${id}/xml`, KEY.beheer);
    }
    await gw.get('/berichten?type=JW301&afzender=0228', KEY.ede);
    for (const key of [KEY.ede, KEY.jgv, KEY.factuurbureau]) {
      const items = (await gw.get('/mailbox', key)).json().berichten as { id: number; xml: string }[];
      for (const item of items.slice(0, 5)) {
        await gw.get(item.xml, key);
        await gw.send('POST', `/mailbox/${item.id}/ack`, key);
      }
    }
    const dead = await waitFor(async () => {
      const list = (await gw.get('/berichten?status=dead-letter', KEY.beheer)).json().berichten as { id: string }[];
      return list[0]?.id;
    });
    await gw.send('POST', `/berichten/${dead}/replay`, KEY.beheer);
    await waitFor(async () => ((await gw.get('/berichten?status=dead-letter', KEY.beheer)).json().berichten.length === 0 ? true : undefined));
    await gw.get('/health', null, { 'x-request-id': 'trace-7f3a-0001' });
    await gw.get('/metrics', null);
    await gw.close();
  });
  afterAll(async () => {
    await gw.close();
    await recipient.close();
  });

  async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const v = await probe();
      if (v !== undefined) return v;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('timed out');
  }

  it('wrote a representative log', () => {
    expect(lines.length).toBeGreaterThan(300);
    const msgs = new Set(lines.map((l) => (JSON.parse(l) as { msg: string }).msg));
    for (const m of ['incoming request', 'request completed', 'bericht', 'pushed', 'push dead-lettered', 'replay', 'ijw-gateway stopped']) {
      expect(msgs, m).toContain(m);
    }
  });

  it('never contains a BSN, surname, street, postcode or birth date from the messages', () => {
    const values = personalData();
    // The fixtures hold six BSNs and a dozen names and birth dates; the search must not come up empty.
    expect(values.filter((v) => /^\d{9}$/.test(v)).length).toBeGreaterThanOrEqual(5);
    expect(values.filter((v) => /^\d{4}-\d\d-\d\d$/.test(v)).length).toBeGreaterThanOrEqual(10);
    expect(values).toContain('Dijkhuizen');
    const leaks = lines.flatMap((line, n) => values.filter((v) => line.includes(v)).map((v) => `line ${n}: ${v}`));
    expect(leaks).toEqual([]);
  });

  it('never contains an API key', () => {
    const keys = [...Object.values(DEMO_API_KEYS), 'not-a-key'];
    expect(lines.filter((line) => keys.some((k) => line.includes(k)))).toEqual([]);
  });

  it('is JSON, one object a line, with the request id on every request line', () => {
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of parsed) {
      expect(p).toMatchObject({ level: expect.any(Number), time: expect.any(Number), service: 'ijw-gateway', msg: expect.any(String) });
    }
    const requestLines = parsed.filter((p) => p.req !== undefined || p.res !== undefined || p.msg === 'bericht');
    expect(requestLines.length).toBeGreaterThan(200);
    for (const p of requestLines) expect(p.reqId).toEqual(expect.any(String));
    // One id per request: the incoming line, the bericht line and the completed line share it.
    const bericht = parsed.find((p) => p.msg === 'bericht')!;
    expect(parsed.filter((p) => p.reqId === bericht.reqId).map((p) => p.msg)).toEqual(['incoming request', 'bericht', 'request completed']);
    // A caller's own X-Request-Id is kept, for tracing across systems.
    expect(parsed.filter((p) => p.reqId === 'trace-7f3a-0001').map((p) => p.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('writes fractions to the microsecond, so float noise cannot spell a BSN', () => {
    // Fastify's responseTime is a difference of floats; CI once logged 3.999996435… and the scan
    // above found fixture BSN 999996435 in it.
    const out: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk.toString('utf8'));
        done();
      },
    });
    const entry = { responseTime: 3.9999964352812, ratio: 0.1 + 0.2, attempts: 2 };
    createLogger('info', sink).info(entry, 'request completed');
    const line = JSON.parse(out.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({ responseTime: 4, ratio: 0.3, attempts: 2 });
    expect(roundFractions({ a: 12.3456789, b: Number.NaN, c: 'x' })).toEqual({ a: 12.346, b: Number.NaN, c: 'x' });
    expect(entry.responseTime).toBe(3.9999964352812); // the caller's object is left alone
  });
});
