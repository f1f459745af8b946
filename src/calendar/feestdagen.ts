/**
 * The days besides Saturday and Sunday that are not werkdagen.
 *
 * iJw counts its terms in werkdagen (OP090, OP090x4, OP271, OP272, OP274, OP346) and defines a
 * werkdag as Monday to Friday "met uitzondering van erkende feestdagen" (begrippenlijst), without
 * listing them. The list the law gives is that of the Algemene termijnenwet (Atw, Stb. 1964, 314),
 * art. 3, which we take as the authority:
 *
 * - lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day on
 *   which the King's birthday is celebrated, and "de vijfde mei" – every year, not only in lustrum
 *   years: that once-in-five-years day off comes from collective labour agreements, not from law.
 * - lid 2: Goede Vrijdag is equated with those days. Whether it is a day off is up to collective
 *   agreements; for a term under the Atw it is not a werkdag, so it is not one here either.
 * - lid 3: days equated by royal decree, published for a few years at a time; `GELIJKGESTELD`.
 *
 * Sunday's Eerste Paas- and Pinksterdag need no entry: they are never werkdagen.
 */
import { easterMonthDay } from './easter.js';
import { dayNumberOf, fromDayNumber, isoWeekday, toDayNumber, yearOf } from './iso-date.js';

export type Grond = 'Atw art. 3 lid 1' | 'Atw art. 3 lid 2' | 'Atw art. 3 lid 3';

export interface Feestdag {
  readonly date: string;
  readonly naam: string;
  readonly grond: Grond;
}

/**
 * Atw art. 3 lid 3 decrees, each named by its title, which lists its dates. All ten are Fridays
 * after a Thursday feestdag; the decrees do not follow a fixed rule (2026 has no Monday 4 May
 * before a Tuesday Bevrijdingsdag), so they are listed, not derived.
 *
 * Only decrees we found are listed, so days before 2023 and after 2028 are missing: a missing
 * bridge day makes a deadline one werkdag earlier than the law's, never later. Add the next
 * decree (for 2029 onward) when it appears in the Staatscourant.
 */
const GELIJKGESTELD: readonly { readonly besluit: string; readonly dates: readonly string[] }[] = [
  {
    besluit: 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag',
    dates: ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
  },
  {
    besluit: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag',
    dates: ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
  },
];

/** The Atw feestdagen of `year` in date order; two names may share a date (Hemelvaart on 5 May). */
export function feestdagen(year: number): readonly Feestdag[] {
  return feestdagDays(year).map(({ day, naam, grond }) => ({ date: fromDayNumber(day), naam, grond }));
}

export function isFeestdag(date: string): boolean {
  return isFeestdagNumber(toDayNumber(date));
}

/** `isFeestdag` on a day number; werkdagen arithmetic calls this for every day it steps over. */
export function isFeestdagNumber(day: number): boolean {
  return feestdagDays(yearOf(day)).some((f) => f.day === day);
}

export interface FeestdagDay {
  readonly day: number;
  readonly naam: string;
  readonly grond: Grond;
}

const GELIJKGESTELD_DAYS: readonly FeestdagDay[] = GELIJKGESTELD.flatMap(({ besluit, dates }) =>
  dates.map((date) => ({ day: toDayNumber(date), naam: `Gelijkgestelde dag (${besluit})`, grond: 'Atw art. 3 lid 3' as const })),
);

// In day numbers rather than strings: this runs once per day stepped over, and formatting and
// parsing a dozen dates each time made addWerkdagen five times slower.
export function feestdagDays(year: number): readonly FeestdagDay[] {
  const { month, day } = easterMonthDay(year);
  const easter = dayNumberOf(year, month, day);
  const days: FeestdagDay[] = [
    { day: dayNumberOf(year, 1, 1), naam: 'Nieuwjaarsdag', grond: 'Atw art. 3 lid 1' },
    { day: easter - 2, naam: 'Goede Vrijdag', grond: 'Atw art. 3 lid 2' },
    { day: easter + 1, naam: 'Tweede Paasdag', grond: 'Atw art. 3 lid 1' },
    koningsdag(year),
    { day: dayNumberOf(year, 5, 5), naam: 'Bevrijdingsdag', grond: 'Atw art. 3 lid 1' },
    { day: easter + 39, naam: 'Hemelvaartsdag', grond: 'Atw art. 3 lid 1' },
    { day: easter + 50, naam: 'Tweede Pinksterdag', grond: 'Atw art. 3 lid 1' },
    { day: dayNumberOf(year, 12, 25), naam: 'Eerste Kerstdag', grond: 'Atw art. 3 lid 1' },
    { day: dayNumberOf(year, 12, 26), naam: 'Tweede Kerstdag', grond: 'Atw art. 3 lid 1' },
  ];
  for (const g of GELIJKGESTELD_DAYS) if (yearOf(g.day) === year) days.push(g);
  return days.sort((a, b) => a.day - b.day);
}

// "De dag waarop de verjaardag van de Koning wordt gevierd" (Atw art. 3 lid 1) moves with the
// monarch. Since 2014: 27 April, or Saturday 26 April when the 27th is a Sunday (first applied in
// 2014 itself). 1980–2013 Koninginnedag: 30 April, or Saturday 29 April when the 30th is a Sunday.
// Earlier rules are not modelled: no iJw message predates 2015.
function koningsdag(year: number): FeestdagDay {
  if (year >= 2014) {
    const day = dayNumberOf(year, 4, 27);
    return { day: isoWeekday(day) === 7 ? day - 1 : day, naam: 'Koningsdag', grond: 'Atw art. 3 lid 1' };
  }
  const day = dayNumberOf(year, 4, 30);
  return { day: isoWeekday(day) === 7 ? day - 1 : day, naam: 'Koninginnedag', grond: 'Atw art. 3 lid 1' };
}
