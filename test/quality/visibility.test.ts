import { describe, expect, it } from 'vitest';
import { loadMappings } from '../../src/mappings/load.js';
import { defaultMappingsDir } from '../../src/mappings/load.js';
import { defectView } from '../../src/quality/views.js';
import { mask, perspective, total } from '../../src/quality/visibility.js';

const directory = loadMappings(defaultMappingsDir());
const party = (id: string) => directory.partyById(id)!;

describe('perspective', () => {
  it('gives each role its own scope and the level at which it sees the others', () => {
    expect(perspective(party('gemeente:0228'), directory, 5)).toEqual({
      partij: 'gemeente:0228',
      rol: 'gemeente',
      drempel: 5,
      scope: { all: false, codes: ['0228'], regios: [], hidden: ['afzender', 'ontvanger', 'gemeente'] },
    });
    expect(perspective(party('aanbieder:98041733'), directory, 5).scope).toEqual({
      all: false,
      codes: ['98041733'],
      regios: [],
      hidden: ['afzender', 'ontvanger', 'gemeente', 'regio'],
    });
    expect(perspective(party('factuurbureau:food-valley'), directory, 5).scope).toMatchObject({ codes: [], regios: ['Food Valley'] });
    // An intermediary sees the traffic of the aanbieders it sends for.
    expect(perspective(party('intermediair:berichtenbrug'), directory, 5).scope.codes).toEqual(['98062519', '98085402']);
    expect(perspective(party('ketenbureau:beheer'), directory, 5)).toMatchObject({ rol: 'beheerder', scope: { all: true } });
  });
});

describe('masking', () => {
  it('masks small cells of others only, at the configured threshold', () => {
    expect(mask(3, true, 5)).toBe(3);
    expect(mask(3, false, 5)).toBe('<5');
    expect(mask(5, false, 5)).toBe(5);
    expect(mask(9, false, 10)).toBe('<10');
    expect(mask(0, false, 5)).toBe(0);
  });

  it('keeps the total from giving away a single masked cell', () => {
    expect(total([{ n: 7, shown: 7 }, { n: 2, shown: '<5' }], 5)).toEqual({ totaal: 7, totaalVolledig: false });
    expect(total([{ n: 7, shown: 7 }, { n: 2, shown: '<5' }, { n: 1, shown: '<5' }], 5)).toEqual({ totaal: 10, totaalVolledig: true });
    expect(total([{ n: 1, shown: 1 }, { n: 2, shown: '<5' }], 5)).toEqual({ totaal: '<5', totaalVolledig: true });
    expect(total([{ n: 1, shown: 1 }], 5)).toEqual({ totaal: 1, totaalVolledig: true });
  });

  it('applies the threshold of the perspective to a view', () => {
    const p = perspective(party('gemeente:0345'), directory, 10);
    const view = defectView(p, '2026-03-01', '2026-04-01', ['regel'], [
      { values: { regel: 'CD005' }, own: true, n: 2 },
      { values: { regel: 'CD005' }, own: false, n: 7 },
      { values: { regel: 'XSD' }, own: false, n: 12 },
    ]);
    expect(view.rijen).toEqual([
      { regel: 'CD005', aantal: 2, eigen: true },
      { regel: 'CD005', aantal: '<10', eigen: false },
      { regel: 'XSD', aantal: 12, eigen: false },
    ]);
    expect(view).toMatchObject({ drempel: 10, totaal: 14, totaalVolledig: false });
  });
});
