/**
 * A message that passes its own rules but breaks one that needs earlier messages, end to end: the
 * gateway answers with the retour that carries the code on the class concerned, forwards nothing
 * and keeps the state as it was; the same message is forwarded with its findings to a recipient
 * that judges for itself.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRetourPair } from '../../src/retour/pair.js';
import { checkWithLibxml2 } from '../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import { fixture } from '../support/fixtures.js';
import { KEY, mappingsCopy, party, startTestGateway, type TestGateway } from '../support/gateway.js';
import { hasShared, officialXsdDir } from '../support/paths.js';

const VOT = 'jw315/valid-two-products-huisarts-referral.xml'; // JGV → Ede, client 999936669
const TOEWIJZING = 'jw301/valid-specific-hours-per-week-after-vot.xml'; // 22800101 for that client
const REUSED = 'jw301/valid-reused-toewijzingnummer-9332.xml'; // 22800101 again, for another client

const settings = { schemas: SchemaSet.ours(), maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };
const official = hasShared ? SchemaSet.fromDir(officialXsdDir, 'official') : undefined;

function rows<T>(gw: TestGateway, sql: string): T[] {
  const db = new Database(join(gw.dataDir, 'ijw-gateway.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function inbox(gw: TestGateway, key: string): Promise<{ id: number; bericht: string; type: string }[]> {
  return (await gw.get('/mailbox', key)).json().berichten;
}

// The same, with each message analysed and stored on the HTTP thread's side (IJW_WORKERS=0, the tests'
// default) and on two ingest threads with a write connection each (IJW_WORKERS=2, a production setup).
describe.each([['0'], ['2']])('cross-message rule violations over HTTP (IJW_WORKERS=%s)', (workers) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { IJW_WORKERS: workers } });
  });
  afterAll(async () => gw.close());

  it('answers a reused ToewijzingNummer with a JW302 carrying 9332 on that product, and forwards nothing', async () => {
    expect((await gw.post(KEY.jgv, fixture(VOT))).json()).toMatchObject({ outcome: 'accepted' });
    expect((await gw.post(KEY.ede, fixture(TOEWIJZING))).json()).toMatchObject({ outcome: 'accepted' });
    const before = rows<{ n: number }>(gw, 'SELECT COUNT(*) AS n FROM toewijzingen')[0]!.n;

    const r = await gw.post(KEY.ede, fixture(REUSED));
    expect(r.status).toBe(202);
    const body = r.json();
    expect(body).toMatchObject({ outcome: 'rejected', type: 'JW301', antwoord: { type: 'JW302', retourcodes: ['9332'] } });
    expect(body.fouten).toContainEqual(expect.objectContaining({ code: 'TR332', retourcode: '9332' }));
    expect(JSON.stringify(body)).not.toContain('999996435');

    const item = (await inbox(gw, KEY.ede)).find((m) => m.bericht === body.antwoord.id);
    expect(item?.type).toBe('JW302');
    expect((await inbox(gw, KEY.jgv)).map((m) => m.bericht)).not.toContain(body.id);

    const xml = (await gw.get(`/mailbox/${item!.id}`, KEY.ede)).bytes;
    const retour = checkWithLibxml2(xml, settings);
    expect(retour.result.fouten).toEqual([]);
    if (official !== undefined) expect(checkWithLibxml2(xml, { ...settings, schemas: official }).result.xsdValid).toBe(true);
    const heen = checkWithLibxml2(fixture(REUSED), settings).checked!;
    expect(checkRetourPair(heen, retour.checked!)).toEqual([]);
    const products = (retour.checked!.message as unknown as { Client: { ToegewezenProducten: { ToegewezenProduct: { ToewijzingNummer: string; RetourCodes: { RetourCode: string[] } }[] } } })
      .Client.ToegewezenProducten.ToegewezenProduct;
    expect(products.map((p) => [p.ToewijzingNummer, p.RetourCodes.RetourCode])).toEqual([
      ['22800101', ['9332']],
      ['22800601', ['0200']],
    ]);

    // Counts as not sent: nothing of it entered the state.
    expect(rows<{ n: number }>(gw, 'SELECT COUNT(*) AS n FROM toewijzingen')[0]!.n).toBe(before);
    expect((await gw.get(`/berichten/${body.id}`, KEY.ede)).json()).toMatchObject({ status: 'rejected', deliveries: [] });
  });

  it('forwards the message with its findings to a recipient that judges for itself, and keeps the state unchanged', async () => {
    const mappingsDir = mappingsCopy((parties) => {
      party(parties, 'aanbieder:98041733').forwardRejected = true;
    });
    const judge = await startTestGateway({ mappingsDir, env: { IJW_WORKERS: workers } });
    try {
      await judge.post(KEY.jgv, fixture(VOT));
      await judge.post(KEY.ede, fixture(TOEWIJZING));
      const r = (await judge.post(KEY.ede, fixture(REUSED))).json();
      expect(r).toMatchObject({ outcome: 'accepted', antwoord: null });
      expect(r.fouten).toContainEqual(expect.objectContaining({ code: 'TR332' }));
      expect((await inbox(judge, KEY.jgv)).map((m) => m.bericht)).toContain(r.id);
      expect(rows<{ n: number }>(judge, "SELECT COUNT(*) AS n FROM toewijzingen WHERE nummer = '22800601'")[0]!.n).toBe(0);
    } finally {
      await judge.close();
    }
  });
});

// xs:date takes years of five digits: such a toewijzing is schema-valid and breaks no rule, and the
// claims against it must still be judged (they were once answered 500 IJW_ERR_INTERNAL, each time).
describe.each([['0'], ['2']])('a toewijzing that ends in a five-digit year, over HTTP (IJW_WORKERS=%s)', (workers) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { IJW_WORKERS: workers } });
  });
  afterAll(async () => gw.close());

  it('accepts it and judges a later claim against it as against a toewijzing that runs on', async () => {
    const until22026 = fixture(TOEWIJZING).toString('utf8').replace('<jw301:Einddatum>2026-07-31<', '<jw301:Einddatum>22026-07-31<');
    expect(until22026).toContain('22026-07-31');
    expect((await gw.post(KEY.jgv, fixture(VOT))).json()).toMatchObject({ outcome: 'accepted' });
    expect((await gw.post(KEY.ede, Buffer.from(until22026))).json()).toMatchObject({ outcome: 'accepted' });
    const claim = await gw.post(KEY.jgv, fixture('sequences/tr321/ok-20-hours-in-february.xml'));
    expect(claim.status).toBe(202);
    expect(claim.json()).toMatchObject({ outcome: 'accepted', type: 'JW323', fouten: [] });
  });
});
