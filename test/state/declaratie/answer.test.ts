/**
 * The JW325 the gateway writes (state/declaratie/answer.ts): for every kind of finding it passes our
 * schemas and in-message rules (IV087, TR342 among them), the official schemas, and the pair check
 * against its JW323: the claim ledger's own JW325 rules (TR337, TR366, TR367, TR371, TR376) admit
 * it as the answer to that claim.
 */
import { describe, expect, it } from 'vitest';
import { localAnalyser } from '../../../src/ingest/pool.js';
import { buildJw325, findingsOf } from '../../../src/state/declaratie/answer.js';
import { declaratieGroup, LEDGER_RULES } from '../../../src/state/declaratie/index.js';
import { extractFacts, type Jw323Facts } from '../../../src/state/facts.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { checkWithLibxml2 } from '../../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../../src/validate/preflight.js';
import type { Fout } from '../../../src/validate/report.js';
import { DEFAULT_RULE_OPTIONS, type CheckedMessage } from '../../../src/validate/rules/run.js';
import { SchemaSet } from '../../../src/validate/schema-set.js';
import { bericht } from '../../support/bericht.js';
import { fixture } from '../../support/fixtures.js';
import { hasShared, officialXsdDir, warnIfNoShared } from '../../support/paths.js';

const ours = SchemaSet.ours();
const official = hasShared ? SchemaSet.fromDir(officialXsdDir, 'official') : undefined;
warnIfNoShared('declaratie answer: official-schema checks');
const settings = { schemas: ours, maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };
const IDS = { identificatie: 'G0TEST000001', dagtekening: '2026-04-14' };

const FEBRUARY = 'jw323/valid-february-single-client.xml';
const MARCH = 'jw323/valid-march-three-clients-with-credit.xml';

function facts323(name: string): Jw323Facts {
  const c = checkWithLibxml2(fixture(name), settings).checked;
  if (c === null) throw new Error(`${name} is not schema-valid`);
  return extractFacts(c) as Jw323Facts;
}

function fout(location: string, retourcode: string): Fout {
  return { code: 'TEST', retourcode, location, line: 0, message: 'test', detail: 'test' };
}

/** Passes our schemas and every in-message rule, and the official schemas. */
function sound(xml: string): CheckedMessage<'JW325'> {
  const bytes = Buffer.from(xml);
  const r = checkWithLibxml2(bytes, settings);
  expect(r.result.fouten, xml).toEqual([]);
  if (official !== undefined) expect(checkWithLibxml2(bytes, { ...settings, schemas: official }).result.xsdValid, xml).toBe(true);
  expect(r.checked?.type).toBe('JW325');
  return r.checked as CheckedMessage<'JW325'>;
}

/**
 * The pair check: the claim ledger with only its own rules (no toewijzingen needed) admits the
 * February claim and its approval, then `claim`, then our JW325 on it as a gemeente's answer.
 */
async function pairViolations(claim: string, xml: string): Promise<Fout[]> {
  const analyser = localAnalyser({ maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS });
  const store = new SqliteStore({ path: ':memory:', checker: { groups: [{ ...declaratieGroup, rules: [...LEDGER_RULES] }] } });
  try {
    let n = 0;
    const send = async (bytes: Uint8Array) => {
      const a = await analyser.analyse({ bytes, answerId: 'ANTW-1', today: '2026-12-31' });
      if (a.header === null || a.facts === null) throw new Error(a.result.fouten.map((f) => `${f.code} ${f.detail}`).join('; '));
      const day = a.header.dagtekening;
      const record = bericht(`b${++n}`, {
        type: a.result.type,
        afzender: a.header.afzender,
        ontvanger: a.header.ontvanger,
        identificatie: a.header.identificatie,
        dagtekening: day,
        offers: a.offers,
        references: a.references,
      });
      return store.admit({ record, facts: a.facts, today: day });
    };
    const before = claim === FEBRUARY ? [] : [fixture(FEBRUARY), fixture('jw325/valid-fully-approved-february.xml')];
    for (const bytes of [...before, fixture(claim)]) expect((await send(bytes)).violations).toEqual([]);
    return [...(await send(Buffer.from(xml))).violations];
  } finally {
    store.close();
  }
}

