/**
 * The schema's dates also take years of five digits and negative years (xs:date; LDT_Datum only
 * forbids a time zone). A toewijzing or claim that carries one is schema-valid, and the
 * cross-message state must judge the messages that follow it instead of failing on its calendar
 * arithmetic: a claim against a toewijzing "until 22026" once answered every sender with an error.
 */
import { describe, expect, it } from 'vitest';
import { clampToPlainRange } from '../../src/calendar/iso-date.js';
import { fixture } from '../support/fixtures.js';
import { replayer, type Replayer } from './replay.js';

const VOT = 'jw315/valid-two-products-huisarts-referral.xml';
// Toewijzing 22800101: 45A48, 4 hours a week, 2026-02-01 to 2026-07-31.
const TOEWIJZING = 'jw301/valid-specific-hours-per-week-after-vot.xml';
// 20 hours of 45A48 in February 2026 on that toewijzing: admitted after the two above.
const CLAIM = 'sequences/tr321/ok-20-hours-in-february.xml';

function edited(name: string, from: string, to: string): Buffer {
  const text = fixture(name).toString('utf8');
  if (!text.includes(from)) throw new Error(`${name} has no ${from}`);
  return Buffer.from(text.replace(from, to));
}

async function sequence(steps: readonly (readonly [string, Buffer])[]): Promise<{ codes: string[][]; stored: boolean[]; r: Replayer }> {
  const r = replayer();
  const codes: string[][] = [];
  const stored: boolean[] = [];
  for (const [name, bytes] of steps) {
    const s = await r.send(name, bytes);
    codes.push(s.admission.violations.map((v) => v.code));
    stored.push(s.admission.stored);
  }
  return { codes, stored, r };
}

describe('dates beyond 0001–9999 in the cross-message state', () => {
  it('clamps them to the ends of the plain range and leaves plain dates alone', () => {
    expect(clampToPlainRange('2026-07-31')).toBe('2026-07-31');
    expect(clampToPlainRange('0001-01-01')).toBe('0001-01-01');
    expect(clampToPlainRange('22026-07-31')).toBe('9999-12-31');
    expect(clampToPlainRange('123456-01-01')).toBe('9999-12-31');
    expect(clampToPlainRange('-2026-07-31')).toBe('0001-01-01');
  });

  it('judges a claim against a toewijzing that ends in a five-digit year as one that runs on', async () => {
    const { codes, stored, r } = await sequence([
      [VOT, fixture(VOT)],
      [TOEWIJZING, edited(TOEWIJZING, '<jw301:Einddatum>2026-07-31<', '<jw301:Einddatum>22026-07-31<')],
      [CLAIM, fixture(CLAIM)],
    ]);
    try {
      expect(codes).toEqual([[], [], []]);
      expect(stored).toEqual([true, true, true]);
      expect(r.peek<{ einddatum: string }>("SELECT einddatum FROM toewijzingen WHERE nummer = '22800101'")).toEqual([{ einddatum: '9999-12-31' }]);
    } finally {
      await r.close();
    }
  });

  it('judges a claim dated in a five-digit year that no in-message rule stops, instead of failing', async () => {
    // Header Dagtekening, DeclaratiePeriode and ProductPeriode in 12026: every period lies before
    // the Dagtekening, so TR137 has nothing to say, and TR134 looks only at the DeclaratieDagtekening.
    const text = fixture(CLAIM).toString('utf8').replace(/>2026-(0[23])-(\d\d)</g, '>12026-$1-$2<');
    const claim = Buffer.from(text.replace('<jw323:DeclaratieDagtekening>12026-03-04<', '<jw323:DeclaratieDagtekening>2026-03-04<'));
    expect(claim.toString()).toContain('<ijw:Dagtekening>12026-03-04<');
    const { codes, stored, r } = await sequence([
      [VOT, fixture(VOT)],
      [TOEWIJZING, fixture(TOEWIJZING)],
      [CLAIM, claim],
    ]);
    try {
      expect(stored).toEqual([true, true, false]);
      // The period lies after the toewijzing's end (TR308) and outside its period (TR387).
      expect(codes[2]).toEqual(['TR308', 'TR387']);
    } finally {
      await r.close();
    }
  });
});
