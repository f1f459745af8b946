/**
 * ingest(): one message from bytes to a committed answer, against a real SQLite file and the
 * sample mappings. The HTTP layer only translates what this returns.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, GATEWAY_PARTY, type IngestDeps } from '../../src/ingest/ingest.js';
import { systemIds } from '../../src/ingest/ids.js';
import { createAnalyser, type Analyser } from '../../src/ingest/pool.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import type { Party } from '../../src/mappings/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { fixture } from '../support/fixtures.js';
import { tempDir } from '../support/gateway.js';

const NOW = new Date('2026-11-02T09:30:00.000Z');

describe('ingest', () => {
  let store: SqliteStore;
  let analyser: Analyser;
  let deps: IngestDeps;
  const directory = loadMappings(defaultMappingsDir());
  const p = (id: string): Party => directory.partyById(id)!;
  const ede = p('gemeente:0228');
  const jgv = p('aanbieder:98041733');

  beforeAll(() => {
    store = new SqliteStore({ path: join(tempDir('ingest'), 'store.sqlite'), now: () => NOW });
    analyser = createAnalyser({ maxBytes: DEFAULT_MAX_BYTES, rules: { xsdVersies: { basisschema: ['0.1.0', '1.0.0'], bericht: ['0.1.0', '1.0.0'] } } }, 0);
    deps = { store, directory, analyser, ids: systemIds(), clock: () => NOW };
  });
  afterAll(async () => {
    await analyser.close();
    store.close();
  });

  const count = () => store.list({ limit: 500 }).items.length;

  it('stores an accepted message with its keys and queues it for the recipient', async () => {
    const a = await ingest(fixture('jw315/valid-two-products-huisarts-referral.xml'), jgv, deps);
    // A mailbox recipient: nothing for the pusher to do.
    expect(a).toMatchObject({ statusCode: 202, queued: true, pushQueued: false, body: { outcome: 'accepted', ontvanger: 'gemeente:0228', antwoord: null } });
    const d = store.detail(a.body.id!)!;
    expect(d).toMatchObject({ status: 'accepted', senderId: 'aanbieder:98041733', recipientId: 'gemeente:0228', receivedAt: NOW.toISOString(), identificatie: 'JGV-315-0001' });
    expect(store.mailbox('gemeente:0228', 10).map((m) => m.berichtId)).toEqual([a.body.id]);
  });

  it('says when a delivery waits for the pusher: a recipient with an endpoint', async () => {
    const xml = fixture('jw301/valid-specific-hours-per-week-after-vot.xml')
      .toString()
      .replace(/<jw301:Ontvanger>\d{8}</, '<jw301:Ontvanger>98073318<')
      .replace(/<ijw:Identificatie>[^<]*</, '<ijw:Identificatie>PUSH-0001<');
    const a = await ingest(Buffer.from(xml), ede, deps);
    expect(a).toMatchObject({ statusCode: 202, queued: true, pushQueued: true, body: { ontvanger: 'aanbieder:98073318' } });
    expect(store.duePushes(NOW.toISOString(), 10).map((d) => d.berichtId)).toContain(a.body.id);
  });

  it('stores nothing for a message the caller may not send (403)', async () => {
    const before = count();
    const a = await ingest(fixture('jw301/valid-specific-hours-per-week-after-vot.xml'), jgv, deps);
    expect(a).toMatchObject({ statusCode: 403, queued: false, body: { id: null, outcome: 'forbidden', fouten: [] } });
    expect(count()).toBe(before);
  });

  it('stores a schema-invalid message as invalid, with its type, and queues nothing (422)', async () => {
    const a = await ingest(fixture('jw301/xsd-bsn-8-digits.xml'), ede, deps);
    expect(a).toMatchObject({ statusCode: 422, queued: false, body: { outcome: 'invalid', type: 'JW301', ontvanger: null } });
    expect(a.report.xsdValid).toBe(false);
    expect(store.detail(a.body.id!)).toMatchObject({ status: 'invalid', type: 'JW301', recipientId: null, deliveries: [] });
  });

  it('answers a rule-breaking message with a generated retour queued for the sender, and does not queue the message', async () => {
    const a = await ingest(fixture('jw301/cd005-landcode-without-postcode.xml'), ede, deps);
    expect(a).toMatchObject({ statusCode: 202, queued: true, body: { outcome: 'rejected', antwoord: { type: 'JW302', retourcodes: ['0001'] } } });
    const heen = store.detail(a.body.id!)!;
    expect(heen).toMatchObject({ status: 'rejected', recipientId: 'aanbieder:98041733', deliveries: [] });
    const retour = store.detail(a.body.antwoord!.id)!;
    expect(retour).toMatchObject({
      type: 'JW302',
      origin: 'generated',
      status: 'generated',
      senderId: GATEWAY_PARTY,
      recipientId: 'gemeente:0228',
      afzender: '0228',
      ontvanger: '98041733',
      retourcodes: ['0001'],
      related: [{ id: heen.id, kind: 'generated-for', direction: 'to', type: 'JW301' }],
    });
    expect(retour.deliveries).toMatchObject([{ partyId: 'gemeente:0228', mode: 'mailbox', state: 'pending' }]);
  });

  it('answers a rejected JW323 with a JW325 whose header is turned round', async () => {
    const a = await ingest(fixture('jw323/cs337-productperiode-across-two-months.xml'), jgv, deps);
    const retour = store.detail(a.body.antwoord!.id)!;
    expect(retour).toMatchObject({ type: 'JW325', afzender: '0228', ontvanger: '98041733', recipientId: 'aanbieder:98041733' });
  });

  it('answers a message to a gemeentecode that does not exist (TR378) with S300 to the sender', async () => {
    const bytes = Buffer.from(
      fixture('jw315/valid-generic-budget-gi-referral.xml').toString().replace('<jw315:Ontvanger>0228</jw315:Ontvanger>', '<jw315:Ontvanger>0999</jw315:Ontvanger>'),
    );
    expect(bytes.toString()).toContain('<jw315:Ontvanger>0999<');
    const a = await ingest(bytes, jgv, deps);
    expect(a).toMatchObject({ statusCode: 202, body: { outcome: 'rejected', ontvanger: null, antwoord: { type: 'JW316', retourcodes: ['S300'] } } });
    expect(a.body.fouten).toContainEqual(expect.objectContaining({ code: 'TR378', retourcode: 'S300' }));
    expect(store.detail(a.body.id!)).toMatchObject({ status: 'rejected', recipientId: null, deliveries: [] });
    expect(store.body(a.body.antwoord!.id)!.toString()).toContain('<jw316:RetourCode>S300</jw316:RetourCode>');
  });

  it('repeats the first answer for an identical resend, stores nothing and queues nothing', async () => {
    const bytes = fixture('jw315/valid-aspecific-budget-with-beschikking.xml');
    const first = await ingest(bytes, jgv, deps);
    const before = count();
    const again = await ingest(bytes, jgv, deps);
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toEqual(first.body);
    expect(again.queued).toBe(false);
    expect(count()).toBe(before);
  });

  it('treats the Identificatie as the Afzender\'s: an intermediary resending for the aanbieder gets the same answer', async () => {
    const bytes = fixture('jw315/valid-unknown-birthday-veenendaal.xml');
    const first = await ingest(bytes, p('aanbieder:98062519'), deps);
    const viaBrug = await ingest(bytes, p('intermediair:berichtenbrug'), deps);
    expect(viaBrug.body).toEqual(first.body);
  });

  it('refuses other content under a used Identificatie (409, TR056) with a 9056 retour and a link to the first', async () => {
    // The VOW changes toewijzing 22800501, which comes first with the VOT it honours (TR349–TR351,
    // TR379); the VOT under an Identificatie of its own, as JGV-315-0003 went to gemeente 0999 above.
    const vot = fixture('jw315/valid-generic-budget-gi-referral.xml').toString().replace('JGV-315-0003', 'JGV-315-0903');
    expect((await ingest(Buffer.from(vot), jgv, deps)).body.outcome).toBe('accepted');
    expect((await ingest(fixture('jw301/valid-generic-budget-guardian-organisation.xml'), ede, deps)).body.outcome).toBe('accepted');
    const name = 'jw317/valid-raise-generic-budget.xml';
    const first = await ingest(fixture(name), jgv, deps);
    expect(first.body.outcome).toBe('accepted');
    const other = await ingest(Buffer.concat([fixture(name), Buffer.from('\n')]), jgv, deps);
    expect(other).toMatchObject({ statusCode: 409, queued: true, body: { outcome: 'conflict', antwoord: { type: 'JW318', retourcodes: ['9056'] } } });
    expect(store.detail(other.body.id!)).toMatchObject({
      status: 'conflict',
      deliveries: [],
      related: expect.arrayContaining([{ id: first.body.id, kind: 'conflicts-with', direction: 'to', type: 'JW317' }]),
    });
    // Sending the conflicting message again is again a conflict; the first sending is untouched.
    const third = await ingest(Buffer.concat([fixture(name), Buffer.from('\n')]), jgv, deps);
    expect(third.statusCode).toBe(409);
    expect(store.detail(first.body.id!)!.status).toBe('accepted');
  });

  it('keeps one message when identical sendings race past the look-up', async () => {
    const bytes = fixture('jw317/valid-extend-etmaal-and-euro-total.xml');
    const answers = await Promise.all(Array.from({ length: 6 }, () => ingest(bytes, jgv, deps)));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.queued)).toHaveLength(1);
    expect(store.list({ limit: 500 }).items.filter((b) => b.identificatie === 'JGV-317-0001')).toHaveLength(1);
  });

  it('accepts one and refuses the other when different messages with one Identificatie race', async () => {
    // The start needs its toewijzing (TR019); the VOT it honours was sent in the first test.
    expect((await ingest(fixture('jw301/valid-specific-hours-per-week-after-vot.xml'), ede, deps)).body.outcome).toBe('accepted');
    const name = 'jw305/valid-start-specific-hours.xml';
    const [a, b] = await Promise.all([ingest(fixture(name), jgv, deps), ingest(Buffer.concat([fixture(name), Buffer.from(' ')]), jgv, deps)]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([202, 409]);
    expect([a!, b!].find((x) => x.statusCode === 202)!.body.outcome).toBe('accepted');
  });

  it('forwards a retour as it is: a retour is never answered, even a broken one', async () => {
    const a = await ingest(fixture('jw302/iv028-0001-with-header-error.xml'), jgv, deps);
    expect(a).toMatchObject({ statusCode: 202, body: { outcome: 'accepted', ontvanger: 'gemeente:0228', antwoord: null } });
    expect(a.body.fouten.length).toBeGreaterThan(0);
  });

  // Last: the messages these take in change the state the tests above expect.
  /** A fixture dated `dagtekening`, with an Identificatie of its own. */
  function dated(name: string, dagtekening: string, identificatie: string): Buffer {
    const text = fixture(name)
      .toString()
      .replace(/<ijw:Dagtekening>[^<]*</, `<ijw:Dagtekening>${dagtekening}<`)
      .replace(/<ijw:Identificatie>[^<]*</, `<ijw:Identificatie>${identificatie}<`);
    expect(text).toContain(`<ijw:Dagtekening>${dagtekening}<`);
    return Buffer.from(text);
  }

  it('answers a message dated after the gateway\'s day (TR135) with 8848 in the header, and does not forward it', async () => {
    // NOW is 2026-11-02 09:30 UTC, 10:30 in Amsterdam.
    const a = await ingest(dated('jw315/valid-generic-budget-gi-referral.xml', '2026-11-03', 'FUT-315-01'), jgv, deps);
    expect(a).toMatchObject({ statusCode: 202, body: { outcome: 'rejected', ontvanger: 'gemeente:0228', antwoord: { type: 'JW316', retourcodes: ['8848'] } } });
    expect(a.body.fouten).toEqual([expect.objectContaining({ code: 'TR135', retourcode: '8848', location: '/' })]);
    expect(store.detail(a.body.id!)).toMatchObject({ status: 'rejected', deliveries: [] });
    const retour = store.body(a.body.antwoord!.id)!.toString();
    expect(retour).toContain('<jw316:RetourCode>8848</jw316:RetourCode>');
    // Header only: the client is not copied.
    expect(retour).not.toContain('<jw316:Client>');
    // Kept like any rejected message: the identical resend gets the same answer, even once the day has come.
    const again = await ingest(dated('jw315/valid-generic-budget-gi-referral.xml', '2026-11-03', 'FUT-315-01'), jgv, { ...deps, clock: () => new Date('2026-11-04T09:00:00Z') });
    expect(again.body).toEqual(a.body);
  });

  it('takes a message dated on the gateway\'s day, and judges a year beyond 9999 as after it', async () => {
    const today = await ingest(dated('jw315/valid-generic-budget-gi-referral.xml', '2026-11-02', 'FUT-315-02'), jgv, deps);
    expect(today.body.fouten.map((f) => f.code)).not.toContain('TR135');
    const far = await ingest(dated('jw315/valid-generic-budget-gi-referral.xml', '12026-01-01', 'FUT-315-03'), jgv, deps);
    expect(far.body.antwoord?.retourcodes).toEqual(['8848']);
  });

  it('answers the message\'s own rules first: a message that breaks one is answered with 0001, dated in the future or not', async () => {
    const a = await ingest(dated('jw301/cd005-landcode-without-postcode.xml', '2026-12-01', 'FUT-301-02'), ede, deps);
    expect(a.body.antwoord?.retourcodes).toEqual(['0001']);
    expect(a.body.fouten.map((f) => f.code)).toEqual(['CD005']);
  });

  it('answers a JW323 dated after the gateway\'s day with a header-only JW325 carrying 8848', async () => {
    const a = await ingest(dated('jw323/valid-february-single-client.xml', '2026-12-01', 'FUT-323-01'), jgv, deps);
    expect(a).toMatchObject({ statusCode: 202, body: { outcome: 'rejected', antwoord: { type: 'JW325', retourcodes: ['8848'] } } });
    expect(store.body(a.body.antwoord!.id)!.toString()).toMatch(/<jw325:RetourCode>8848<\/jw325:RetourCode>/);
  });

  it('refuses a JW325 dated after the gateway\'s day: it has no retour, so the answer is the HTTP one', async () => {
    const a = await ingest(dated('jw325/valid-fully-approved-february.xml', '2026-12-01', 'FUT-325-01'), ede, deps);
    expect(a).toMatchObject({ statusCode: 202, queued: false, body: { outcome: 'rejected', antwoord: null } });
    expect(a.body.fouten).toEqual([expect.objectContaining({ code: 'TR135', retourcode: '8848' })]);
    expect(store.detail(a.body.id!)).toMatchObject({ status: 'rejected', deliveries: [] });
  });
});
