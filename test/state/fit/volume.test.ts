/** The volume limits per product period and per toewijzing (IV076–IV078), on the standard's examples. */
import { describe, expect, it } from 'vitest';
import { period } from '../../../src/state/declaratie/fit/periods.js';
import { maxForPeriod, maxForToewijzing, scaleOf, unitFits, variantOf, type Omvang } from '../../../src/state/declaratie/fit/volume.js';

const weekly = (volume: number, eenheid: string): Omvang => ({ volume, eenheid, frequentie: '2' });

describe('weekly, inspanningsgericht (IV077)', () => {
  const t = { ingangsdatum: '2025-10-07', einddatum: '2025-12-30' };
  const validity = period(t.ingangsdatum, t.einddatum);
  const omvang = weekly(3, '04');

  it('allows ISO weeks touching the period × the weekly volume', () => {
    expect(maxForPeriod(omvang, validity, period('2025-10-07', '2025-10-31'))).toBe(12);
    expect(maxForPeriod(omvang, validity, period('2025-11-01', '2025-11-30'))).toBe(15);
    expect(maxForPeriod(omvang, validity, period('2025-12-01', '2025-12-30'))).toBe(15);
  });

  it('allows weeks of the toewijzing × the weekly volume in total', () => {
    expect(maxForToewijzing(omvang, t)).toBe(39);
  });

  it('allows a broken first week in full (IV078, 12-11-2026 to 30-11-2026 at 3 hours a week)', () => {
    // 12-11-2026 is a Thursday of week 46; 30-11-2026 a Monday of week 49: weeks 46–49 touch it, so
    // IV077's method gives 4 × 3. IV078's own example says 9: it counts as if 30-11 were a Sunday
    // (as it is in 2025). We follow the method of IV077, which IV078 refers to.
    const v = period('2026-11-12', '2026-12-13');
    expect(maxForPeriod(omvang, v, period('2026-11-12', '2026-11-30'))).toBe(12);
  });
});

describe('weekly, outputgericht (IV076, IV077)', () => {
  it('counts Sundays, and adds the last broken week where the last Sunday lies (example 2)', () => {
    const t = { ingangsdatum: '2025-07-07', einddatum: '2025-09-06' };
    const validity = period(t.ingangsdatum, t.einddatum);
    const omvang = weekly(30000, '83');
    expect(maxForPeriod(omvang, validity, period('2025-07-07', '2025-07-31'))).toBe(90000);
    expect(maxForPeriod(omvang, validity, period('2025-08-01', '2025-08-31'))).toBe(180000);
    expect(maxForPeriod(omvang, validity, period('2025-09-01', '2025-09-06'))).toBe(0);
    expect(maxForToewijzing(omvang, t)).toBe(270000);
  });

  it('adds nothing when the toewijzing ends on a Sunday (example 1)', () => {
    const t = { ingangsdatum: '2025-07-07', einddatum: '2025-09-07' };
    const validity = period(t.ingangsdatum, t.einddatum);
    const omvang = weekly(30000, '83');
    expect(maxForPeriod(omvang, validity, period('2025-08-01', '2025-08-31'))).toBe(150000);
    expect(maxForPeriod(omvang, validity, period('2025-09-01', '2025-09-07'))).toBe(30000);
    expect(maxForToewijzing(omvang, t)).toBe(270000);
  });

  it('counts IV077 example 1: December 2025 gets 4 Sundays + 1', () => {
    const validity = period('2025-10-01', '2025-12-31');
    const omvang = weekly(30000, '83');
    expect(maxForPeriod(omvang, validity, period('2025-12-01', '2025-12-31'))).toBe(150000);
    expect(maxForPeriod(omvang, validity, period('2025-11-01', '2025-11-30'))).toBe(150000);
  });

  it('gives a toewijzing without a Sunday its one broken week, in the period of its end', () => {
    const t = { ingangsdatum: '2026-03-02', einddatum: '2026-03-04' };
    expect(maxForPeriod(weekly(2, '82'), period(t.ingangsdatum, t.einddatum), period('2026-03-02', '2026-03-04'))).toBe(2);
    expect(maxForToewijzing(weekly(2, '82'), t)).toBe(2);
  });
});

describe('other frequencies', () => {
  it('per day: days of the period within the toewijzing', () => {
    const omvang: Omvang = { volume: 2, eenheid: '04', frequentie: '1' };
    const validity = period('2026-03-09', '2026-04-30');
    expect(maxForPeriod(omvang, validity, period('2026-03-09', '2026-03-31'))).toBe(46);
    expect(maxForToewijzing(omvang, { ingangsdatum: '2026-03-09', einddatum: '2026-04-30' })).toBe(106);
    expect(maxForToewijzing(omvang, { ingangsdatum: '2026-03-09', einddatum: null })).toBeNull();
  });

  it('per month: the volume for any (broken) month, months × volume in total (IV078 example 2)', () => {
    const omvang: Omvang = { volume: 15, eenheid: '04', frequentie: '4' };
    const t = { ingangsdatum: '2026-10-14', einddatum: '2026-12-13' };
    expect(maxForPeriod(omvang, period(t.ingangsdatum, t.einddatum), period('2026-10-14', '2026-10-31'))).toBe(15);
    expect(maxForToewijzing(omvang, t)).toBe(45);
  });

  it('total: the volume, per prestatie and over the toewijzing, also without an end', () => {
    const omvang: Omvang = { volume: 250000, eenheid: '83', frequentie: '6' };
    expect(maxForPeriod(omvang, period('2026-03-01', '2026-06-30'), period('2026-03-01', '2026-03-31'))).toBe(250000);
    expect(maxForToewijzing(omvang, { ingangsdatum: '2026-03-01', einddatum: null })).toBe(250000);
  });

  it('nothing to say for a period outside the toewijzing', () => {
    expect(maxForPeriod(weekly(3, '04'), period('2026-03-09', '2026-03-31'), period('2026-02-01', '2026-02-28'))).toBeNull();
  });
});

describe('units', () => {
  it('lets minutes be declared on hours and nothing else differ (TR341)', () => {
    expect(unitFits('04', '01')).toBe(true);
    expect(unitFits('01', '04')).toBe(false);
    expect(unitFits('14', '16')).toBe(false);
    expect(scaleOf('04', '04')).toBe(60);
    expect(scaleOf('04', '01')).toBe(1);
    expect(scaleOf('16', '16')).toBe(1);
    expect(scaleOf('16', '14')).toBeNull();
  });

  it('reads the uitvoeringsvariant from the unit', () => {
    expect(variantOf('82')).toBe('output');
    expect(variantOf('83')).toBe('output');
    expect(variantOf('84')).toBe('inspanning');
    expect(variantOf('04')).toBe('inspanning');
  });
});
