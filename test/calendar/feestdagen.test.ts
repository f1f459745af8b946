import { describe, expect, it } from 'vitest';
import { feestdagen, isFeestdag } from '../../src/calendar/feestdagen.js';
import { addDays, dayOfWeek } from '../../src/calendar/iso-date.js';

const dates = (year: number) => feestdagen(year).map((f) => [f.date, f.naam.replace(/ \(.*\)$/, '')]);

describe('feestdagen', () => {
  it('2026', () => {
    expect(dates(2026)).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'],
      ['2026-01-02', 'Gelijkgestelde dag'],
      ['2026-04-03', 'Goede Vrijdag'],
      ['2026-04-06', 'Tweede Paasdag'],
      ['2026-04-27', 'Koningsdag'],
      ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-15', 'Gelijkgestelde dag'],
      ['2026-05-25', 'Tweede Pinksterdag'],
      ['2026-12-25', 'Eerste Kerstdag'],
      ['2026-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('2027', () => {
    expect(dates(2027)).toEqual([
      ['2027-01-01', 'Nieuwjaarsdag'],
      ['2027-03-26', 'Goede Vrijdag'],
      ['2027-03-29', 'Tweede Paasdag'],
      ['2027-04-27', 'Koningsdag'],
      ['2027-05-05', 'Bevrijdingsdag'],
      ['2027-05-06', 'Hemelvaartsdag'],
      ['2027-05-07', 'Gelijkgestelde dag'],
      ['2027-05-17', 'Tweede Pinksterdag'],
      ['2027-12-25', 'Eerste Kerstdag'],
      ['2027-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('names the article of the Atw each day rests on', () => {
    const byName = new Map(feestdagen(2026).map((f) => [f.naam.replace(/ \(.*\)$/, ''), f.grond]));
    expect(byName.get('Goede Vrijdag')).toBe('Atw art. 3 lid 2');
    expect(byName.get('Bevrijdingsdag')).toBe('Atw art. 3 lid 1');
    expect(byName.get('Gelijkgestelde dag')).toBe('Atw art. 3 lid 3');
    expect(feestdagen(2026).find((f) => f.date === '2026-01-02')?.naam).toContain('Besluit gelijkstelling van 2 januari 2026');
  });

  it('moves Koningsdag to Saturday 26 April when 27 April is a Sunday (2014, 2025, 2031)', () => {
    for (const year of [2014, 2025, 2031]) {
      expect(dayOfWeek(`${year}-04-27`)).toBe(7);
      expect(isFeestdag(`${year}-04-26`)).toBe(true);
      expect(isFeestdag(`${year}-04-27`)).toBe(false);
    }
    expect(isFeestdag('2026-04-27')).toBe(true);
  });

  it('has Koninginnedag on 30 April before 2014, or 29 April when the 30th is a Sunday', () => {
    expect(feestdagen(2013).find((f) => f.naam === 'Koninginnedag')?.date).toBe('2013-04-30');
    expect(feestdagen(2006).find((f) => f.naam === 'Koninginnedag')?.date).toBe('2006-04-29');
    expect(isFeestdag('2014-04-30')).toBe(false);
  });

  it('has Bevrijdingsdag every year, not only in lustrum years', () => {
    for (let year = 2015; year <= 2035; year++) expect(isFeestdag(`${year}-05-05`)).toBe(true);
  });

  it('keeps both names when Hemelvaartsdag falls on 5 May (2016)', () => {
    expect(feestdagen(2016).filter((f) => f.date === '2016-05-05').map((f) => f.naam)).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });

  it('has every equated day of the decrees of 2023–2028 on a Friday after a Thursday feestdag', () => {
    for (let year = 2023; year <= 2028; year++) {
      for (const f of feestdagen(year).filter((d) => d.grond === 'Atw art. 3 lid 3')) {
        expect(dayOfWeek(f.date)).toBe(5);
        const thursday = addDays(f.date, -1);
        expect(feestdagen(year).some((d) => d.date === thursday && d.grond === 'Atw art. 3 lid 1')).toBe(true);
      }
    }
    const equated = [2023, 2024, 2025, 2026, 2027, 2028].flatMap((y) => feestdagen(y).filter((f) => f.grond === 'Atw art. 3 lid 3').map((f) => f.date));
    expect(equated).toEqual(['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']);
  });

  it('does not count days that are no feestdag in the Atw', () => {
    for (const d of ['2026-12-31', '2026-05-04', '2026-12-05', '2026-11-11', '2026-04-05', '2026-05-24']) {
      expect(isFeestdag(d)).toBe(false);
    }
  });
});
