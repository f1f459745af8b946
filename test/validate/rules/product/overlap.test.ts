/**
 * The stacking sweep behind TR302/TR386/TR410: which pairs of product lines may not share time,
 * at which level (product, Categorie, anything), with inclusive and open periods.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CDT_Product } from '../../../../src/standard/types.generated.js';
import { endsAfterTransition, stackedSpells, type Spell } from '../../../../src/validate/rules/product/support.js';
import { checkMessage } from '../../../../src/validate/rules/run.js';
import { fixturesDir } from '../../../support/paths.js';

const product = (Categorie: string, Code?: string): CDT_Product =>
  (Code === undefined ? { Categorie } : { Categorie, Code }) as CDT_Product;

function spell(name: string, p: CDT_Product | undefined, start: string, end?: string): Spell<string> {
  return { item: name, product: p, start, end };
}

const stacked = (spells: Spell<string>[]) => stackedSpells(spells).map((s) => `${s.item}>${s.other}`);

describe('stackedSpells', () => {
  it('flags the same product with overlapping periods, ends inclusive', () => {
    expect(stacked([spell('a', product('45', '45A48'), '2026-01-01', '2026-06-30'), spell('b', product('45', '45A48'), '2026-06-30', '2026-12-31')])).toEqual(['b>a']);
  });

  it('lets the same product follow on the next day', () => {
    expect(stacked([spell('a', product('45', '45A48'), '2026-01-01', '2026-06-30'), spell('b', product('45', '45A48'), '2026-07-01')])).toEqual([]);
  });

  it('treats an absent end as open', () => {
    expect(stacked([spell('a', product('45', '45A48'), '2026-01-01'), spell('b', product('45', '45A48'), '2030-01-01', '2030-02-01')])).toEqual(['b>a']);
  });

  it('reports the later-starting line even when it is listed first', () => {
    expect(stacked([spell('late', product('45', '45A48'), '2026-05-01', '2026-06-01'), spell('early', product('45', '45A48'), '2026-01-01', '2026-12-31')])).toEqual(['late>early']);
  });

  it('lets different products of one Categorie overlap', () => {
    expect(stacked([spell('a', product('45', '45A48'), '2026-01-01', '2026-12-31'), spell('b', product('45', '45A50'), '2026-01-01', '2026-12-31')])).toEqual([]);
  });

  it('compares a line without Code with every line of its Categorie, not other categories', () => {
    const spells = [
      spell('specific45', product('45', '45A48'), '2026-01-01', '2026-12-31'),
      spell('specific44', product('44', '44A07'), '2026-01-01', '2026-12-31'),
      spell('aspecific45', product('45'), '2026-03-01', '2026-04-30'),
    ];
    expect(stacked(spells)).toEqual(['aspecific45>specific45']);
  });

  it('compares a line without Product with every other line', () => {
    const spells = [
      spell('a', product('45', '45A48'), '2026-01-01', '2026-01-31'),
      spell('b', product('44', '44A07'), '2026-03-01', '2026-03-31'),
      spell('generic', undefined, '2026-02-01', '2026-12-31'),
    ];
    // The generic line starts after a has ended; b starts inside it.
    expect(stacked(spells)).toEqual(['b>generic']);
  });

  it('finds an overlap hidden behind a short line in between', () => {
    const spells = [
      spell('long', product('45', '45A48'), '2026-01-01', '2026-12-31'),
      spell('short', product('45', '45A48'), '2026-02-01', '2026-02-10'),
      spell('later', product('45', '45A48'), '2026-06-01', '2026-06-30'),
    ];
    expect(stacked(spells)).toEqual(['short>long', 'later>long']);
  });

  it('leaves out lines that end before they start or carry dates it cannot compare', () => {
    const spells = [
      spell('reversed', product('45', '45A48'), '2026-06-01', '2026-01-01'),
      spell('odd', product('45', '45A48'), '-2026-01-01', '2026-12-31'),
      spell('a', product('45', '45A48'), '2026-03-01', '2026-03-31'),
    ];
    expect(stacked(spells)).toEqual([]);
  });

  it('stays fast for thousands of lines', () => {
    const spells: Spell<string>[] = [];
    for (let i = 0; i < 20_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      spells.push(spell(`p${i}`, product('45', `45A${String(i).padStart(2, '0')}`), `2026-01-${day}`, `2026-02-${day}`));
    }
    const t = performance.now();
    expect(stackedSpells(spells)).toEqual([]);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('endsAfterTransition', () => {
  it('counts an open end and dates after 2020-12-31, not the date itself', () => {
    expect(endsAfterTransition(undefined)).toBe(true);
    expect(endsAfterTransition('2021-01-01')).toBe(true);
    expect(endsAfterTransition('2020-12-31')).toBe(false);
  });
});

describe('TR302 in a toewijzing', () => {
  const base = readFileSync(join(fixturesDir, 'jw301', 'tr302-ok-deleted-overlap.xml'), 'utf8');
  const tr302 = (text: string) => checkMessage('JW301', text).violations.filter((v) => v.code === 'TR302');

  it('ignores a deleted toewijzing (13, Einddatum = Ingangsdatum)', () => {
    expect(tr302(base)).toEqual([]);
  });

  it('ignores a toewijzing withdrawn with the old code 01 on one day too', () => {
    expect(tr302(base.replace('<jw301:RedenWijziging>13<', '<jw301:RedenWijziging>01<'))).toEqual([]);
  });

  it('counts a one-day toewijzing with another reason', () => {
    const hits = tr302(base.replace('<jw301:RedenWijziging>13<', '<jw301:RedenWijziging>02<'));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.detail).toContain('ToewijzingNummer 34500101');
  });
});
