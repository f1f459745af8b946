import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../src/calendar/easter.js';

// Published Easter dates (Western/Gregorian), cross-checked with python-dateutil's easter(), which
// uses a different method (Oudin's).
const KNOWN: Record<number, string> = {
  2000: '04-23', 2001: '04-15', 2002: '03-31', 2003: '04-20', 2004: '04-11', 2005: '03-27',
  2006: '04-16', 2007: '04-08', 2008: '03-23', 2009: '04-12', 2010: '04-04', 2011: '04-24',
  2012: '04-08', 2013: '03-31', 2014: '04-20', 2015: '04-05', 2016: '03-27', 2017: '04-16',
  2018: '04-01', 2019: '04-21', 2020: '04-12', 2021: '04-04', 2022: '04-17', 2023: '04-09',
  2024: '03-31', 2025: '04-20', 2026: '04-05', 2027: '03-28', 2028: '04-16', 2029: '04-01',
  2030: '04-21', 2031: '04-13', 2032: '03-28', 2033: '04-17', 2034: '04-09', 2035: '03-25',
};

describe('easterSunday', () => {
  it.each(Object.entries(KNOWN))('%s', (year, monthDay) => {
    expect(easterSunday(Number(year))).toBe(`${year}-${monthDay}`);
  });

  it('reaches the extremes of the Gregorian range: 22 March and 25 April', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 4099; year++) {
      const date = easterSunday(year);
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25').toBe(true);
    }
  });

  it('refuses what is not a year', () => {
    expect(() => easterSunday(0)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
  });
});
