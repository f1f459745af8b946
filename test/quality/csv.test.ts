import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/quality/csv.js';

describe('toCsv', () => {
  it('writes a BOM, a header row and semicolon-separated CRLF lines, quoting where needed', () => {
    const csv = toCsv(['regio', 'aantal', 'aandeel'], [
      { regio: 'Food Valley', aantal: 3, aandeel: 0.25 },
      { regio: 'a;b "c"', aantal: '<5', aandeel: null },
    ]);
    expect(csv).toBe('\uFEFFregio;aantal;aandeel\r\nFood Valley;3;0,25\r\n"a;b ""c""";<5;\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(toCsv(['x'], [{ x: '=HYPERLINK("e")' }, { x: '@SUM(1)' }])).toBe('\uFEFFx\r\n"\'=HYPERLINK(""e"")"\r\n\'@SUM(1)\r\n');
  });
});
