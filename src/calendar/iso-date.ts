/**
 * Calendar dates as ISO 8601 `yyyy-mm-dd` strings, the form iJw uses for every date element, and
 * as day numbers (days since 1970-01-01) for arithmetic. A date here is a day on the wall calendar
 * of Europe/Amsterdam, never an instant; `toAmsterdamDate` is the only bridge from an instant.
 *
 * Malformed input throws a RangeError: callers pass dates that the XSD or our own code already
 * checked, so a bad one here is our fault, not the sender's.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `yyyy-mm-dd` date (proleptic Gregorian, years 0001–9999); 1970-01-01 is 0. */
export function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m === null) throw new RangeError(`not a yyyy-mm-dd date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: ${date}`);
  }
  return daysFromCivil(year, month, day);
}

/**
 * The schema's dates (xs:date without a time zone) also take negative years and years of five
 * digits or more, which the arithmetic here does not cover. Mapped to the first or the last day
 * it does cover, they keep their order against every date in that range: a toewijzing that ends
 * in 22026 still ends after any claim, one that begins in -2026 begins before it. Dates of
 * 0001–9999 come back unchanged.
 */
export function clampToPlainRange(date: string): string {
  if (date.startsWith('-')) return '0001-01-01';
  return /^\d{5,}-/.test(date) ? '9999-12-31' : date;
}

/** Day number of year, month (1–12) and day, which the caller knows to form a real date. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day);
}

/** Inverse of `toDayNumber`. */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`not a day number: ${dayNumber}`);
  const { year, month, day } = civilFromDays(dayNumber);
  if (year < 1 || year > 9999) throw new RangeError(`year ${year} is outside 0001–9999`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The year a day number falls in. */
export function yearOf(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // Day 0, 1970-01-01, was a Thursday (4).
  return (((dayNumber + 3) % 7) + 7) % 7 + 1;
}

/** ISO 8601 day of the week of a `yyyy-mm-dd` date: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  return isoWeekday(toDayNumber(date));
}

export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar weeks: the same weekday `n` weeks on, as a term "binnen n weken" is counted. */
export function addWeeks(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of weeks: ${n}`);
  return addDays(date, 7 * n);
}

// A wall-clock date needs the zone's rules (CET/CEST, switching on the last Sundays of March and
// October), which only the ICU data behind Intl has; formatToParts keeps us independent of how a
// locale happens to order the fields.
const AMSTERDAM = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
// Since 1970 Amsterdam is a whole number of hours from UTC (before 1940 it was not), so its date
// is the same for a whole UTC hour: a one-entry memo of a pure function spares the Intl formatter
// (~15 µs) for nearly every call.
let memoHour = Number.NaN;
let memoDate = '';

/** The Europe/Amsterdam calendar date of an instant, e.g. the day a heen-bericht was received. */
export function toAmsterdamDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  const hour = ms >= 0 ? Math.floor(ms / HOUR_MS) : Number.NaN;
  if (hour === memoHour) return memoDate;
  let year = '';
  let month = '';
  let day = '';
  for (const part of AMSTERDAM.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  memoHour = hour;
  memoDate = `${year.padStart(4, '0')}-${month}-${day}`;
  return memoDate;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// days_from_civil and civil_from_days from Howard Hinnant, "chrono-Compatible Low-Level Date
// Algorithms" (howardhinnant.github.io/date_algorithms.html): exact integer arithmetic on eras of
// 400 years, so unlike Date.UTC they have no special case for years 0–99 and no time zone.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}
