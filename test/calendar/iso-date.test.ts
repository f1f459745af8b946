import { describe, expect, it } from 'vitest';
import { addDays, addWeeks, dayOfWeek, fromDayNumber, toAmsterdamDate, toDayNumber } from '../../src/calendar/iso-date.js';

describe('toDayNumber / fromDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it('round-trips every day of 1899–2101 and agrees with Date.UTC', () => {
    const wrong: string[] = [];
    for (let day = toDayNumber('1899-01-01'); day <= toDayNumber('2101-12-31'); day++) {
      const date = fromDayNumber(day);
      if (new Date(day * 86_400_000).toISOString().slice(0, 10) !== date || toDayNumber(date) !== day) wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('handles the ends of the four-digit range', () => {
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it.each(['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '26-04-01', '2026-04-01T00:00', '', '0000-01-01'])(
    'refuses %j',
    (bad) => {
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    },
  );

  it('knows leap days', () => {
    expect(toDayNumber('2000-02-29') + 1).toBe(toDayNumber('2000-03-01'));
    expect(toDayNumber('2028-02-29') + 1).toBe(toDayNumber('2028-03-01'));
  });
});

describe('dayOfWeek', () => {
  it('is ISO 8601: Monday 1 … Sunday 7', () => {
    expect(dayOfWeek('2026-01-05')).toBe(1);
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2026-01-04')).toBe(7);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });
});

describe('addDays / addWeeks', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts weeks as 7 calendar days, landing on the same weekday', () => {
    expect(addWeeks('2026-03-02', 8)).toBe('2026-04-27');
    expect(addWeeks('2026-12-21', 2)).toBe('2027-01-04');
    expect(addWeeks('2026-01-14', -2)).toBe('2025-12-31');
    expect(dayOfWeek(addWeeks('2026-03-02', 8))).toBe(dayOfWeek('2026-03-02'));
  });

  it('refuses fractions', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addWeeks('2026-01-01', Number.NaN)).toThrow(RangeError);
  });
});

describe('toAmsterdamDate', () => {
  it('is the Amsterdam wall date, not the UTC date (CET, UTC+1, in winter)', () => {
    expect(toAmsterdamDate(new Date('2025-12-31T22:59:59.999Z'))).toBe('2025-12-31');
    expect(toAmsterdamDate(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
  });

  it('follows the switch to CEST (UTC+2) on 29 March 2026', () => {
    expect(toAmsterdamDate(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(toAmsterdamDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    // 01:00Z is 02:00 CET, which becomes 03:00 CEST.
    expect(toAmsterdamDate(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29');
    expect(toAmsterdamDate(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(toAmsterdamDate(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('follows the switch back to CET on 25 October 2026', () => {
    expect(toAmsterdamDate(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(toAmsterdamDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    // 02:30 local happens twice: at 00:30Z (CEST) and at 01:30Z (CET).
    expect(toAmsterdamDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
    expect(toAmsterdamDate(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25');
    expect(toAmsterdamDate(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(toAmsterdamDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('is the same in summer at 21:59Z and a day later at 22:00Z', () => {
    expect(toAmsterdamDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(toAmsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('refuses an invalid Date', () => {
    expect(() => toAmsterdamDate(new Date('nope'))).toThrow(RangeError);
  });
});
