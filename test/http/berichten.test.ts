/**
 * POST /berichten against a real gateway on loopback: media types, size limit, authentication and
 * authorisation, XSD failures, rule violations answered with a retour, idempotency and TR056.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { KEY, mappingsCopy, party, startTestGateway, type Reply, type TestGateway } from '../support/gateway.js';
import { fixturesDir } from '../support/paths.js';
import { sendVotFor } from '../support/requests.js';
import { LARGE_BYTES } from '../../src/validate/large.js';

const EDE_301 = 'jw301/valid-specific-hours-per-week-after-vot.xml'; // EDE-301-0001, 0228 → 98041733
const RULE_BROKEN_301 = 'jw301/cd005-landcode-without-postcode.xml'; // EDE-301-9107, CD005 → 0001

/** Reads the database the way a second process would: only what was committed. */
function rows(dataDir: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(join(dataDir, 'ijw-gateway.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

async function mailboxTypes(gw: TestGateway, key: string): Promise<{ id: number; bericht: string; type: string }[]> {
  const r = await gw.get('/mailbox', key);
  expect(r.status).toBe(200);
  return r.json().berichten;
}

/** Same Identificatie, other bytes (still a valid message). */
function otherContent(name: string): Buffer {
  return Buffer.concat([fixture(name), Buffer.from('\n')]);
}

// The same, with each message analysed and stored on the HTTP thread's side (IJW_WORKERS=0, the tests'
// default) and on two ingest threads with a write connection each (IJW_WORKERS=2, a production setup).
describe.each([['0'], ['2']])('POST /berichten (IJW_WORKERS=%s)', (workers) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { IJW_WORKERS: workers } });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('accepts a valid message, commits it byte-exact before answering 202 and queues it for the recipient', async () => {
    await sendVotFor(gw, EDE_301, { handled: true }); // the request it honours (TR379)
    const bytes = fixture(EDE_301);
    const r = await gw.post(KEY.ede, bytes);
    expect(r.status).toBe(202);
    const body = r.json();
    expect(body).toMatchObject({
      outcome: 'accepted',
      type: 'JW301',
      berichtIdentificatie: 'EDE-301-0001',
      ontvanger: 'aanbieder:98041733',
      antwoord: null,
      fouten: [],
    });
    expect(r.headers.get('location')).toBe(`/berichten/${body.id}`);
    // Read by another connection right after the answer: the row is committed, not just queued.
    const [row] = rows(gw.dataDir, 'SELECT status, body, sender_id, recipient_id FROM berichten WHERE id = ?', body.id);
    expect(row).toMatchObject({ status: 'accepted', sender_id: 'gemeente:0228', recipient_id: 'aanbieder:98041733' });
    expect(Buffer.compare(row!.body as Buffer, bytes)).toBe(0);
    expect(rows(gw.dataDir, "SELECT mode, state, party_id FROM deliveries WHERE bericht_id = ?", body.id)).toEqual([
      { mode: 'mailbox', state: 'pending', party_id: 'aanbieder:98041733' },
    ]);
  });

  it('takes text/xml and media-type parameters too', async () => {
    await sendVotFor(gw, 'jw301/valid-aspecific-etmaal-euro-total.xml', { handled: true });
    const r = await gw.post(KEY.ede, fixture('jw301/valid-aspecific-etmaal-euro-total.xml'), { 'content-type': 'text/xml; charset=UTF-8' });
    expect(r.status).toBe(202);
    expect(r.json().outcome).toBe('accepted');
  });

  it('refuses other media types with 415, and never hands JSON or text to the pipeline', async () => {
    const before = rows(gw.dataDir, 'SELECT COUNT(*) AS n FROM berichten')[0]!.n;
    for (const contentType of ['application/json', 'text/plain', 'application/soap+xml', 'application/x-www-form-urlencoded']) {
      const r = await gw.post(KEY.ede, contentType === 'application/json' ? '{"Bericht":1}' : fixture(EDE_301), { 'content-type': contentType });
      expect(r.status, contentType).toBe(415);
      expect(r.json()).toMatchObject({ code: 'IJW_ERR_MEDIA_TYPE' });
      expect(r.json().detail).toContain(contentType);
    }
    const none = await fetch(`${gw.url}/berichten`, { method: 'POST', headers: { 'x-api-key': KEY.ede } });
    expect(none.status).toBe(415);
    await none.arrayBuffer();
    expect(rows(gw.dataDir, 'SELECT COUNT(*) AS n FROM berichten')[0]!.n).toBe(before);
  });

  it('answers 401 without a key or with an unknown key, and takes Authorization: Bearer', async () => {
    const none = await gw.post(null, fixture(EDE_301));
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ code: 'IJW_ERR_UNAUTHENTICATED' });
    const wrong = await gw.post('demo-ede-0228-not-secret-but-wrong', fixture(EDE_301));
    expect(wrong.status).toBe(401);
    expect(wrong.json().detail).toBe('Unknown API key.');
    const bearer = await gw.post(null, fixture('jw301/valid-generic-budget-guardian-organisation.xml'), { authorization: `Bearer ${KEY.ede}` });
    expect(bearer.status).toBe(202);
  });

  it('checks the key before reading the body: a stranger gets 401, not 413 or 415', async () => {
    // Announces 30 MB and sends a few kilobytes: the answer comes without waiting for the rest.
    const { hostname, port } = new URL(gw.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: hostname, port, path: '/berichten', method: 'POST', headers: { 'content-type': 'application/xml', 'content-length': 30 * 1024 * 1024 } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write(fixture(EDE_301));
    });
    expect(status).toBe(401);
    const json = await gw.post(null, '{}', { 'content-type': 'application/json' });
    expect(json.status).toBe(401);
  });

  it('answers 422 with the validation report for an XSD-invalid message, forwards nothing and masks the values', async () => {
    const before = await mailboxTypes(gw, KEY.jgv);
    // Ede's holds the retours of earlier tests (the Bearer one's toewijzing honours no request it sent, 9379).
    const edeBefore = await mailboxTypes(gw, KEY.ede);
    const r = await gw.post(KEY.ede, fixture('jw301/xsd-bsn-8-digits.xml'));
    expect(r.status).toBe(422);
    const body = r.json();
    expect(body).toMatchObject({ outcome: 'invalid', type: 'JW301', ontvanger: null, antwoord: null });
    expect(body.fouten[0]).toMatchObject({ code: 'XSD', retourcode: '0001', location: '/jw301:Bericht/jw301:Client/jw301:Bsn' });
    expect(r.text).not.toContain('99993666');
    expect(await mailboxTypes(gw, KEY.jgv)).toEqual(before);
    expect(await mailboxTypes(gw, KEY.ede)).toEqual(edeBefore);
    const [row] = rows(gw.dataDir, 'SELECT status FROM berichten WHERE id = ?', body.id);
    expect(row).toEqual({ status: 'invalid' });
    expect(rows(gw.dataDir, 'SELECT * FROM deliveries WHERE bericht_id = ?', body.id)).toEqual([]);
  });

  it('gives the report in XML on Accept: application/xml', async () => {
    const r = await gw.post(KEY.ede, fixture('jw301/xsd-missing-bsn.xml'), { accept: 'application/xml' });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(r.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Validatierapport>/);
    expect(r.text).toContain('<XsdGeldig>false</XsdGeldig>');
    expect(r.text).toContain('<Code>XSD</Code>');
    expect(r.text).toContain('<Retourcode>0001</Retourcode>');
    expect(r.text).toMatch(/<Bericht id="\w+" type="JW301"/);
  });

  it('refuses hostile input (billion laughs, XXE, XInclude, garbage) with 422 and keeps serving', async () => {
    const hostile = readdirSync(join(fixturesDir, 'hostile')).filter((f) => f !== 'bom.xml');
    expect(hostile).toEqual(expect.arrayContaining(['doctype-billion-laughs.xml', 'doctype-xxe.xml', 'xinclude.xml']));
    const answers = await Promise.all(hostile.map((f) => gw.post(KEY.ede, readFileSync(join(fixturesDir, 'hostile', f)))));
    for (const [i, r] of answers.entries()) {
      expect(r.status, hostile[i]).toBe(422);
      expect(r.json().outcome).toBe('invalid');
      expect(r.text).not.toMatch(/root:x:0:0/);
    }
    const codes = Object.fromEntries(answers.map((r, i) => [hostile[i], r.json().fouten[0].code]));
    expect(codes).toMatchObject({ 'doctype-billion-laughs.xml': 'DOCTYPE', 'doctype-xxe.xml': 'DOCTYPE', 'xinclude.xml': 'XINCLUDE', 'empty.xml': 'EMPTY' });
    expect((await gw.get('/health', null)).status).toBe(200);
  });

  it('answers a message with a BOM (otherwise schema-valid) with a 0001 retour instead of forwarding it', async () => {
    expect(readFileSync(join(fixturesDir, 'hostile', 'bom.xml')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // hostile/bom.xml reuses EDE-301-0001, which the first test sent: that would be TR056 (409).
    const r = await gw.post(KEY.ede, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('jw301/valid-withdrawal-after-stop.xml')]));
    expect(r.status).toBe(202);
    expect(r.json()).toMatchObject({ outcome: 'rejected', antwoord: { type: 'JW302', retourcodes: ['0001'] } });
  });

  describe('authorisation: the caller must be the Afzender or act for it', () => {
    it('403 for a gemeente sending with another gemeente as Afzender; nothing is stored', async () => {
      const before = rows(gw.dataDir, 'SELECT COUNT(*) AS n FROM berichten')[0]!.n;
      const r = await gw.post(KEY.veenendaal, fixture('jw301/valid-withdrawal-after-stop.xml'));
      expect(r.status).toBe(403);
      expect(r.json()).toMatchObject({ id: null, outcome: 'forbidden', code: 'IJW_ERR_FORBIDDEN', type: 'JW301' });
      expect(r.json().detail).toContain('gemeente:0345');
      expect(rows(gw.dataDir, 'SELECT COUNT(*) AS n FROM berichten')[0]!.n).toBe(before);
    });

    it('403 for an aanbieder sending a JW301, and for an aanbieder sending another aanbieder\'s JW315', async () => {
      const jw301 = await gw.post(KEY.jgv, fixture('jw301/valid-withdrawal-after-stop.xml'));
      expect(jw301.status).toBe(403);
      const jw315 = await gw.post(KEY.kompas, fixture('jw315/valid-two-products-huisarts-referral.xml'));
      expect(jw315.status).toBe(403);
    });

    it('lets an intermediary send for the aanbieder it acts for, and only for that one', async () => {
      const forKompas = await gw.post(KEY.brug, fixture('jw315/valid-unknown-birthday-veenendaal.xml'));
      expect(forKompas.status).toBe(202);
      expect(forKompas.json()).toMatchObject({ outcome: 'accepted', type: 'JW315', ontvanger: 'gemeente:0345' });
      const forJgv = await gw.post(KEY.brug, fixture('jw315/valid-generic-budget-gi-referral.xml'));
      expect(forJgv.status).toBe(403);
    });

    it('routes a JW323 for a Food Valley gemeente to the factuurbureau, which may answer with the JW325 but not send a JW301', async () => {
      const jw323 = await gw.post(KEY.jgv, fixture('jw323/valid-february-single-client.xml'));
      expect(jw323.status).toBe(202);
      expect(jw323.json()).toMatchObject({ outcome: 'accepted', ontvanger: 'factuurbureau:food-valley', antwoord: { type: 'JW325' } });
      const inbox = await mailboxTypes(gw, KEY.factuurbureau);
      expect(inbox).toContainEqual(expect.objectContaining({ bericht: jw323.json().id, type: 'JW323' }));
      expect((await mailboxTypes(gw, KEY.ede)).map((m) => m.bericht)).not.toContain(jw323.json().id);
      // Centrale facturatie: the gateway answers the claim for the office; its JW325 waits for the aanbieder.
      expect(await mailboxTypes(gw, KEY.jgv)).toContainEqual(expect.objectContaining({ bericht: jw323.json().antwoord.id, type: 'JW325' }));

      // The office may send a JW325 in the gemeente's name (no 403), but this claim has its one answer already (TR337).
      const jw325 = await gw.post(KEY.factuurbureau, fixture('jw325/valid-fully-approved-february.xml'));
      expect(jw325.status).toBe(202);
      expect(jw325.json()).toMatchObject({ outcome: 'rejected', type: 'JW325', ontvanger: 'aanbieder:98041733' });
      expect(jw325.json().fouten).toContainEqual(expect.objectContaining({ code: 'TR337' }));
      expect((await mailboxTypes(gw, KEY.jgv)).map((m) => m.bericht)).not.toContain(jw325.json().id);

      const jw301 = await gw.post(KEY.factuurbureau, fixture('jw301/valid-reused-toewijzingnummer-9332.xml'));
      expect(jw301.status).toBe(403);
    });
  });

  describe('rule violations', () => {
    it('answers with a JW302 (header 0001 + XsltVersie) for the sender, and does not forward the message', async () => {
      const r = await gw.post(KEY.ede, fixture(RULE_BROKEN_301));
      expect(r.status).toBe(202);
      const body = r.json();
      expect(body).toMatchObject({ outcome: 'rejected', type: 'JW301', ontvanger: 'aanbieder:98041733', antwoord: { type: 'JW302', retourcodes: ['0001'] } });
      expect(body.fouten.map((f: { code: string }) => f.code)).toContain('CD005');

      const ede = await mailboxTypes(gw, KEY.ede);
      const item = ede.find((m) => m.bericht === body.antwoord.id);
      expect(item).toMatchObject({ type: 'JW302' });
      const jgv = (await mailboxTypes(gw, KEY.jgv)).map((m) => m.bericht);
      expect(jgv).not.toContain(body.id);
      expect(jgv).not.toContain(body.antwoord.id);

      const xml = (await gw.get(`/mailbox/${item!.id}`, KEY.ede)).text;
      expect(xml).toContain('<jw302:Afzender>0228</jw302:Afzender>');
      expect(xml).toContain('<jw302:Ontvanger>98041733</jw302:Ontvanger>');
      expect(xml).toContain('<ijw:Identificatie>EDE-301-9107</ijw:Identificatie>');
      expect(xml).toMatch(/<jw302:XsltVersie>[\d.]+<\/jw302:XsltVersie>/);
      expect(xml).toMatch(/<jw302:RetourCodes>\s*<jw302:RetourCode>0001<\/jw302:RetourCode>\s*<\/jw302:RetourCodes>\s*<\/jw302:Header>/);
      // Header only: an in-message rule rejects the whole message without copying the client.
      expect(xml).not.toContain('<jw302:Client>');

      const detail = (await gw.get(`/berichten/${body.id}`, KEY.ede)).json();
      expect(detail.status).toBe('rejected');
      expect(detail.deliveries).toEqual([]);
      expect(detail.related).toContainEqual({ id: body.antwoord.id, kind: 'generated-for', direction: 'from', type: 'JW302' });
    });

    it('answers a broken JW323 with a header-only JW325 (0001) to the aanbieder, not to the factuurbureau', async () => {
      const r = await gw.post(KEY.jgv, fixture('jw323/cs337-productperiode-across-two-months.xml'));
      expect(r.status).toBe(202);
      const body = r.json();
      expect(body).toMatchObject({ outcome: 'rejected', ontvanger: 'factuurbureau:food-valley', antwoord: { type: 'JW325', retourcodes: ['0001'] } });
      expect(await mailboxTypes(gw, KEY.jgv)).toContainEqual(expect.objectContaining({ bericht: body.antwoord.id, type: 'JW325' }));
      expect((await mailboxTypes(gw, KEY.factuurbureau)).map((m) => m.bericht)).not.toContain(body.id);
    });

    it('answers a large broken JW323 (analysed with chunk threads, not on an ingest thread) the same way', async () => {
      const small = fixture('jw323/cs337-productperiode-across-two-months.xml').toString('utf8').replace('JGV-323-9408', 'JGV-323-9409');
      const open = small.indexOf('<jw323:Clienten>') + '<jw323:Clienten>'.length;
      const close = small.indexOf('</jw323:Clienten>');
      const copies = Math.ceil(LARGE_BYTES / (close - open)) + 1;
      const bytes = Buffer.from(small.slice(0, open) + small.slice(open, close).repeat(copies) + small.slice(close));
      expect(bytes.byteLength).toBeGreaterThan(LARGE_BYTES);
      const r = await gw.post(KEY.jgv, bytes);
      expect(r.status).toBe(202);
      const body = r.json();
      expect(body).toMatchObject({ outcome: 'rejected', berichtIdentificatie: 'JGV-323-9409', antwoord: { type: 'JW325', retourcodes: ['0001'] } });
      expect(body.fouten.map((f: { code: string }) => f.code)).toContain('CS337');
      expect(await mailboxTypes(gw, KEY.jgv)).toContainEqual(expect.objectContaining({ bericht: body.antwoord.id, type: 'JW325' }));
    });
  });

  describe('duplicates (TR056)', () => {
    it('answers an identical resend with the original answer and stores nothing twice', async () => {
      const bytes = fixture('jw301/valid-veenendaal-initial-two-products.xml');
      const first = await gw.post(KEY.veenendaal, bytes);
      const again = await gw.post(KEY.veenendaal, bytes);
      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      expect(again.json()).toEqual(first.json());
      expect(rows(gw.dataDir, "SELECT COUNT(*) AS n FROM berichten WHERE identificatie = 'VND-301-0001' AND type = 'JW301'")).toEqual([{ n: 1 }]);
      expect((await mailboxTypes(gw, KEY.kompas)).filter((m) => m.bericht === first.json().id)).toHaveLength(1);
    });

    it('repeats the original outcome for a resent rejected message too', async () => {
      const bytes = fixture('jw301/cd075-budget-without-einddatum.xml');
      const first = await gw.post(KEY.ede, bytes);
      const again = await gw.post(KEY.ede, bytes);
      expect(first.json().outcome).toBe('rejected');
      expect(again.json()).toEqual(first.json());
      expect(rows(gw.dataDir, "SELECT COUNT(*) AS n FROM berichten WHERE status = 'generated' AND id = ?", first.json().antwoord.id)).toEqual([{ n: 1 }]);
    });

    it('rejects other content under a used Identificatie with 409 and a 9056 retour to the sender', async () => {
      const name = 'jw301/valid-vow-honoured-end-and-new.xml'; // VND-301-0002
      // It honours a VOW on the client's first toewijzingen (TR379): both go first (the first is a resend when an earlier test sent it).
      expect((await gw.post(KEY.veenendaal, fixture('jw301/valid-veenendaal-initial-two-products.xml'))).json().outcome).toBe('accepted');
      expect((await gw.post(KEY.kompas, fixture('jw317/valid-change-volume-and-new-product.xml'))).json().outcome).toBe('accepted');
      const first = await gw.post(KEY.veenendaal, fixture(name));
      expect(first.status).toBe(202);
      const other = await gw.post(KEY.veenendaal, otherContent(name));
      expect(other.status).toBe(409);
      const body = other.json();
      expect(body).toMatchObject({ outcome: 'conflict', berichtIdentificatie: 'VND-301-0002', antwoord: { type: 'JW302', retourcodes: ['9056'] } });
      expect(body.fouten).toContainEqual(expect.objectContaining({ code: 'TR056', retourcode: '9056' }));
      expect(body.id).not.toBe(first.json().id);

      const mine = await mailboxTypes(gw, KEY.veenendaal);
      const retour = mine.find((m) => m.bericht === body.antwoord.id);
      expect(retour).toBeDefined();
      const xml = (await gw.get(`/mailbox/${retour!.id}`, KEY.veenendaal)).text;
      expect(xml).toMatch(/<jw302:RetourCode>9056<\/jw302:RetourCode>/);
      // The recipient got the first sending only.
      const kompas = (await mailboxTypes(gw, KEY.kompas)).map((m) => m.bericht);
      expect(kompas).toContain(first.json().id);
      expect(kompas).not.toContain(body.id);
      const detail = (await gw.get(`/berichten/${body.id}`, KEY.veenendaal)).json();
      expect(detail.related).toContainEqual({ id: first.json().id, kind: 'conflicts-with', direction: 'to', type: 'JW301' });
    });

    it('stores one message when the same message is posted many times at once', async () => {
      const bytes = fixture('jw315/valid-aspecific-budget-with-beschikking.xml'); // JGV-315-0002
      const answers = await Promise.all(Array.from({ length: 8 }, () => gw.post(KEY.jgv, bytes)));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      expect(rows(gw.dataDir, "SELECT COUNT(*) AS n FROM berichten WHERE identificatie = 'JGV-315-0002'")).toEqual([{ n: 1 }]);
      expect(rows(gw.dataDir, 'SELECT COUNT(*) AS n FROM deliveries d JOIN berichten b ON b.id = d.bericht_id WHERE b.identificatie = ?', 'JGV-315-0002')).toEqual([{ n: 1 }]);
    });

    it('accepts exactly one of two different messages posted at once under one Identificatie', async () => {
      const name = 'jw315/valid-generic-budget-gi-referral.xml'; // JGV-315-0003
      const [a, b] = await Promise.all([gw.post(KEY.jgv, fixture(name)), gw.post(KEY.jgv, otherContent(name))]);
      expect([a!.status, b!.status].sort()).toEqual([202, 409]);
      expect(rows(gw.dataDir, "SELECT status FROM berichten WHERE identificatie = 'JGV-315-0003' ORDER BY status")).toEqual([
        { status: 'accepted' },
        { status: 'conflict' },
      ]);
    });
  });
});

