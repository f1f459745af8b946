/** Calendar months as 'YYYY-MM', the unit of the monthly report. */
import { toAmsterdamDate } from '../calendar/index.js';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month before the one `now` falls in, in Dutch time: a report made at 00:30 on 1 May covers April. */
export function previousMonth(now: Date): string {
  return addMonths(toAmsterdamDate(now).slice(0, 7), -1);
}

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2026-10' → 'oktober 2026'. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${year}`;
}
