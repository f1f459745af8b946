// Dutch formatting of the API's values. A count is a number, or a string such as "<5" when the API
// suppressed a small cell of another party: that string is shown as it is and never computed with.

const NUMBER = new Intl.NumberFormat('nl-NL');
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export function isCount(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

export function count(value) {
  if (isCount(value)) return NUMBER.format(value);
  return value === null || value === undefined ? '–' : String(value);
}

/** A share between 0 and 1 as a percentage; a suppressed share stays as the API gave it. */
export function share(value) {
  return isCount(value) ? PERCENT.format(value) : count(value);
}

/** 'YYYY-MM' → 'nov 2026'. */
export function month(value) {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  if (match === null) return value ?? '';
  return MONTH.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

export function moment(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : MOMENT.format(date);
}

/** Sorts counts high to low; suppressed cells ("<5") after every real number, since they are smaller than the threshold. */
export function byCountDescending(get) {
  const rank = (row) => (isCount(get(row)) ? get(row) : -1);
  return (a, b) => rank(b) - rank(a);
}

/** The month input's value ('YYYY-MM') and the API's dates ('YYYY-MM-DD', `tot` exclusive). */
export function firstDay(monthValue) {
  return `${monthValue}-01`;
}

export function dayAfterMonth(monthValue) {
  const [year, m] = monthValue.split('-').map(Number);
  const next = new Date(Date.UTC(year, m, 1));
  return next.toISOString().slice(0, 10);
}

/** The inclusive month the exclusive `tot` date ends: '2026-12-01' → '2026-11'. */
export function monthBefore(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 7);
}

/** The months of a period ('YYYY-MM-DD', `tot` exclusive) as 'YYYY-MM', newest first. */
export function monthsNewestFirst(van, tot) {
  const months = [];
  for (let m = monthBefore(tot); m >= van.slice(0, 7); m = monthBefore(`${m}-01`)) months.push(m);
  return months;
}
