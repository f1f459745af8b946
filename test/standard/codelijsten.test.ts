import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeList } from '../../src/standard/model.js';
import * as codelijsten from '../../src/standard/codelijsten/index.js';

// The official schemas live next to the repo, never in it; without them only the self-checks run.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const basisschemaPath = path.resolve(repoRoot, '../shared/ijw-3.2/xsd/basisschema.xsd');
const xsdDir = path.dirname(basisschemaPath);
const exists = existsSync(basisschemaPath);
if (!exists) {
  console.warn(
    `[codelijsten.test] ../shared is absent (${basisschemaPath} not found): ` +
      'skipping the comparison of our code lists with the XSD enumerations.',
  );
}

/** Every enumerated LDT of the basisschema and the code list that must hold exactly its values. */
const byLdt: ReadonlyArray<readonly [string, CodeList]> = [
  ['LDT_AanduidingWoonadres', codelijsten.AanduidingWoonadres],
  ['LDT_AdresSoort', codelijsten.AdresSoort],
  ['LDT_Communicatievorm', codelijsten.Communicatievorm],
  ['LDT_DatumGebruik', codelijsten.DatumGebruik],
  ['LDT_DebetCredit', codelijsten.DebetCredit],
  ['LDT_Eenheid', codelijsten.Eenheid],
  ['LDT_Frequentie', codelijsten.Frequentie],
  ['LDT_Geslacht', codelijsten.Geslacht],
  ['LDT_JaNee', codelijsten.JaNee],
  ['LDT_JuridischeStatus', codelijsten.JuridischeStatus],
  ['LDT_LandCode', codelijsten.LandCode],
  ['LDT_NaamGebruik', codelijsten.NaamGebruik],
  ['LDT_ProductCategorie', codelijsten.ProductCategorie],
  ['LDT_RedenAfwijzingVerzoek', codelijsten.RedenAfwijzingVerzoek],
  ['LDT_RedenBeeindiging', codelijsten.RedenBeeindiging],
  ['LDT_RedenVerzoek', codelijsten.RedenVerzoek],
  ['LDT_RedenWijziging', codelijsten.RedenWijziging],
  ['LDT_RetourCode', codelijsten.RetourCode],
  ['LDT_SoortRelatie', codelijsten.SoortRelatie],
  ['LDT_StatusAanlevering', codelijsten.StatusAanlevering],
  ['LDT_TypeVerwijzer', codelijsten.TypeVerwijzer],
  ['LDT_VerzoekAntwoord', codelijsten.VerzoekAntwoord],
  ['LDT_WettelijkeVertegenwoordiging', codelijsten.WettelijkeVertegenwoordiging],
];

const allLists: ReadonlyArray<readonly [string, CodeList]> = Object.entries(codelijsten);

function enumerationOf(xsd: string, ldtName: string): string[] {
  const block = new RegExp(`<xs:simpleType name="${ldtName}">([\\s\\S]*?)</xs:simpleType>`).exec(xsd);
  if (block === null) throw new Error(`${ldtName} not found in basisschema.xsd`);
  return [...(block[1] ?? '').matchAll(/<xs:enumeration value="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('code lists: self-consistency', () => {
  it('index re-exports every code list once, and only code lists', () => {
    expect(allLists.length).toBe(24);
    for (const [, list] of allLists) {
      expect(list.id).toMatch(/^[A-Z]+[0-9]+$/);
      expect(list.name.trim()).not.toBe('');
    }
    expect(new Set(allLists.map(([, list]) => list.id)).size).toBe(allLists.length);
  });

  it.each(allLists)('%s: every label is a non-empty trimmed string', (_name, list) => {
    for (const [code, label] of Object.entries(list.codes)) {
      expect(typeof label, code).toBe('string');
      expect(label, code).not.toBe('');
      expect(label, code).toBe(label.trim());
      expect(code, 'code itself').toBe(code.trim());
    }
  });

  it.each(allLists)('%s: no duplicate codes, and values list every code once', (_name, list) => {
    expect(list.values.length).toBeGreaterThan(0);
    expect(new Set(list.values).size).toBe(list.values.length);
    expect([...list.values].sort()).toEqual(Object.keys(list.codes).sort());
  });

  it('BerichtCode labels start with the message type they identify', () => {
    for (const [code, label] of Object.entries(codelijsten.BerichtCode.codes)) {
      expect(label, code).toMatch(/^JW3[0-9]{2} \S/);
    }
  });
});

describe.skipIf(!exists)('code lists match the official XSD (../shared/ijw-3.2/xsd)', () => {
  const xsd = exists ? readFileSync(basisschemaPath, 'utf8') : '';

  it.each(byLdt)('%s: codes are exactly the XSD enumeration, in XSD order', (ldtName, list) => {
    const enumeration = enumerationOf(xsd, ldtName);
    expect(enumeration.length).toBeGreaterThan(0);
    expect(list.values).toEqual(enumeration);
    expect(Object.keys(list.codes).sort()).toEqual([...enumeration].sort());
  });

  it('every enumerated LDT of the basisschema has a code list', () => {
    const enumerated = [...xsd.matchAll(/<xs:simpleType name="(LDT_\w+)">/g)]
      .map((m) => m[1] ?? '')
      .filter((name) => enumerationOf(xsd, name).length > 0);
    expect(enumerated.sort()).toEqual(byLdt.map(([name]) => name).sort());
  });

  it('BerichtCode holds exactly the codes the 14 message schemas fix, with their message type', () => {
    const messageSchemas = readdirSync(xsdDir)
      .filter((f) => /^jw3[0-9]{2}\.xsd$/.test(f))
      .sort();
    expect(messageSchemas).toHaveLength(14);
    const fixed = messageSchemas.map((file) => {
      const text = readFileSync(path.join(xsdDir, file), 'utf8');
      const m = /<xs:element name="BerichtCode">[\s\S]*?<xs:(?:pattern|enumeration) value="([^"]*)"/.exec(text);
      if (m === null) throw new Error(`no fixed BerichtCode in ${file}`);
      return { code: m[1] ?? '', type: file.slice(0, 5).toUpperCase() };
    });
    expect(codelijsten.BerichtCode.values).toEqual(fixed.map((f) => f.code));
    for (const { code, type } of fixed) {
      expect(codelijsten.BerichtCode.codes[code as keyof typeof codelijsten.BerichtCode.codes]).toMatch(
        new RegExp(`^${type} `),
      );
    }
  });
});
