/** Periods of the quality API as days `yyyy-mm-dd`: `van` inclusive, `tot` exclusive. */
import { toAmsterdamDate } from '../calendar/index.js';

function firstOfMonth(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** The current month and the eleven before it, on the Amsterdam calendar. */
export function lastTwelveMonths(now: Date): { van: string; tot: string } {
  const today = toAmsterdamDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { van: firstOfMonth(year, month - 11), tot: firstOfMonth(year, month + 1) };
}

/** `yyyy-mm` → the days of that month. */
export function monthPeriod(maand: string): { van: string; tot: string } {
  const year = Number(maand.slice(0, 4));
  const month = Number(maand.slice(5, 7));
  return { van: firstOfMonth(year, month), tot: firstOfMonth(year, month + 1) };
}
