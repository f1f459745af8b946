/**
 * End to end: a start that breaks a start/stop rule is answered with a JW306 that carries the
 * retourcode on the StartProduct concerned and 0200 on the others, valid against our schemas and
 * a true copy of the JW305; the JW305 is not forwarded and adds nothing to the ledger.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRetourPair } from '../../../src/retour/pair.js';
import { checkWithLibxml2 } from '../../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../../src/validate/preflight.js';
import { DEFAULT_RULE_OPTIONS } from '../../../src/validate/rules/run.js';
import { SchemaSet } from '../../../src/validate/schema-set.js';
import { fixture } from '../../support/fixtures.js';
import { KEY, startTestGateway, type TestGateway } from '../../support/gateway.js';
import { hasShared, officialXsdDir } from '../../support/paths.js';

const settings = { schemas: SchemaSet.ours(), maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };
const official = hasShared ? SchemaSet.fromDir(officialXsdDir, 'official') : undefined;

/** JW305 JGV-305-0001 (start of 2026-02-02 on 22800101) with a second start of 2026-02-03 under a new Identificatie. */
function twoStarts(): Buffer {
  const one = fixture('jw305/valid-start-specific-hours.xml').toString('utf8');
  const line = /<jw305:StartProduct>[\s\S]*?<\/jw305:StartProduct>/.exec(one)![0];
  return Buffer.from(
    one.replace('<ijw:Identificatie>JGV-305-0001<', '<ijw:Identificatie>JGV-305-9483<').replace(line, `${line}\n      ${line.replace('2026-02-02', '2026-02-03')}`),
  );
}

function starts(gw: TestGateway): number {
  const db = new Database(join(gw.dataDir, 'ijw-gateway.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM levering_starts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a start/stop rule violation over HTTP', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => gw.close());

  it('answers with a JW306 carrying 9326 on the second start only', async () => {
    expect((await gw.post(KEY.jgv, fixture('jw315/valid-two-products-huisarts-referral.xml'))).json()).toMatchObject({ outcome: 'accepted' });
    expect((await gw.post(KEY.ede, fixture('jw301/valid-specific-hours-per-week-after-vot.xml'))).json()).toMatchObject({ outcome: 'accepted' });

    const bytes = twoStarts();
    const body = (await gw.post(KEY.jgv, bytes)).json();
    expect(body).toMatchObject({ outcome: 'rejected', type: 'JW305', antwoord: { type: 'JW306', retourcodes: ['9326'] } });
    expect(JSON.stringify(body)).not.toContain('999936669');
    expect(starts(gw)).toBe(0);

    const item = ((await gw.get('/mailbox', KEY.jgv)).json().berichten as { id: number; bericht: string }[]).find((m) => m.bericht === body.antwoord.id);
    const xml = (await gw.get(`/mailbox/${item!.id}`, KEY.jgv)).bytes;
    const retour = checkWithLibxml2(xml, settings);
    expect(retour.result.fouten).toEqual([]);
    if (official !== undefined) expect(checkWithLibxml2(xml, { ...settings, schemas: official }).result.xsdValid).toBe(true);
    expect(checkRetourPair(checkWithLibxml2(bytes, settings).checked!, retour.checked!)).toEqual([]);
    const lines = (retour.checked!.message as unknown as { Client: { StartProducten: { StartProduct: { Begindatum: string; RetourCodes: { RetourCode: string[] } }[] } } }).Client
      .StartProducten.StartProduct;
    expect(lines.map((p) => [p.Begindatum, p.RetourCodes.RetourCode])).toEqual([
      ['2026-02-02', ['0200']],
      ['2026-02-03', ['9326']],
    ]);

    // The first start alone is admitted and enters the ledger.
    expect((await gw.post(KEY.jgv, fixture('jw305/valid-start-specific-hours.xml'))).json()).toMatchObject({ outcome: 'accepted' });
    expect(starts(gw)).toBe(1);
  });
});
