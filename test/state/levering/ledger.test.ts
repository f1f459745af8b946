/**
 * The state of one toegewezen product as the ledger derives it: which starts and stops are current
 * after deletions and resends, which start is open.
 */
import { describe, expect, it } from 'vitest';
import { nummerKey, ProductState } from '../../../src/state/levering/ledger.js';

describe('ProductState', () => {
  it('counts a deleted start as never sent and a resend after it as current again', () => {
    const s = new ProductState();
    s.start('2026-03-02', '1');
    expect(s.isStartCurrent('2026-03-02')).toBe(true);
    s.start('2026-03-02', '3');
    expect(s.isStartCurrent('2026-03-02')).toBe(false);
    expect(s.openStarts()).toEqual([]);
    s.start('2026-03-02', '1');
    expect(s.openStarts()).toEqual(['2026-03-02']);
  });

  it('closes a start with a temporary or definitive stop, and opens it again when the stop is deleted', () => {
    const s = new ProductState();
    s.start('2026-03-06', '1');
    const temporary = { begindatum: '2026-03-06', einddatum: '2026-05-15', reden: '20' };
    s.stop(temporary, '1');
    expect(s.openStarts()).toEqual([]);
    expect(s.stopsOf('2026-03-06')).toEqual([temporary]);
    expect(s.isStopCurrent(temporary)).toBe(true);
    // Another stop key (other reason) is another stop.
    expect(s.isStopCurrent({ ...temporary, reden: '35' })).toBe(false);
    s.stop(temporary, '3');
    expect(s.stopsOf('2026-03-06')).toEqual([]);
    expect(s.openStarts()).toEqual(['2026-03-06']);
  });

  it('keeps a restart open beside the earlier, stopped start', () => {
    const s = new ProductState();
    s.start('2026-03-06', '1');
    s.stop({ begindatum: '2026-03-06', einddatum: '2026-05-15', reden: '20' }, '1');
    s.start('2026-06-01', '1');
    expect(s.openStarts()).toEqual(['2026-06-01']);
    expect(s.stopsOf('2026-06-01')).toEqual([]);
  });
});

describe('nummerKey', () => {
  it('reads a ToewijzingNummer as the integer it is', () => {
    expect(nummerKey('0022800101')).toBe('22800101');
    expect(nummerKey('22800101')).toBe('22800101');
    expect(nummerKey(null)).toBe('');
  });
});
