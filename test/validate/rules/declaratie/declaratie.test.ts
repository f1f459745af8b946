/**
 * The claim rules' tricky parts beyond the fixtures: calendar months (leap years, year ends),
 * the five-year limit, and sums signed by DebetCredit in JW323 and JW325.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageType } from '../../../../src/standard/catalogue.js';
import { beforeFirstClaimDate, isWholeCalendarMonth } from '../../../../src/validate/rules/declaratie/support.js';
import { checkMessage } from '../../../../src/validate/rules/run.js';
import { compareDates, sameMonth } from '../../../../src/validate/rules/support.js';
import { fixturesDir } from '../../../support/paths.js';

const fixture = (name: string) => readFileSync(join(fixturesDir, name), 'utf8');
const FEBRUARY = fixture('jw323/valid-february-single-client.xml');
const MARCH = fixture('jw323/valid-march-three-clients-with-credit.xml');
const PARTLY_REJECTED = fixture('jw325/valid-partly-rejected-march-9321.xml');
const FULLY_APPROVED = fixture('jw325/valid-fully-approved-april.xml');

/** Codes found, sorted; only the codes of this group's rules matter here. */
function codes(type: MessageType, text: string, only: readonly string[]): string[] {
  return checkMessage(type, text)
    .violations.map((v) => v.code)
    .filter((c) => only.includes(c))
    .sort();
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`no match for ${String(from)}`);
  return text.replace(from, to);
}

/** The February claim with its one DeclaratiePeriode and ProductPeriode set, dated `dag`. */
function february(begin: string, end: string, dag: string, prodBegin = begin, prodEnd = end): string {
  let t = replaceOnce(FEBRUARY, /(<jw323:DeclaratiePeriode>\s*<ijw:Begindatum>)[^<]*(<\/ijw:Begindatum>\s*<ijw:Einddatum>)[^<]*/, `$1${begin}$2${end}`);
  t = replaceOnce(t, /(<jw323:ProductPeriode>\s*<ijw:Begindatum>)[^<]*(<\/ijw:Begindatum>\s*<ijw:Einddatum>)[^<]*/, `$1${prodBegin}$2${prodEnd}`);
  t = replaceOnce(t, /(<ijw:Dagtekening>)[^<]*/, `$1${dag}`);
  return replaceOnce(t, /(<jw323:DeclaratieDagtekening>)[^<]*/, `$1${dag}`);
}

describe('calendar months', () => {
  it.each([
    ['2026-01-01', '2026-01-31', true],
    ['2026-04-01', '2026-04-30', true],
    ['2026-12-01', '2026-12-31', true],
    ['2023-02-01', '2023-02-28', true],
    ['2024-02-01', '2024-02-29', true],
    ['2024-02-01', '2024-02-28', false],
    ['2000-02-01', '2000-02-29', true],
    ['2100-02-01', '2100-02-28', true],
    ['2026-04-01', '2026-05-01', false],
    ['2026-03-02', '2026-03-31', false],
    ['2026-01-01', '2026-02-28', false],
    ['2025-12-01', '2026-12-31', false],
  ])('%s..%s is one whole month: %s', (begin, end, whole) => {
    expect(isWholeCalendarMonth(begin, end)).toBe(whole);
  });

  it.each([
    ['2026-01-01', '2026-01-31', []],
    ['2026-01-31', '2026-01-01', ['TR137']],
    ['2025-01-01', '2026-01-31', ['CS337']],
    ['2025-12-31', '2026-01-01', ['CS337']],
  ])('CS337: product period %s..%s', (begin, end, found) => {
    // A March claim, so that none of these product periods lies after the declaration period.
    const t = february('2026-03-01', '2026-03-31', '2026-04-03', begin, end);
    expect(codes('JW323', t, ['CS337', 'TR137', 'TR319'])).toEqual(found);
  });

  it.each([
    ['2020-12-31', true],
    ['2021-01-01', false],
    ['-2026-04-01', true],
    ['12026-01-01', false],
  ])('%s before 2021-01-01: %s', (d, before) => {
    expect(beforeFirstClaimDate(d)).toBe(before);
  });

  it('CS340 and CS100 on the declaration period', () => {
    const only = ['CS340', 'CS100', 'CS337', 'TR319', 'TR137'];
    expect(codes('JW323', february('2024-02-01', '2024-02-29', '2024-03-04'), only)).toEqual([]);
    expect(codes('JW323', february('2024-02-01', '2024-02-28', '2024-03-04'), only)).toEqual(['CS340']);
    expect(codes('JW323', february('2025-12-01', '2025-12-31', '2026-01-05'), only)).toEqual([]);
    expect(codes('JW323', february('2020-12-01', '2020-12-31', '2021-01-05'), only)).toEqual(['CS100', 'CS100']);
  });

  it('TR319 compares with the end of the declaration period; earlier months pass', () => {
    const only = ['TR319', 'CS337'];
    expect(codes('JW323', february('2026-02-01', '2026-02-28', '2026-03-04', '2025-12-01', '2025-12-31'), only)).toEqual([]);
    expect(codes('JW323', february('2026-02-01', '2026-02-28', '2026-03-04', '2026-02-20', '2026-03-03'), only)).toEqual(['CS337', 'TR319']);
    expect(codes('JW323', february('2026-02-01', '2026-02-28', '2026-03-04', '2026-03-01', '2026-03-03'), only)).toEqual(['TR319']);
  });
});

