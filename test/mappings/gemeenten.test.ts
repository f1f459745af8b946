import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Gemeente {
  code: string;
  naam: string;
  provincie: string;
  jeugdregio: string;
}
interface Jeugdregio {
  naam: string;
  gemeenten: string[];
}
interface GemeentenFile {
  peildatum: string;
  bron: string;
  gemeenten: Gemeente[];
  jeugdregios: Jeugdregio[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataPath = resolve(repoRoot, 'mappings', 'gemeenten-2026.json');
const sourcePath = resolve(repoRoot, '..', 'shared', 'ijw-3.2', 'codelijsten', 'CBS_Gemeentecodes.md');

const data = JSON.parse(readFileSync(dataPath, 'utf8')) as GemeentenFile;

const byCode = new Map(data.gemeenten.map((g) => [g.code, g]));

describe('mappings/gemeenten-2026.json', () => {
  it('parses and has the expected shape', () => {
    expect(data.peildatum).toBe('2026-01-01');
    expect(data.bron).toMatch(/CBS/);
    expect(Array.isArray(data.gemeenten)).toBe(true);
    expect(Array.isArray(data.jeugdregios)).toBe(true);
    for (const g of data.gemeenten) {
      expect(Object.keys(g).sort()).toEqual(['code', 'jeugdregio', 'naam', 'provincie']);
      for (const v of [g.naam, g.provincie, g.jeugdregio]) {
        expect(typeof v).toBe('string');
        expect(v).toBe(v.trim());
        expect(v).not.toMatch(/\s{2}/);
        expect(v.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists 342 gemeenten', () => {
    expect(data.gemeenten).toHaveLength(342);
  });

  it('has unique 4-digit string codes', () => {
    for (const g of data.gemeenten) {
      expect(g.code).toMatch(/^\d{4}$/);
    }
    expect(byCode.size).toBe(data.gemeenten.length);
  });

  it('is sorted by code', () => {
    const codes = data.gemeenten.map((g) => g.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('puts every gemeente in exactly one jeugdregio, matching the per-gemeente field', () => {
    const regioNames = data.jeugdregios.map((r) => r.naam);
    expect(new Set(regioNames).size).toBe(regioNames.length);

    const seen = new Map<string, string>();
    for (const r of data.jeugdregios) {
      expect(r.gemeenten.length).toBeGreaterThan(0);
      for (const code of r.gemeenten) {
        expect(seen.has(code), `${code} is listed in ${seen.get(code)} and ${r.naam}`).toBe(false);
        seen.set(code, r.naam);
        const g = byCode.get(code);
        expect(g, `${r.naam} lists unknown code ${code}`).toBeDefined();
        expect(g?.jeugdregio).toBe(r.naam);
      }
    }
    expect(seen.size).toBe(data.gemeenten.length);
    for (const g of data.gemeenten) {
      expect(seen.get(g.code), `${g.code} ${g.naam}`).toBe(g.jeugdregio);
    }
  });

  it('has Food Valley as exactly its seven gemeenten', () => {
    const fv = data.jeugdregios.find((r) => r.naam === 'Food Valley');
    expect(fv).toBeDefined();
    const expected: Record<string, string> = {
      '0203': 'Barneveld',
      '0228': 'Ede',
      '0267': 'Nijkerk',
      '0279': 'Scherpenzeel',
      '0339': 'Renswoude',
      '0340': 'Rhenen',
      '0345': 'Veenendaal',
    };
    expect([...(fv?.gemeenten ?? [])].sort()).toEqual(Object.keys(expected).sort());
    for (const [code, naam] of Object.entries(expected)) {
      expect(byCode.get(code)?.naam).toBe(naam);
    }
    expect(data.gemeenten.filter((g) => g.jeugdregio === 'Food Valley').map((g) => g.code)).toEqual(
      Object.keys(expected).sort(),
    );
  });

  it('has Holland Rijnland (spelled "Holland-Rijnland" in the source), with Leiden in it', () => {
    const hr = data.jeugdregios.find((r) => r.naam === 'Holland-Rijnland');
    expect(hr).toBeDefined();
    expect(hr?.gemeenten).toContain('0546');
    expect(byCode.get('0546')?.naam).toBe('Leiden');
  });
});

interface SourceRow {
  line: number;
  code: string;
  naam: string;
  provincie: string;
  jeugdregio: string;
}

/** Parse the "Codes" table of CBS_Gemeentecodes.md (columns: code, naam, provincie, regio). */
function parseSourceTable(md: string): SourceRow[] {
  const lines = md.normalize('NFC').split(/\r?\n/);
  const header = lines.findIndex((l) => /^\|\s*Gemeentecode\s*\|/.test(l));
  if (header < 0) throw new Error('Gemeentecode table not found in source');
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const rows: SourceRow[] = [];
  for (let i = header + 2; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.trim().startsWith('|')) break;
    const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(clean);
    if (cells.length !== 4) throw new Error(`line ${i + 1}: expected 4 cells, got ${cells.length}`);
    const [code = '', naam = '', provincie = '', jeugdregio = ''] = cells;
    rows.push({ line: i + 1, code, naam, provincie, jeugdregio });
  }
  return rows;
}

const hasSource = existsSync(sourcePath);
if (!hasSource) {
  console.warn(
    `[gemeenten.test] differential check skipped: ${sourcePath} not found ` +
      '(../shared is not beside the repo); only the internal consistency checks ran.',
  );
}

describe.skipIf(!hasSource)('gemeenten-2026.json agrees with ../shared CBS_Gemeentecodes.md', () => {
  const rows = hasSource ? parseSourceTable(readFileSync(sourcePath, 'utf8')) : [];

  it('has the same set of codes', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.code).sort()).toEqual(data.gemeenten.map((g) => g.code));
  });

  it('has the same name, province and regio for every code', () => {
    for (const r of rows) {
      const g = byCode.get(r.code);
      expect(g, `source line ${r.line}: code ${r.code} missing from our file`).toBeDefined();
      expect({ code: g?.code, naam: g?.naam, provincie: g?.provincie, jeugdregio: g?.jeugdregio }, `source line ${r.line}`).toEqual({
        code: r.code,
        naam: r.naam,
        provincie: r.provincie,
        jeugdregio: r.jeugdregio,
      });
    }
  });
});
