/**
 * Calendar arithmetic of the volume rules, on day numbers (days since 1970-01-01; see
 * calendar/iso-date.ts). A period is inclusive at both ends.
 */
import { fromDayNumber, isoWeekday, toDayNumber } from '../../../calendar/iso-date.js';

export interface Period {
  readonly from: number;
  readonly to: number;
}

export function period(from: string, to: string): Period {
  return { from: toDayNumber(from), to: toDayNumber(to) };
}

/** The days both periods share, or null when they share none. */
export function intersect(a: Period, b: Period): Period | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}

export function contains(p: Period, day: number): boolean {
  return day >= p.from && day <= p.to;
}

export function daysIn(p: Period): number {
  return p.to - p.from + 1;
}

/**
 * ISO 8601 calendar weeks (Monday–Sunday) with at least one day in the period: the count of
 * distinct week numbers from its first to its last day (weeknummer.md), also across a year end.
 */
export function isoWeeksTouching(p: Period): number {
  const firstMonday = p.from - (isoWeekday(p.from) - 1);
  const lastMonday = p.to - (isoWeekday(p.to) - 1);
  return (lastMonday - firstMonday) / 7 + 1;
}

export function sundaysIn(p: Period): number {
  const firstSunday = p.from + ((7 - isoWeekday(p.from)) % 7);
  return firstSunday > p.to ? 0 : Math.floor((p.to - firstSunday) / 7) + 1;
}

/** The last Sunday on or before `day`. */
export function sundayOnOrBefore(day: number): number {
  return day - (isoWeekday(day) % 7);
}

/** Calendar months with at least one day in the period. */
export function monthsTouching(p: Period): number {
  const a = fromDayNumber(p.from);
  const b = fromDayNumber(p.to);
  const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
  return months(b) - months(a) + 1;
}

/** First and last day of the calendar month of a yyyy-mm-dd date. */
export function monthOf(date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const from = toDayNumber(`${date.slice(0, 7)}-01`);
  const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${date.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: toDayNumber(next) - 1 };
}
