/** Contract data from mappings/contracten.json: optional, validated like every mapping, looked up per regio and aanbieder. */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMappingsDir, MappingsError } from '../../../src/mappings/load.js';
import { contractsOf, loadContracts, NO_CONTRACTS } from '../../../src/state/contracts.js';
import { checkerOptions } from '../../../src/state/options.js';
import { tempDir } from '../../support/gateway.js';

const REGIOS = new Set(['Food Valley', 'Holland-Rijnland']);

function dirWith(contracten: unknown): string {
  const dir = tempDir('contracts');
  writeFileSync(join(dir, 'contracten.json'), typeof contracten === 'string' ? contracten : JSON.stringify(contracten));
  return dir;
}

describe('loadContracts', () => {
  it('checks nothing without a contracten.json', () => {
    expect(loadContracts(tempDir('contracts'), REGIOS)).toBe(NO_CONTRACTS);
  });

  it('loads the sample: Food Valley regio-wide, with Kompas on a contract of its own', () => {
    const c = loadContracts(defaultMappingsDir(), new Set(['Food Valley']));
    expect(c.covers('Food Valley')).toBe(true);
    expect(c.covers('Holland-Rijnland')).toBe(false);
    expect(c.tarieven('Food Valley', '45', '45A48', '2026-02-01', '98041733').map((t) => t.tarief)).toEqual([7850]);
    expect(c.tarieven('Food Valley', '45', '45B20', '2026-03-09', '98062519').map((t) => t.tarief)).toEqual([8120]);
    // Kompas's own contract is not another aanbieder's.
    expect(c.tarieven('Food Valley', '45', '45B20', '2026-03-09', '98041733')).toEqual([]);
    expect(c.tarieven('Food Valley', '45', '45A60', '2026-03-01', '98041733').map((t) => [t.eenheid, t.tarief])).toEqual([['83', null]]);
  });

  it('is what the checker gets from the mappings folder', () => {
    const options = checkerOptions(defaultMappingsDir());
    expect(options.contracts?.covers('Food Valley')).toBe(true);
    expect(options.regioOf?.('0345')).toBe('Food Valley');
  });

  it('lists every problem of a broken file', () => {
    const dir = dirWith({
      contracten: [
        { regio: 'FoodValley', van: '2026-01-01', producten: [{ categorie: '45', code: '45A48', eenheid: '04', tarief: 7850 }] },
        { regio: 'Food Valley', aanbieder: '9804173', van: '2026-01-01', tot: '2025-12-31', producten: [{ categorie: '45', code: '45A60', eenheid: '83', tarief: 1 }] },
      ],
    });
    let error: unknown;
    try {
      loadContracts(dir, REGIOS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MappingsError);
    const paths = (error as MappingsError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.contracten[1].aanbieder', '$.contracten[1].tot', '$.contracten[1].producten[0].tarief']));
    rmSync(dir, { recursive: true });
  });

  it('refuses a regio that is no jeugdregio', () => {
    const dir = dirWith({ contracten: [{ regio: 'FoodValley', van: '2026-01-01', producten: [{ categorie: '45', code: '45A48', eenheid: '04', tarief: 7850 }] }] });
    expect(() => loadContracts(dir, REGIOS)).toThrow(/contracten\[0\]\.regio: unknown jeugdregio "FoodValley"/);
  });

  it('refuses a file that is not JSON', () => {
    expect(() => loadContracts(dirWith('{ "contracten": ['), REGIOS)).toThrow(/not valid JSON/);
  });

  it('is a complete mappings folder with the sample contracts copied', () => {
    const dir = tempDir('mappings');
    cpSync(defaultMappingsDir(), dir, { recursive: true });
    expect(checkerOptions(dir).contracts?.covers('Food Valley')).toBe(true);
  });
});

describe('contractsOf', () => {
  const base = { regio: 'R', categorie: '45', code: '45A48', eenheid: '04', aanbieder: null };
  const c = contractsOf([
    { ...base, tarief: 7000, van: '2025-01-01', tot: '2025-12-31' },
    { ...base, tarief: 7850, van: '2026-01-01', tot: null },
  ]);

  it('gives the tariff valid on the date, both ends inclusive', () => {
    expect(c.tarieven('R', '45', '45A48', '2025-12-31').map((t) => t.tarief)).toEqual([7000]);
    expect(c.tarieven('R', '45', '45A48', '2026-01-01').map((t) => t.tarief)).toEqual([7850]);
    expect(c.tarieven('R', '45', '45A49', '2026-01-01')).toEqual([]);
    expect(c.tarieven('S', '45', '45A48', '2026-01-01')).toEqual([]);
  });
});
