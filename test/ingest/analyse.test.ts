/**
 * analyse(): bytes in, report, header, correlation keys and the gateway's own answer out. The
 * answers it writes must themselves be valid iJw messages.
 */
import { describe, expect, it } from 'vitest';
import { analyse, carriesRetourCodes, type Analysis, type AnalyseOptions } from '../../src/ingest/analyse.js';
import { MESSAGE_TYPES, MESSAGES } from '../../src/standard/catalogue.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import { fixture } from '../support/fixtures.js';

const options: AnalyseOptions = {
  schemas: SchemaSet.ours().compileAll(),
  maxBytes: DEFAULT_MAX_BYTES,
  rules: { xsdVersies: { basisschema: ['0.1.0', '1.0.0'], bericht: ['0.1.0', '1.0.0'] } },
  answerId: 'G0000TEST001',
  today: '2026-12-31',
};

function run(name: string | Buffer, extra: Partial<AnalyseOptions> = {}): Promise<Analysis> {
  return analyse(typeof name === 'string' ? fixture(name) : name, { ...options, ...extra });
}

describe('analyse', async () => {
  it('reads the header and offers the keys later messages refer to', async () => {
    const a = await run('jw315/valid-two-products-huisarts-referral.xml');
    expect(a.result.valid).toBe(true);
    expect(a.header).toEqual({ afzender: '98041733', ontvanger: '0228', identificatie: 'JGV-315-0001', dagtekening: expect.any(String), identificatieRetour: null });
    expect(a.offers).toEqual(['heen:JW315:98041733:JGV-315-0001', 'verzoek:98041733:JGV-R-2026-0001', 'verzoek:98041733:JGV-R-2026-0002']);
    expect(a.references).toEqual([]);
    expect(a.answer).toBeNull();
  });

  it('links a JW301 to the request it answers, a retour to its heen-bericht and a JW325 to its JW323', async () => {
    expect((await run('jw301/valid-specific-hours-per-week-after-vot.xml')).references).toEqual([{ kind: 'answers', key: 'verzoek:98041733:JGV-R-2026-0001' }]);
    const jw302 = await run('jw302/valid-accepted-specific-after-vot.xml');
    expect(jw302.header?.identificatieRetour).toBe('JGV-302-0001');
    expect(jw302.offers).toEqual(['retour:JW302:98041733:JGV-302-0001']);
    expect(jw302.references).toEqual([{ kind: 'retour-of', key: 'heen:JW301:0228:EDE-301-0001' }]);
    expect((await run('jw319/valid-vot-product-rejected-contract.xml')).references).toContainEqual({ kind: 'answers', key: 'verzoek:98041733:JGV-R-2026-0002' });
    expect((await run('jw325/valid-fully-approved-february.xml')).references).toEqual([{ kind: 'declaratie-antwoord', key: 'heen:JW323:98041733:JGV-323-0001' }]);
  });

  it('collects the retourcodes a retour carries', async () => {
    expect((await run('jw302/valid-rejected-9332-client-copied.xml')).retourcodes).toEqual(expect.arrayContaining(['9332']));
    expect((await run('jw325/valid-partly-rejected-march-9321.xml')).retourcodes).toEqual(expect.arrayContaining(['9321']));
    expect((await run('jw301/valid-aspecific-etmaal-euro-total.xml')).retourcodes).toEqual([]);
  });

  it('looks for retourcodes in exactly the types whose schema has them: the retours and JW325', () => {
    const expected = MESSAGE_TYPES.filter((t) => MESSAGES[t].kind === 'retour' || t === 'JW325');
    expect(expected).toHaveLength(7);
    expect(MESSAGE_TYPES.filter(carriesRetourCodes)).toEqual(expected);
  });

  it('answers a rule-breaking JW301 with a header-only JW302 (0001, XsltVersie) that is itself valid', async () => {
    const a = await run('jw301/cd005-landcode-without-postcode.xml');
    expect(a.answer).toMatchObject({ type: 'JW302', retourcodes: ['0001'] });
    expect(a.answer!.xml).toContain('<jw302:IdentificatieRetour>G0000TEST001</jw302:IdentificatieRetour>');
    expect(a.answer!.xml).toContain('<jw302:DagtekeningRetour>2026-12-31</jw302:DagtekeningRetour>');
    expect(a.answer!.xml).toContain('<jw302:XsltVersie>');
    const check = await run(Buffer.from(a.answer!.xml));
    expect(check.result).toMatchObject({ type: 'JW302', xsdValid: true, valid: true });
  });

  it('answers a rule-breaking JW323 with a header-only JW325 that turns the header round', async () => {
    const a = await run('jw323/cs337-productperiode-across-two-months.xml');
    expect(a.answer).toMatchObject({ type: 'JW325', retourcodes: ['0001'] });
    expect(a.answer!.xml).toMatch(/<jw325:Afzender>0228<\/jw325:Afzender>\s*<jw325:Ontvanger>98041733<\/jw325:Ontvanger>/);
    expect((await run(Buffer.from(a.answer!.xml))).result).toMatchObject({ type: 'JW325', xsdValid: true, valid: true });
  });

  it('answers with the header codes it is given (9056 for a reused Identificatie), also for a valid message', async () => {
    const a = await run('jw301/valid-specific-hours-per-week-after-vot.xml', { headerCodes: ['9056'] });
    expect(a.answer).toMatchObject({ type: 'JW302', retourcodes: ['9056'] });
    expect(a.answer!.xml).toMatch(/<jw302:RetourCodes>\s*<jw302:RetourCode>9056<\/jw302:RetourCode>\s*<\/jw302:RetourCodes>\s*<\/jw302:Header>/);
    expect(a.answer!.xml).not.toContain('XsltVersie');
    expect((await run(Buffer.from(a.answer!.xml))).result.valid).toBe(true);
  });

  it('answers a message with a byte order mark (forbidden, but checkable) with 0001', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('jw301/valid-specific-hours-per-week-after-vot.xml')]);
    const a = await run(bom);
    expect(a.result).toMatchObject({ xsdValid: true, valid: false });
    expect(a.result.fouten.map((f) => f.code)).toEqual(['BOM']);
    expect(a.answer).toMatchObject({ type: 'JW302', retourcodes: ['0001'] });
  });

  it('never answers a retour, however broken', async () => {
    const a = await run('jw302/iv028-0001-with-header-error.xml');
    expect(a.result.valid).toBe(false);
    expect(a.answer).toBeNull();
  });

  it('returns no header for schema-invalid or hostile input', async () => {
    for (const name of ['jw301/xsd-bsn-8-digits.xml', 'hostile/doctype-billion-laughs.xml', 'hostile/empty.xml']) {
      const a = await run(name);
      expect(a.result.xsdValid, name).toBe(false);
      expect(a).toMatchObject({ header: null, offers: [], references: [], answer: null });
    }
  });
});
