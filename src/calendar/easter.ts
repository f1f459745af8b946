/**
 * Easter Sunday (Gregorian, so also for the Dutch churches' Pasen that the Algemene termijnenwet
 * means by "de Christelijke tweede Paasdag").
 *
 * The anonymous Gregorian algorithm as given by Jean Meeus, Astronomical Algorithms (2nd ed.,
 * 1998), ch. 8, after Butcher's Ecclesiastical Calendar (1876) and Jones (1922). Valid for every
 * Gregorian year, that is from 1583 on; for earlier years it gives the proleptic Gregorian date.
 */
export function easterSunday(year: number): string {
  const { month, day } = easterMonthDay(year);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function easterMonthDay(year: number): { month: number; day: number } {
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999) throw new RangeError(`not a year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}
