/** Calendar arithmetic of the volume rules, against cases counted by hand on a calendar. */
import { describe, expect, it } from 'vitest';
import { isoWeeksTouching, monthOf, monthsTouching, period, sundayOnOrBefore, sundaysIn } from '../../../src/state/declaratie/fit/periods.js';
import { toDayNumber } from '../../../src/calendar/iso-date.js';

describe('isoWeeksTouching', () => {
  it.each([
    // IV076: toewijzing 07-07-2025 (Monday, week 28) to 07-09-2025 (Sunday, week 36).
    ['2025-07-07', '2025-07-31', 4], // weeks 28–31
    ['2025-08-01', '2025-08-31', 5], // weeks 31–35
    ['2025-09-01', '2025-09-07', 1], // week 36
    ['2025-07-07', '2025-09-07', 9],
    // IV077: 07-10-2025 to 30-12-2025 (weeks 41–52 and week 1 of 2026).
    ['2025-10-07', '2025-10-31', 4],
    ['2025-11-01', '2025-11-30', 5],
    ['2025-12-01', '2025-12-30', 5],
    ['2025-10-07', '2025-12-30', 13],
    // February 2026: Sunday 1st (week 5) to Saturday 28th (week 9).
    ['2026-02-01', '2026-02-28', 5],
    // March 2026: Sunday 1st (week 9) to Tuesday 31st (week 14): six weeks.
    ['2026-03-01', '2026-03-31', 6],
    // One day, and a Monday-to-Sunday week.
    ['2026-03-04', '2026-03-04', 1],
    ['2026-03-09', '2026-03-15', 1],
    ['2026-03-08', '2026-03-09', 2],
    // Across a year end with a 53-week year: 2026-12-28 (week 53) to 2027-01-10 (week 1 of 2027 ends 01-10).
    ['2026-12-28', '2027-01-10', 2],
    // 2020 has 53 weeks: 2020-12-31 (Thursday, week 53) to 2021-01-04 (Monday, week 1).
    ['2020-12-31', '2021-01-04', 2],
  ])('%s – %s: %i', (from, to, n) => {
    expect(isoWeeksTouching(period(from, to))).toBe(n);
  });
});

describe('sundaysIn', () => {
  it.each([
    // IV076 output example: July from 07-07-2025 has Sundays 13, 20, 27; August 2025 has 3, 10, 17, 24, 31.
    ['2025-07-07', '2025-07-31', 3],
    ['2025-08-01', '2025-08-31', 5],
    ['2025-09-01', '2025-09-07', 1],
    // IV077 output example 1: November 2025 (2, 9, 16, 23, 30) and December 2025 (7, 14, 21, 28).
    ['2025-11-01', '2025-11-30', 5],
    ['2025-12-01', '2025-12-31', 4],
    ['2026-03-02', '2026-03-07', 0],
    ['2026-03-08', '2026-03-08', 1],
  ])('%s – %s: %i', (from, to, n) => {
    expect(sundaysIn(period(from, to))).toBe(n);
  });

  it('finds the last Sunday on or before a day', () => {
    expect(sundayOnOrBefore(toDayNumber('2025-09-06'))).toBe(toDayNumber('2025-08-31'));
    expect(sundayOnOrBefore(toDayNumber('2025-09-07'))).toBe(toDayNumber('2025-09-07'));
    expect(sundayOnOrBefore(toDayNumber('2025-09-01'))).toBe(toDayNumber('2025-08-31'));
  });
});

describe('months', () => {
  it('counts calendar months touched, also across a year end', () => {
    expect(monthsTouching(period('2026-03-09', '2026-12-31'))).toBe(10);
    expect(monthsTouching(period('2026-10-14', '2026-12-13'))).toBe(3);
    expect(monthsTouching(period('2026-11-30', '2027-01-01'))).toBe(3);
    expect(monthsTouching(period('2026-03-01', '2026-03-31'))).toBe(1);
  });

  it('gives the first and last day of a month, February of a leap year included', () => {
    expect(monthOf('2028-02-10')).toEqual(period('2028-02-01', '2028-02-29'));
    expect(monthOf('2026-02-10')).toEqual(period('2026-02-01', '2026-02-28'));
    expect(monthOf('2026-12-31')).toEqual(period('2026-12-01', '2026-12-31'));
  });
});