describe('schema dates beyond 0001–9999', () => {
  // xs:date (LDT_Datum forbids only a time zone) also takes negative years and years of five
  // digits or more; as strings they do not order ('12026-01-01' < '2026-01-01').
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-01', '2026-01-01', 0],
    ['12026-01-01', '2026-12-31', 1],
    ['12026-01-01', '9999-12-31', 1],
    ['12026-01-01', '22026-01-01', -1],
    ['12026-02-01', '12026-01-31', 1],
    ['-2026-01-01', '0001-01-01', -1],
    ['-2027-12-31', '-2026-01-01', -1],
    ['-2026-03-01', '-2026-02-28', 1],
    ['-12026-01-01', '-2026-01-01', -1],
    ['-0001-12-31', '0001-01-01', -1],
  ])('compareDates(%s, %s) is %i', (a, b, order) => {
    expect(Math.sign(compareDates(a, b))).toBe(order);
    expect(Math.sign(compareDates(b, a))).toBe(-order || 0);
  });

  it('compareDates answers NaN for an absent date, so that no comparison with it holds', () => {
    expect(compareDates(undefined as unknown as string, '2026-01-01')).toBeNaN();
    expect(compareDates('12026-01-01', undefined as unknown as string)).toBeNaN();
  });

  it.each([
    ['2026-04-01', '2026-04-30', true],
    ['2026-04-30', '2026-05-01', false],
    ['12026-04-01', '12026-04-30', true],
    ['12026-04-01', '2026-04-30', false],
    ['-2026-04-01', '2026-04-30', false],
  ])('sameMonth(%s, %s): %s', (a, b, same) => {
    expect(sameMonth(a, b)).toBe(same);
  });

  it.each([
    // A period that begins in 12026 and ends in 2026 ends before it begins.
    ['12026-02-01', '2026-02-28', ['CS337', 'TR137']],
    // One that ends in 12026 ends after the Dagtekening (and after the declaration period).
    ['2026-02-01', '12026-02-28', ['CS337', 'TR137', 'TR319']],
    // Both in 12026: one month, but long after the Dagtekening.
    ['12026-02-01', '12026-02-28', ['TR137', 'TR319']],
    // One that ends in -2026 ends before it begins (and more than five years before the Dagtekening).
    ['2026-02-01', '-2026-02-28', ['CS337', 'TR137', 'TR335']],
  ])('the product period %s..%s of a February claim breaks %j', (begin, end, found) => {
    const t = february('2026-02-01', '2026-02-28', '2026-03-04', begin, end);
    expect(codes('JW323', t, ['CS337', 'TR137', 'TR319', 'TR335'])).toEqual(found);
  });
});

describe('TR335: five years before the DeclaratieDagtekening', () => {
  const only = ['TR335'];
  it('passes on the day exactly five years earlier and fails the day before', () => {
    expect(codes('JW323', february('2026-02-01', '2026-02-28', '2026-03-04', '2021-03-01', '2021-03-04'), only)).toEqual([]);
    expect(codes('JW323', february('2026-02-01', '2026-02-28', '2026-03-04', '2021-03-01', '2021-03-03'), only)).toEqual(['TR335']);
  });

  it('takes 29 February literally: five years earlier 28 February is too old, 1 March is not', () => {
    expect(codes('JW323', february('2028-02-01', '2028-02-29', '2028-02-29', '2023-02-01', '2023-02-28'), only)).toEqual(['TR335']);
    expect(codes('JW323', february('2028-02-01', '2028-02-29', '2028-02-29', '2023-03-01', '2023-03-01'), only)).toEqual([]);
  });
});

