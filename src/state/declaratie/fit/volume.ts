/**
 * How much a toewijzing with an Omvang allows to be declared (process.md §4.4): per product period
 * (TR321) and over its whole duration (TR322), by Eenheid, Frequentie and uitvoeringsvariant.
 * Volumes are compared in a base unit: minutes for an hour toewijzing (TR341 lets hours be
 * declared in minutes), else the toewijzing's own unit, so every comparison stays integer.
 */
import type { ToewijzingRow } from '../../toewijzing/current.js';
import { contains, daysIn, intersect, isoWeeksTouching, monthsTouching, period, sundayOnOrBefore, sundaysIn, type Period } from './periods.js';

/** WJ756: 82 stuks (output) and 83 euro's are the output-based units; all others effort-based. */
const OUTPUT_UNITS = new Set(['82', '83']);
const UUR = '04';
const MINUUT = '01';

/** WMO757 Frequentie. */
const PER_DAG = '1';
const PER_WEEK = '2';
const PER_MAAND = '4';
const TOTAAL = '6';

export type Variant = 'inspanning' | 'output';

export function variantOf(eenheid: string): Variant {
  return OUTPUT_UNITS.has(eenheid) ? 'output' : 'inspanning';
}

/** Does a declared Eenheid fit an assigned one (TR341): equal, or minutes on an hour toewijzing. */
export function unitFits(assigned: string, declared: string): boolean {
  return assigned === declared || (assigned === UUR && declared === MINUUT);
}

/** Base units per declared unit, or null when the declared unit does not fit the assigned one. */
export function scaleOf(assigned: string, declared: string): number | null {
  if (assigned === UUR) return declared === UUR ? 60 : declared === MINUUT ? 1 : null;
  return assigned === declared ? 1 : null;
}

/** Base units per assigned unit. */
export function assignedScale(assigned: string): number {
  return assigned === UUR ? 60 : 1;
}

export interface Omvang {
  readonly volume: number;
  readonly eenheid: string;
  readonly frequentie: string;
}

export function omvangOf(t: ToewijzingRow): Omvang | null {
  return t.volume === null || t.eenheid === null || t.frequentie === null ? null : { volume: t.volume, eenheid: t.eenheid, frequentie: t.frequentie };
}

export function validityOf(t: ToewijzingRow): Period {
  // An open end is bounded far away; callers that need the end ask for t.einddatum themselves.
  return period(t.ingangsdatum, t.einddatum ?? '9999-12-31');
}

/**
 * Weekly output (IV076, IV077): the weeks whose Sunday lies in the period, plus the last broken
 * week in the period that holds the toewijzing's last Sunday when it does not end on a Sunday.
 * A toewijzing without any Sunday has only that broken week: we place it in the period holding
 * its end (the standard does not cover this case; it is the reading that allows one week once).
 */
function outputWeeks(p: Period, validity: Period): number {
  let weeks = sundaysIn(p);
  const end = validity.to;
  if (sundayOnOrBefore(end) !== end) {
    const lastSunday = sundayOnOrBefore(end);
    const anchor = lastSunday >= validity.from ? lastSunday : end;
    if (contains(p, anchor)) weeks += 1;
  }
  return weeks;
}

/**
 * The most a prestatie may declare for its product period, in assigned units (TR321), or null
 * when nothing can be said (the period lies outside the toewijzing: TR307/TR308 report that).
 * A broken week or month allows the full frequency volume (IV078).
 */
export function maxForPeriod(omvang: Omvang, validity: Period, productPeriode: Period): number | null {
  const p = intersect(productPeriode, validity);
  if (p === null) return null;
  switch (omvang.frequentie) {
    case PER_DAG:
      return daysIn(p) * omvang.volume;
    case PER_WEEK:
      return (variantOf(omvang.eenheid) === 'output' ? outputWeeks(p, validity) : isoWeeksTouching(p)) * omvang.volume;
    case PER_MAAND:
      // A product period never spans two months (CS337).
      return omvang.volume;
    case TOTAAL:
      return omvang.volume;
    default:
      return null;
  }
}

/**
 * The most all prestaties together may declare over the toewijzing, in assigned units (TR322,
 * IV077 step 4), or null when it is unbounded (no Einddatum with a per-day or per-month volume).
 */
export function maxForToewijzing(omvang: Omvang, t: Pick<ToewijzingRow, 'ingangsdatum' | 'einddatum'>): number | null {
  if (omvang.frequentie === TOTAAL) return omvang.volume;
  if (t.einddatum === null) return null;
  const validity = period(t.ingangsdatum, t.einddatum);
  switch (omvang.frequentie) {
    case PER_DAG:
      return daysIn(validity) * omvang.volume;
    case PER_WEEK:
      return (variantOf(omvang.eenheid) === 'output' ? outputWeeks(validity, validity) : isoWeeksTouching(validity)) * omvang.volume;
    case PER_MAAND:
      return monthsTouching(validity) * omvang.volume;
    default:
      return null;
  }
}
