/** Small, exact helpers the rules share: dates as ISO strings, the elfproef, periods. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * True for a plain yyyy-mm-dd date; the schema also lets through '-2026-04-01' and 5-digit years.
 * Exactly ISO_DATE.test(value), by character codes: the claim rules ask this some 300,000 times
 * for a 25 MB JW323, and a regular expression per call costs several times more.
 */
export function isPlainDate(value: string): boolean {
  // The typeof check keeps the regular expression's answer for an absent value (false) on an XSD-invalid message.
  return (
    typeof value === 'string' &&
    value.length === 10 &&
    isDigit(value.charCodeAt(0)) &&
    isDigit(value.charCodeAt(1)) &&
    isDigit(value.charCodeAt(2)) &&
    isDigit(value.charCodeAt(3)) &&
    value.charCodeAt(4) === 0x2d &&
    isDigit(value.charCodeAt(5)) &&
    isDigit(value.charCodeAt(6)) &&
    value.charCodeAt(7) === 0x2d &&
    isDigit(value.charCodeAt(8)) &&
    isDigit(value.charCodeAt(9))
  );
}

/**
 * Same year and month for two schema dates: all but their last three characters ('-dd') agree.
 * For plain dates that is the first seven; it holds as well for negative and five-digit years.
 */
export function sameMonth(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length - 3; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Days since 1970-01-01 for a plain date, NaN otherwise. */
export function dayNumber(value: string): number {
  const m = ISO_DATE.exec(value);
  if (m === null) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Orders two schema dates (xs:date without a time zone): negative, zero or positive. Plain dates
 * order as strings. The schema also takes negative years and years of five digits or more, where
 * strings do not order ('12026-01-01' < '2026-01-01'): there the sign decides, then the year by
 * length and digits (backwards for negative years: -2027 comes before -2026), then month and day.
 * NaN when either is absent (a large claim's rules run before its schema verdict), so that every
 * comparison with it is false.
 */
export function compareDates(a: string, b: string): number {
  if (isPlainDate(a) && isPlainDate(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a !== 'string' || typeof b !== 'string') return Number.NaN;
  const negative = a.startsWith('-');
  if (negative !== b.startsWith('-')) return negative ? -1 : 1;
  const ya = a.lastIndexOf('-', a.length - 4);
  const yb = b.lastIndexOf('-', b.length - 4);
  const yearA = a.slice(negative ? 1 : 0, ya);
  const yearB = b.slice(negative ? 1 : 0, yb);
  const byYear = yearA.length - yearB.length || (yearA < yearB ? -1 : yearA > yearB ? 1 : 0);
  if (byYear !== 0) return negative ? -Math.sign(byYear) : Math.sign(byYear);
  const restA = a.slice(ya);
  const restB = b.slice(yb);
  return restA < restB ? -1 : restA > restB ? 1 : 0;
}

/** a lies before b, for any two schema dates (compareDates). */
export function dateBefore(a: string, b: string): boolean {
  return compareDates(a, b) < 0;
}

export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  return `${String(y).padStart(4, '0')}${date.slice(4)}`;
}

/** First and last day of the month a plain date falls in. */
export function monthBounds(date: string): { first: string; last: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${date.slice(0, 7)}-01`, last: `${date.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
}

/** BSN elfproef: 9 digits, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and not all zeros. */
export function passesElfproef(bsn: string): boolean {
  if (typeof bsn !== 'string' || bsn.length !== 9 || bsn === '000000000') return false;
  for (let i = 0; i < 9; i++) if (!isDigit(bsn.charCodeAt(i))) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** Inclusive periods; an absent end is open. */
export function periodsOverlap(aStart: string, aEnd: string | undefined, bStart: string, bEnd: string | undefined): boolean {
  return (aEnd === undefined || bStart <= aEnd) && (bEnd === undefined || aStart <= bEnd);
}

/** Items of a list that repeat a key already seen, with their positions. */
export function duplicates<T>(items: readonly T[], key: (item: T) => string): { item: T; index: number }[] {
  const seen = new Set<string>();
  const out: { item: T; index: number }[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) out.push({ item, index });
    else seen.add(k);
  });
  return out;
}