describe('POST /berichten with a smaller limit', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { IJW_MAX_BYTES: '2000' } });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers 413 with a clear text above IJW_MAX_BYTES, with or without Content-Length', async () => {
    const bytes = fixture(EDE_301);
    expect(bytes.length).toBeGreaterThan(2000);
    const r = await gw.post(KEY.ede, bytes);
    expect(r.status).toBe(413);
    expect(r.json()).toEqual({
      code: 'IJW_ERR_TOO_LARGE',
      melding: expect.stringMatching(/groter dan toegestaan/),
      detail: 'The body exceeds 2000 bytes.',
    });
    const chunked = await fetch(`${gw.url}/berichten`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-api-key': KEY.ede },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 1500));
          controller.enqueue(bytes.subarray(1500));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await chunked.arrayBuffer();
    expect(rows(gw.dataDir, 'SELECT COUNT(*) AS n FROM berichten')).toEqual([{ n: 0 }]);
  });

  it('still takes a message under the limit', async () => {
    const r: Reply = await gw.post(KEY.ede, '<x/>');
    expect(r.status).toBe(422);
    expect(r.json().fouten[0].code).toBe('NAMESPACE');
  });
});

describe('POST /berichten to a recipient with forwardRejected', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    const mappingsDir = mappingsCopy((parties) => {
      party(parties, 'aanbieder:98041733').forwardRejected = true;
    });
    gw = await startTestGateway({ mappingsDir });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('forwards a rule-breaking message to the recipient, which judges it itself; the sender gets no retour', async () => {
    const r = await gw.post(KEY.ede, fixture(RULE_BROKEN_301));
    expect(r.status).toBe(202);
    const body = r.json();
    expect(body).toMatchObject({ outcome: 'accepted', antwoord: null, ontvanger: 'aanbieder:98041733' });
    expect(body.fouten.map((f: { code: string }) => f.code)).toContain('CD005');
    expect(await mailboxTypes(gw, KEY.jgv)).toContainEqual(expect.objectContaining({ bericht: body.id, type: 'JW301' }));
    expect(await mailboxTypes(gw, KEY.ede)).toEqual([]);
  });

  it('forwards a message dated after today (TR135) with that finding, and the sender gets no retour', async () => {
    // The recipient's system judges the date against its own; the gateway's finding goes along in the report.
    const text = fixture('jw301/valid-specific-hours-per-week-after-vot.xml')
      .toString()
      .replace(/<ijw:Dagtekening>[^<]*</, '<ijw:Dagtekening>2099-12-31<')
      .replace(/<ijw:Identificatie>[^<]*</, '<ijw:Identificatie>FUT-301-01<');
    expect(text).toContain('<ijw:Dagtekening>2099-12-31<');
    const r = await gw.post(KEY.ede, Buffer.from(text));
    const body = r.json();
    expect(body).toMatchObject({ outcome: 'accepted', antwoord: null, ontvanger: 'aanbieder:98041733' });
    expect(body.fouten).toContainEqual(expect.objectContaining({ code: 'TR135', retourcode: '8848' }));
    expect(await mailboxTypes(gw, KEY.jgv)).toContainEqual(expect.objectContaining({ bericht: body.id, type: 'JW301' }));
    expect(await mailboxTypes(gw, KEY.ede)).toEqual([]);
  });

  it('still answers for recipients without the setting', async () => {
    const r = await gw.post(KEY.veenendaal, fixture('jw301/cd007-interpreter-without-taal.xml'));
    expect(r.json()).toMatchObject({ outcome: 'rejected', antwoord: { type: 'JW302' } });
  });
});