describe('TR358 and CS325 on JW323 totals', () => {
  const only = ['TR358', 'CS325'];
  const total = (text: string, amount: string, dc: string) =>
    replaceOnce(text, /(<jw323:TotaalIngediendBedrag>\s*<ijw:TotaalBedrag>)[^<]*(<\/ijw:TotaalBedrag>\s*<ijw:DebetCredit>)[^<]*/, `$1${amount}$2${dc}`);

  it('nets credits against debets', () => {
    // 102050 + 204100 + 61500 + 58000 + 62500 + 47100 debet − 109900 credit
    expect(codes('JW323', MARCH, only)).toEqual([]);
    expect(codes('JW323', total(MARCH, '645150', 'D'), only)).toEqual(['TR358']);
    expect(codes('JW323', total(MARCH, '425350', 'C'), only)).toEqual(['TR358']);
  });

  it('reads integers as numbers, not text', () => {
    expect(codes('JW323', total(MARCH, '0425350', 'D'), only)).toEqual([]);
  });

  it('a zero total that should be D is CS325, not TR358', () => {
    let t = replaceOnce(FEBRUARY, /(<ijw:Bedrag>)109900/, '$10');
    expect(codes('JW323', total(t, '0', 'D'), only)).toEqual([]);
    t = total(t, '0', 'C');
    expect(codes('JW323', t, only)).toEqual(['CS325']);
  });
});

describe('TR342 on a JW325 alone', () => {
  const only = ['TR342', 'IV087'];
  const totals = (text: string, ingediend: string, toegekend: string) =>
    replaceOnce(
      text,
      /(<jw325:TotaalIngediendBedrag>\s*<ijw:TotaalBedrag>)[^<]*(<\/ijw:TotaalBedrag>\s*<ijw:DebetCredit>)[^<]*([\s\S]*?<jw325:TotaalToegekendBedrag>\s*<ijw:TotaalBedrag>)[^<]*(<\/ijw:TotaalBedrag>\s*<ijw:DebetCredit>)[^<]*/,
      `$1${ingediend.split(' ')[0]}$2${ingediend.split(' ')[1]}$3${toegekend.split(' ')[0]}$4${toegekend.split(' ')[1]}`,
    );
  const prestatie = (text: string, amount: string) =>
    replaceOnce(text, /(<ijw:Bedrag>)[^<]*(<\/ijw:Bedrag>\s*<ijw:DebetCredit>)[^<]*/, `$1${amount.split(' ')[0]}$2${amount.split(' ')[1]}`);

  it('returned amounts explain submitted minus granted, all signed', () => {
    expect(codes('JW325', PARTLY_REJECTED, only)).toEqual([]);
    // Credit totals: −58000 submitted, −34000 granted, so −24000 returned.
    expect(codes('JW325', prestatie(totals(PARTLY_REJECTED, '58000 C', '34000 C'), '24000 C'), only)).toEqual([]);
    expect(codes('JW325', prestatie(totals(PARTLY_REJECTED, '58000 C', '34000 C'), '24000 D'), only)).toEqual(['TR342']);
    // A returned credit raises the granted total above the submitted one.
    expect(codes('JW325', prestatie(totals(PARTLY_REJECTED, '10000 D', '30000 D'), '20000 C'), only)).toEqual([]);
  });

  it('fully approved means equal totals and no clients', () => {
    expect(codes('JW325', FULLY_APPROVED, only)).toEqual([]);
    expect(codes('JW325', totals(FULLY_APPROVED, '562050 D', '562049 D'), only)).toEqual(['TR342']);
  });
});

describe('IV087 retourcodes per level', () => {
  const only = ['TR342', 'IV087'];
  it('8001 returns no clients; 0200 next to a rejection code is contradictory', () => {
    const withClients = replaceOnce(PARTLY_REJECTED, /(<jw325:RetourCode>)0200(<\/jw325:RetourCode>\s*<\/jw325:RetourCodes>\s*<\/jw325:DeclaratieAntwoord>)/, '$18001$2');
    expect(codes('JW325', withClients, only)).toEqual(['IV087']);
    const mixed = replaceOnce(PARTLY_REJECTED, '<jw325:RetourCode>9321</jw325:RetourCode>', '<jw325:RetourCode>0200</jw325:RetourCode><jw325:RetourCode>9321</jw325:RetourCode>');
    expect(codes('JW325', mixed, only)).toEqual(['IV087']);
  });

  it('0233 belongs only under a rejected client', () => {
    const notAssessed = replaceOnce(PARTLY_REJECTED, '<jw325:RetourCode>9321</jw325:RetourCode>', '<jw325:RetourCode>0233</jw325:RetourCode>');
    expect(codes('JW325', notAssessed, only)).toEqual(['IV087']);
  });
});
