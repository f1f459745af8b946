import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildRetour, NoRetourError } from '../../src/retour/build.js';
import { checkRetourPair } from '../../src/retour/pair.js';
import { MESSAGES, type MessageType } from '../../src/standard/catalogue.js';
import type { Located } from '../../src/standard/located.js';
import { checkWithLibxml2 } from '../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import type { Violation } from '../../src/validate/rules/rule.js';
import { DEFAULT_RULE_OPTIONS, type CheckedMessage } from '../../src/validate/rules/run.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import { fixture, fixtures } from '../support/fixtures.js';
import { fixturesDir, hasShared, officialXsdDir, repoRoot, warnIfNoShared } from '../support/paths.js';

const ours = SchemaSet.ours();
const official = hasShared ? SchemaSet.fromDir(officialXsdDir, 'official') : undefined;
warnIfNoShared('retour: official-schema checks');
const settings = { schemas: ours, maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };
const options = { identificatieRetour: 'RT-TEST-1', dagtekeningRetour: '2026-11-20' };

function checked(bytes: Uint8Array): CheckedMessage {
  const c = checkWithLibxml2(bytes, settings).checked;
  if (c === null) throw new Error('fixture is not schema-valid');
  return c;
}

function checkedAs<T extends MessageType>(type: T, bytes: Uint8Array): CheckedMessage<T> {
  const c = checked(bytes);
  expect(c.type).toBe(type);
  return c as CheckedMessage<T>;
}

/** A retour must pass our schemas and rules, the official schemas, and the pair check. */
function expectSound(heen: CheckedMessage, xml: string): CheckedMessage {
  const bytes = Buffer.from(xml);
  const result = checkWithLibxml2(bytes, settings);
  expect(result.result.fouten, xml).toEqual([]);
  if (official !== undefined) {
    expect(checkWithLibxml2(bytes, { ...settings, schemas: official }).result.xsdValid).toBe(true);
  }
  const retour = result.checked!;
  expect(retour.type).toBe(MESSAGES[heen.type].retour);
  expect(checkRetourPair(heen, retour)).toEqual([]);
  return retour;
}

/** The retour header fields these tests look at, whatever the retour type. */
function header(retour: CheckedMessage): { RetourCodes?: { RetourCode: readonly string[] }; XsltVersie?: string } {
  return retour.message.Header as never;
}

function violation(target: Located, retourcode: string, code = 'TEST'): Violation {
  return { code, retourcode, location: '/', line: 0, message: 'test', detail: 'test', target };
}

const heenWithRetour = (f: { type: string | null }) => f.type !== null && MESSAGES[f.type as MessageType].retour !== undefined;

describe('retour for an accepted heen-bericht', () => {
  it.each(fixtures('valid-').filter(heenWithRetour).map((f) => [f.name, f] as const))('%s → header only', (_, f) => {
    const heen = checked(f.bytes);
    const retour = expectSound(heen, buildRetour(heen, heen.violations, options));
    expect(header(retour).RetourCodes).toBeUndefined();
    expect(Object.keys(retour.message)).toEqual(['Header']);
  });
});

