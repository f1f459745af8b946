/**
 * The value matrices behind CS050 (NaamGebruik against Partnernaam) and CS089 (Dutch postcode
 * format), one value at a time on a scenario message; the fixtures cover one case of each.
 */
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../../src/validate/rules/run.js';
import { fixture } from '../../../support/fixtures.js';

// The second Relatie carries a Partnernaam (NaamGebruik 3); the client's BRP postcode is the second 6717CN.
const base = fixture('jw301/valid-aspecific-etmaal-euro-total.xml').toString('utf8');

function codes(text: string, code: string): number {
  return checkMessage('JW301', text).violations.filter((v) => v.code === code).length;
}

function replaceNth(text: string, old: string, next: string, n: number): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(old, at + 1);
  if (at < 0) throw new Error(`occurrence ${n} of ${old} not found`);
  return text.slice(0, at) + next + text.slice(at + old.length);
}

describe('CS050: NaamGebruik against Partnernaam', () => {
  it.each([
    ['1', 0],
    ['2', 0],
    ['3', 0],
    ['4', 0],
    ['5', 1],
    ['6', 1],
  ])('with a Partnernaam, NaamGebruik %s gives %i violation(s)', (value, expected) => {
    const text = base.replace('<ijw:NaamGebruik>3</ijw:NaamGebruik>', `<ijw:NaamGebruik>${value}</ijw:NaamGebruik>`);
    expect(codes(text, 'CS050')).toBe(expected);
  });

  it.each([
    ['1', 0],
    ['2', 1],
    ['3', 1],
    ['4', 1],
    ['5', 1],
    ['6', 0],
  ])('without a Partnernaam, NaamGebruik %s gives %i violation(s)', (value, expected) => {
    // The first Relatie (no Partnernaam) is the second NaamGebruik 1 in the file.
    const text = replaceNth(base, '<ijw:NaamGebruik>1</ijw:NaamGebruik>', `<ijw:NaamGebruik>${value}</ijw:NaamGebruik>`, 1);
    expect(codes(text, 'CS050')).toBe(expected);
  });
});

describe('CS089: Dutch postcode format with LandCode NL', () => {
  it.each([
    ['1000AA', 0],
    ['9999zz', 0],
    ['6717cN', 0],
    ['0717CN', 1],
    ['6717 CN', 1],
    ['6717CN ', 1],
    [' 6717CN', 1],
    ['671CN', 1],
    ['67170CN', 1],
    ['6717C', 1],
    ['6717CNX', 1],
    ['6717C1', 1],
    ['B-1000', 1],
  ])('postcode %j gives %i violation(s)', (postcode, expected) => {
    const text = replaceNth(base, '<ijw:Postcode>6717CN</ijw:Postcode>', `<ijw:Postcode>${postcode}</ijw:Postcode>`, 1);
    expect(codes(text, 'CS089')).toBe(expected);
  });

  it('leaves a non-Dutch LandCode alone', () => {
    const text = replaceNth(base, '<ijw:Postcode>6717CN</ijw:Postcode>', '<ijw:Postcode>B-1000</ijw:Postcode>', 1).replace(
      /(<ijw:Postcode>B-1000<\/ijw:Postcode>[\s\S]*?<ijw:LandCode>)NL</,
      '$1BE<',
    );
    expect(text).toContain('<ijw:LandCode>BE</ijw:LandCode>');
    expect(codes(text, 'CS089')).toBe(0);
  });
});
