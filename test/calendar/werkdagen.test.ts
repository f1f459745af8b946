import { describe, expect, it } from 'vitest';
import { feestdagen } from '../../src/calendar/feestdagen.js';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from '../../src/calendar/iso-date.js';
import { addWerkdagen, isWerkdag, werkdagenBetween, werkdagOnOrAfter } from '../../src/calendar/werkdagen.js';

/** Seeded so a failure reproduces: the LCG of Numerical Recipes. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

function randomDate(random: () => number): string {
  const lo = toDayNumber('2000-01-01');
  const hi = toDayNumber('2040-12-31');
  return fromDayNumber(lo + Math.floor(random() * (hi - lo + 1)));
}

/** The definition, one day at a time, to check the arithmetic of werkdagenBetween against. */
function slowBetween(from: string, to: string): number {
  let count = 0;
  if (to >= from) {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWerkdag(d)) count++;
    return count;
  }
  for (let d = to; d < from; d = addDays(d, 1)) if (isWerkdag(d)) count--;
  return count;
}

describe('isWerkdag', () => {
  it('is false on Saturday and Sunday, true on an ordinary weekday', () => {
    expect(isWerkdag('2026-03-07')).toBe(false);
    expect(isWerkdag('2026-03-08')).toBe(false);
    for (const d of ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']) expect(isWerkdag(d)).toBe(true);
  });

  it.each([2026, 2027])('is false on each feestdag of %i', (year) => {
    for (const f of feestdagen(year)) expect(isWerkdag(f.date), f.date).toBe(false);
  });

  it('is true on days people may have off but the Atw does not list', () => {
    expect(isWerkdag('2026-12-31')).toBe(true);
    expect(isWerkdag('2026-05-04')).toBe(true);
    expect(isWerkdag('2027-04-26')).toBe(true);
  });

  it('counts 251 werkdagen in 2026 and 253 in 2027', () => {
    expect(werkdagenBetween('2025-12-31', '2026-12-31')).toBe(251);
    expect(werkdagenBetween('2026-12-31', '2027-12-31')).toBe(253);
  });

  it('refuses a malformed date', () => {
    expect(() => isWerkdag('2026-02-30')).toThrow(RangeError);
    expect(() => isWerkdag('20260301')).toThrow(RangeError);
  });
});

describe('addWerkdagen', () => {
  it('does not count the day itself', () => {
    expect(addWerkdagen('2026-03-09', 1)).toBe('2026-03-10');
    expect(addWerkdagen('2026-03-13', 3)).toBe('2026-03-18');
    expect(addWerkdagen('2026-03-14', 3)).toBe('2026-03-18');
    expect(addWerkdagen('2026-03-15', 3)).toBe('2026-03-18');
  });

  it('gives the date back for 0, werkdag or not', () => {
    expect(addWerkdagen('2026-03-14', 0)).toBe('2026-03-14');
    expect(addWerkdagen('2026-03-09', 0)).toBe('2026-03-09');
  });

  it('skips Goede Vrijdag and Tweede Paasdag', () => {
    expect(addWerkdagen('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWerkdagen('2026-04-02', 3)).toBe('2026-04-09');
  });

  it('skips Christmas, New Year and the equated 2 January 2026', () => {
    expect(addWerkdagen('2026-12-23', 3)).toBe('2026-12-29');
    expect(addWerkdagen('2025-12-30', 3)).toBe('2026-01-06');
    expect(addWerkdagen('2025-12-24', 1)).toBe('2025-12-29');
  });

  it('goes backwards for negative n', () => {
    expect(addWerkdagen('2026-04-07', -1)).toBe('2026-04-02');
    expect(addWerkdagen('2026-03-14', -1)).toBe('2026-03-13');
    expect(addWerkdagen('2026-01-05', -1)).toBe('2025-12-31');
    expect(addWerkdagen('2026-01-05', -2)).toBe('2025-12-30');
  });

  it('refuses a fraction', () => {
    expect(() => addWerkdagen('2026-03-09', 1.5)).toThrow(RangeError);
  });
});

describe('werkdagenBetween', () => {
  it('excludes from and includes to', () => {
    expect(werkdagenBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(werkdagenBetween('2026-03-09', '2026-03-10')).toBe(1);
    expect(werkdagenBetween('2026-03-13', '2026-03-16')).toBe(1);
    expect(werkdagenBetween('2026-03-13', '2026-03-15')).toBe(0);
    expect(werkdagenBetween('2026-04-02', '2026-04-09')).toBe(3);
  });

  it('is negative backwards, counting to and not from', () => {
    expect(werkdagenBetween('2026-03-10', '2026-03-09')).toBe(-1);
    expect(werkdagenBetween('2026-03-14', '2026-03-13')).toBe(-1);
    expect(werkdagenBetween('2026-03-16', '2026-03-14')).toBe(0);
  });

  it('agrees with counting day by day, over spans from a day to several years', () => {
    const random = lcg(20260309);
    const wrong: string[] = [];
    for (let i = 0; i < 400; i++) {
      const from = randomDate(random);
      const to = addDays(from, Math.floor(random() * 1_600) - 800);
      if (werkdagenBetween(from, to) !== slowBetween(from, to)) wrong.push(`${from} → ${to}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('properties', () => {
  const random = lcg(42);
  const cases = Array.from({ length: 2_000 }, () => ({ date: randomDate(random), n: Math.floor(random() * 61) - 20 }));

  /** The cases for which `holds` is false, so a failure names them all at once. */
  const counterexamples = (holds: (date: string, n: number) => boolean) =>
    cases.filter(({ date, n }) => !holds(date, n)).map(({ date, n }) => `${date} ${n}`);

  it('addWerkdagen(d, n) is a werkdag for n ≠ 0', () => {
    expect(counterexamples((d, n) => n === 0 || isWerkdag(addWerkdagen(d, n)))).toEqual([]);
  });

  it('werkdagenBetween(d, addWerkdagen(d, n)) === n', () => {
    expect(counterexamples((d, n) => werkdagenBetween(d, addWerkdagen(d, n)) === n)).toEqual([]);
  });

  it('addWerkdagen(d, n) is the first day reaching n werkdagen: one day earlier falls short', () => {
    expect(counterexamples((d, n) => n < 1 || werkdagenBetween(d, addDays(addWerkdagen(d, n), -1)) === n - 1)).toEqual([]);
  });

  it('adds up: addWerkdagen(addWerkdagen(d, a), b) === addWerkdagen(d, a + b) for a ≥ 1, b ≥ 0', () => {
    const b = (n: number) => (((n * 7 + 3) % 15) + 15) % 15;
    expect(counterexamples((d, n) => addWerkdagen(addWerkdagen(d, Math.abs(n) + 1), b(n)) === addWerkdagen(d, Math.abs(n) + 1 + b(n)))).toEqual([]);
  });

  it('never lands on a weekend', () => {
    expect(counterexamples((d, n) => n === 0 || dayOfWeek(addWerkdagen(d, n)) <= 5)).toEqual([]);
  });
});

describe('werkdagOnOrAfter', () => {
  it('keeps a werkdag and moves anything else to the next werkdag', () => {
    expect(werkdagOnOrAfter('2026-03-11')).toBe('2026-03-11');
    expect(werkdagOnOrAfter('2026-03-14')).toBe('2026-03-16');
    expect(werkdagOnOrAfter('2026-04-03')).toBe('2026-04-07');
    expect(werkdagOnOrAfter('2026-05-14')).toBe('2026-05-18');
    expect(werkdagOnOrAfter('2026-12-25')).toBe('2026-12-28');
  });
});