describe('the JW325 the gateway writes', () => {
  it('approves a claim without findings as a whole: 8001, granted = submitted, no clients', async () => {
    const facts = facts323(MARCH);
    const built = buildJw325(facts, [], IDS);
    const m = sound(built.xml).message;
    expect(built).toMatchObject({ retourcodes: ['8001'], whole: false });
    expect(built.rejected.size).toBe(0);
    expect(m.Header.RetourCodes.RetourCode).toEqual(['0200']);
    expect(m.Header.DeclaratieIdentificatie).toMatchObject({ Identificatie: 'JGV-323-0002', Dagtekening: '2026-04-07' });
    expect(m.Header).toMatchObject({ Afzender: '0228', Ontvanger: '98041733' });
    expect(m.DeclaratieAntwoord?.RetourCodes.RetourCode).toEqual(['8001']);
    expect(m.DeclaratieAntwoord?.TotaalToegekendBedrag.TotaalBedrag).toBe('425350');
    expect(m.DeclaratieAntwoord?.Clienten).toBeUndefined();
    expect(await pairViolations(MARCH, built.xml)).toEqual([]);
  });

  it('returns only the rejected prestaties with their codes, under their client (0200), and grants the rest', async () => {
    const facts = facts323(MARCH);
    const [first, second] = facts.clienten;
    const rejectedDebet = first!.prestaties[2]!; // JGV-P-2026-000004, 204100 D
    const rejectedCredit = first!.prestaties[0]!; // JGV-P-2026-000002, 109900 C
    const built = buildJw325(facts, [fout(rejectedDebet.path, '9321'), fout(rejectedDebet.path, '9322'), fout(rejectedCredit.path, '8017')], IDS);
    const m = sound(built.xml).message;
    expect(new Set(built.retourcodes)).toEqual(new Set(['9321', '9322', '8017']));
    expect([...built.rejected].sort()).toEqual(['JGV-P-2026-000002', 'JGV-P-2026-000004']);
    const a = m.DeclaratieAntwoord!;
    expect(a.RetourCodes.RetourCode).toEqual(['0200']);
    // 425350 submitted; the rejected debet (204100) is not granted, the rejected credit (−109900) not deducted.
    expect(a.TotaalToegekendBedrag).toMatchObject({ TotaalBedrag: String(425350 - 204100 + 109900), DebetCredit: 'D' });
    expect(a.Clienten?.Client.map((c) => c.Bsn)).toEqual([first!.bsn]);
    const returned = a.Clienten!.Client[0]!;
    expect(returned.RetourCodes.RetourCode).toEqual(['0200']);
    expect(returned.Prestaties.Prestatie.map((p) => [p.ProductReferentie.ReferentieNummer, p.RetourCodes.RetourCode])).toEqual([
      ['JGV-P-2026-000002', ['8017']],
      ['JGV-P-2026-000004', ['9321', '9322']],
    ]);
    expect(second).toBeDefined();
    expect(await pairViolations(MARCH, built.xml)).toEqual([]);
  });

  it('rejects a client as a whole with its code and every prestatie of it 0233', async () => {
    const facts = facts323(MARCH);
    const client = facts.clienten[1]!;
    const built = buildJw325(facts, [fout(client.path, '8187')], IDS);
    const a = sound(built.xml).message.DeclaratieAntwoord!;
    expect(a.Clienten?.Client).toHaveLength(1);
    expect(a.Clienten!.Client[0]!.RetourCodes.RetourCode).toEqual(['8187']);
    expect(a.Clienten!.Client[0]!.Prestaties.Prestatie.map((p) => p.RetourCodes.RetourCode)).toEqual(client.prestaties.map(() => ['0233']));
    expect(built.rejected.size).toBe(client.prestaties.length);
    expect(await pairViolations(MARCH, built.xml)).toEqual([]);
  });

  it('rejects every prestatie of a claim: granted 0', async () => {
    const facts = facts323(FEBRUARY);
    const built = buildJw325(facts, [fout(facts.clienten[0]!.prestaties[0]!.path, '9338')], IDS);
    const a = sound(built.xml).message.DeclaratieAntwoord!;
    expect(a.TotaalToegekendBedrag).toMatchObject({ TotaalBedrag: '0', DebetCredit: 'D' });
    expect(await pairViolations(FEBRUARY, built.xml)).toEqual([]);
  });

  it('rejects the claim as a whole on a Declaratie finding: that code, granted 0, no clients', () => {
    const facts = facts323(MARCH);
    const built = buildJw325(facts, [fout(facts.declaratie.path, '9333'), fout(facts.clienten[0]!.prestaties[1]!.path, '9321')], IDS);
    const m = sound(built.xml).message;
    expect(built).toMatchObject({ whole: true, retourcodes: ['9333'] });
    expect(m.Header.RetourCodes.RetourCode).toEqual(['0200']);
    expect(m.DeclaratieAntwoord).toMatchObject({ DeclaratieNummer: 'JGV2026D0002', RetourCodes: { RetourCode: ['9333'] } });
    expect(m.DeclaratieAntwoord?.TotaalToegekendBedrag.TotaalBedrag).toBe('0');
    expect(m.DeclaratieAntwoord?.Clienten).toBeUndefined();
  });

  it('answers a header finding with the header only', () => {
    const facts = facts323(FEBRUARY);
    const built = buildJw325(facts, [fout('/jw323:Bericht/jw323:Header', '9056')], IDS);
    const m = sound(built.xml).message;
    expect(built).toMatchObject({ whole: true, retourcodes: ['9056'] });
    expect(m.Header.RetourCodes.RetourCode).toEqual(['9056']);
    expect(m.DeclaratieAntwoord).toBeUndefined();
  });

  it('is caught by the pair check when it does not copy its claim', async () => {
    const facts = facts323(FEBRUARY);
    const built = buildJw325(facts, [fout(facts.clienten[0]!.prestaties[0]!.path, '9338')], IDS);
    const wrong = built.xml.replace('<jw325:DeclaratieNummer>JGV2026D0001<', '<jw325:DeclaratieNummer>JGV2026D0009<').replace('<jw325:GeleverdVolume>14<', '<jw325:GeleverdVolume>15<');
    expect((await pairViolations(FEBRUARY, wrong)).map((v) => v.code).sort()).toEqual(['TR367', 'TR376']);
  });

  it('sorts findings onto the classes their XPath names', () => {
    const facts = facts323(MARCH);
    const p = facts.clienten[0]!.prestaties[0]!;
    const f = findingsOf(facts, [fout(p.path, '9321'), fout(facts.clienten[2]!.path, '8187'), fout(facts.declaratie.path, '8214'), fout('/', '9056')]);
    expect(f.prestaties.get(p.path)).toEqual(['9321']);
    expect(f.clients.get(facts.clienten[2]!.path)).toEqual(['8187']);
    expect(f.declaratie).toEqual(['8214']);
    expect(f.header).toEqual(['9056']);
  });
});
