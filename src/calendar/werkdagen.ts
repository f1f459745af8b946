/**
 * Werkdagen: Monday to Friday except the Atw feestdagen (see feestdagen.ts).
 *
 * iJw terms run "binnen n werkdagen na" an event (OP090: "binnen drie werkdagen na ontvangst").
 * As Dutch law counts terms (Awb art. 6:8: a term begins "met ingang van de dag na" the event),
 * the day of the event does not count, whatever time it happened, and the n-th werkdag after it
 * is the last day on which the answer is on time. A heen-bericht received on Friday gets its
 * retour by Wednesday; received on Saturday, also by Wednesday.
 */
import { feestdagDays, isFeestdagNumber } from './feestdagen.js';
import { fromDayNumber, isoWeekday, toDayNumber, yearOf } from './iso-date.js';

export function isWerkdag(date: string): boolean {
  const day = toDayNumber(date);
  return isWerkdagNumber(day);
}

/**
 * The n-th werkdag after `date` (for n > 0), which is the due date of a term of n werkdagen from
 * `date`. `date` itself never counts, so n = 0 gives `date` back even when it is no werkdag.
 * For n < 0, the |n|-th werkdag before `date`.
 */
export function addWerkdagen(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of werkdagen: ${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWerkdagNumber(day)) left--;
  }
  return fromDayNumber(day);
}

/**
 * The werkdagen passed going from `from` to `to`: `from` excluded, `to` included. So it is how
 * many werkdagen an answer on `to` took after receipt on `from`: 0 on the same day, and at most 3
 * for a retour on time. Negative when `to` is before `from`, so that for every date d and whole
 * number n, werkdagenBetween(d, addWerkdagen(d, n)) === n.
 */
export function werkdagenBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  // 0 - x rather than -x, which would give -0 for an empty range (not 0 to Object.is).
  return b >= a ? countWerkdagen(a + 1, b) : 0 - countWerkdagen(b, a - 1);
}

/**
 * `date` if it is a werkdag, else the first werkdag after it. Atw art. 1 lid 1: a term set by law
 * that ends on a Saturday, Sunday or feestdag runs on to the next day that is none of those.
 */
export function werkdagOnOrAfter(date: string): string {
  let day = toDayNumber(date);
  while (!isWerkdagNumber(day)) day++;
  return fromDayNumber(day);
}

function isWerkdagNumber(day: number): boolean {
  return isoWeekday(day) <= 5 && !isFeestdagNumber(day);
}

/** Werkdagen in lo..hi, both included: weekdays by arithmetic, less the feestdagen among them. */
function countWerkdagen(lo: number, hi: number): number {
  if (hi < lo) return 0;
  const span = hi - lo + 1;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * 5;
  for (let day = lo + fullWeeks * 7; day <= hi; day++) {
    if (isoWeekday(day) <= 5) count++;
  }
  // A Set, since two feestdagen can share a date (Hemelvaartsdag on 5 May, as in 2016).
  for (let year = yearOf(lo); year <= yearOf(hi); year++) {
    for (const day of new Set(feestdagDays(year).map((f) => f.day))) {
      if (day >= lo && day <= hi && isoWeekday(day) <= 5) count--;
    }
  }
  return count;
}