describe('retour for a heen-bericht that breaks an in-message rule', () => {
  const broken = fixtures('').filter((f) => heenWithRetour(f) && /^[a-z]{2}\d{3}(x\d)?-(?!ok-)/.test(f.name.split('/')[1]!));

  it('has rule fixtures for several heen types', () => {
    expect(new Set(broken.map((f) => f.type)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(broken.map((f) => [f.name, f] as const))('%s → header only, 0001, XsltVersie', (_, f) => {
    const heen = checked(f.bytes);
    expect(heen.violations.length).toBeGreaterThan(0);
    const retour = expectSound(heen, buildRetour(heen, heen.violations, options));
    expect(header(retour).RetourCodes?.RetourCode).toEqual(['0001']);
    expect(header(retour).XsltVersie).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(retour.message)).toEqual(['Header']);
  });
});

describe('retour for cross-message rejections', () => {
  it('copies the client with 0200 on sound classes and the code on the failing one (JW301, 9332)', () => {
    const heen = checkedAs('JW301', fixture('jw301/valid-reused-toewijzingnummer-9332.xml'));
    const products = heen.message.Client.ToegewezenProducten.ToegewezenProduct;
    const failing = products.find((p) => p.ToewijzingNummer === '22800101')!;
    const retour = expectSound(heen, buildRetour(heen, [violation(failing, '9332', 'TR332')], options)) as CheckedMessage<'JW302'>;
    const client = retour.message.Client!;
    expect(header(retour).RetourCodes?.RetourCode).toEqual(['0200']);
    expect(client.RetourCodes.RetourCode).toEqual(['0200']);
    for (const c of client.Contactgegevens.Contact) expect(c.RetourCodes.RetourCode).toEqual(['0200']);
    const codes = client.ToegewezenProducten.ToegewezenProduct.map((p) => [p.ToewijzingNummer, p.RetourCodes.RetourCode]);
    expect(codes).toContainEqual(['22800101', ['9332']]);
    expect(codes.filter(([, c]) => (c as string[])[0] === '0200').length).toBe(codes.length - 1);
    // Same verdict per class as the retour we wrote by hand for this scenario.
    const expected = checkedAs('JW302', fixture('jw302/valid-rejected-9332-client-copied.xml'));
    expect(JSON.stringify(retour.message.Client)).toBe(JSON.stringify(expected.message.Client));
  });

  it('marks classes below a rejected class as not assessed (0233), as in the JW318 we wrote', () => {
    const heen = checkedAs('JW317', fixture('jw317/valid-second-open-request-9374.xml'));
    const retour = expectSound(heen, buildRetour(heen, [violation(heen.message.Client, '9374', 'TR374')], options)) as CheckedMessage<'JW318'>;
    expect(retour.message.Client!.RetourCodes.RetourCode).toEqual(['9374']);
    expect(retour.message.Client!.Verzoek.RetourCodes.RetourCode).toEqual(['0233']);
    const expected = checkedAs('JW318', fixture('jw318/valid-rejected-9374-client-copied.xml'));
    expect(JSON.stringify(retour.message.Client)).toBe(JSON.stringify(expected.message.Client));
  });

  it('answers a header-level error with a header-only retour carrying that code', () => {
    const heen = checkedAs('JW305', fixtures('valid-').find((f) => f.type === 'JW305')!.bytes);
    const retour = expectSound(heen, buildRetour(heen, [violation(heen.message.Header, '9056', 'TR056')], options));
    expect(header(retour).RetourCodes?.RetourCode).toEqual(['9056']);
    expect(Object.keys(retour.message)).toEqual(['Header']);
  });

  it('lets an in-message rejection win over class-level codes', () => {
    const heen = checkedAs('JW301', fixture('jw301/valid-reused-toewijzingnummer-9332.xml'));
    const p = heen.message.Client.ToegewezenProducten.ToegewezenProduct[0]!;
    const xml = buildRetour(heen, [violation(p, '9332'), violation(p, '0001')], options);
    const retour = expectSound(heen, xml);
    expect(header(retour).RetourCodes?.RetourCode).toEqual(['0001']);
  });
});

describe('no retour', () => {
  it('is built for a retour or a declaratie', () => {
    for (const name of ['jw302/valid-accepted-specific-after-vot.xml', 'jw323/valid-february-single-client.xml']) {
      const c = checked(fixture(name));
      expect(() => buildRetour(c, [], options)).toThrow(NoRetourError);
    }
  });
});

describe('pair check', () => {
  const heen = checkedAs('JW305', fixture('jw305/valid-start-specific-hours.xml'));
  const good = buildRetour(heen, [], options);

  it.each([
    ['a changed Afzender', (x: string) => x.replace('<jw306:Afzender>98041733<', '<jw306:Afzender>98041734<'), 'IV028'],
    ['a retour dated before its heen-bericht', (x: string) => x.replace('2026-11-20', '2025-01-01'), 'IV028'],
    ['0001 without XsltVersie', (x: string) => x.replace('</jw306:XsdVersieRetour>', '</jw306:XsdVersieRetour>\n    <jw306:RetourCodes><jw306:RetourCode>0001</jw306:RetourCode></jw306:RetourCodes>'), 'IV033'],
  ])('flags %s', (_, mutate, code) => {
    const retour = checked(Buffer.from(mutate(good)));
    expect(checkRetourPair(heen, retour).map((i) => i.code)).toContain(code);
  });

  it('flags a copied client in which no class is rejected (OP065)', () => {
    const h = checkedAs('JW301', fixture('jw301/valid-reused-toewijzingnummer-9332.xml'));
    const xml = buildRetour(h, [violation(h.message.Client.ToegewezenProducten.ToegewezenProduct[0]!, '9332')], options).replace(
      '<jw302:RetourCode>9332</jw302:RetourCode>',
      '<jw302:RetourCode>0200</jw302:RetourCode>',
    );
    expect(checkRetourPair(h, checked(Buffer.from(xml))).map((i) => i.code)).toContain('OP065');
  });
});

describe('ijw-gateway retour', () => {
  const run = promisify(execFile);
  const bin = join(repoRoot, 'dist', 'cli', 'main.js');

  it('prints the retour and exits 0', async () => {
    const { stdout } = await run('node', [bin, 'retour', '--identificatie', 'R1', '--dagtekening', '2026-11-20', join(fixturesDir, 'jw305/valid-start-specific-hours.xml')]);
    expect(stdout).toContain('<jw306:IdentificatieRetour>R1</jw306:IdentificatieRetour>');
  });

  it('refuses XSD-invalid messages and retours with exit 1', async () => {
    for (const f of ['jw305/xsd-gemeente-3-digits.xml', 'jw306/valid-accepted-start-specific.xml']) {
      await expect(run('node', [bin, 'retour', join(fixturesDir, f)])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^Geen retour/) });
    }
  });
});
