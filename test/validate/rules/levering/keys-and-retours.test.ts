/**
 * The levering group's logic beyond its fixtures: TR101's keys (normalised numbers, absent parts,
 * classes without a fixture of their own), the retourcode combinations IV028 and OP065 judge, and
 * the dates TR134 leaves alone.
 */
import { describe, expect, it } from 'vitest';
import type { MessageType } from '../../../../src/standard/catalogue.js';
import { checkMessage } from '../../../../src/validate/rules/run.js';
import { fixture } from '../../../support/fixtures.js';

const text = (name: string): string => fixture(name).toString('utf8');

function count(type: MessageType, message: string, code: string): number {
  return checkMessage(type, message).violations.filter((v) => v.code === code).length;
}

function replaceNth(source: string, old: string, next: string, n: number): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = source.indexOf(old, at + 1);
  if (at < 0) throw new Error(`occurrence ${n} of ${old} not found`);
  return source.slice(0, at) + next + source.slice(at + old.length);
}

/** Repeats the first element `<tag>…</tag>` right after itself. */
function duplicate(source: string, tag: string): string {
  const start = source.indexOf(`<${tag}>`);
  const end = source.indexOf(`</${tag}>`, start) + tag.length + 3;
  return source.slice(0, end) + source.slice(start, end) + source.slice(end);
}

describe('TR101 keys', () => {
  const vow = text('jw317/valid-change-volume-and-new-product.xml');

  it('a NieuwProduct is keyed by Product and GewensteIngangsdatum', () => {
    const twice = duplicate(vow, 'jw317:NieuwProduct');
    expect(count('JW317', twice, 'TR101')).toBe(1);
    const later = replaceNth(twice, '<jw317:GewensteIngangsdatum>2026-06-01<', '<jw317:GewensteIngangsdatum>2026-07-01<', 2);
    expect(count('JW317', later, 'TR101')).toBe(0);
    const otherCode = replaceNth(twice, '<ijw:Code>44B05<', '<ijw:Code>44B06<', 1);
    expect(count('JW317', otherCode, 'TR101')).toBe(0);
  });

  it('task-based starts without ToewijzingNummer or Product key on Begindatum alone', () => {
    const generic = text('jw305/valid-start-generic-no-product.xml');
    const twice = duplicate(generic, 'jw305:StartProduct');
    expect(count('JW305', twice, 'TR101')).toBe(1);
  });

  it('a stop differing only in StatusAanlevering is still the same record (IV008)', () => {
    const stop = text('jw307/valid-stop-temporary-reason-20.xml');
    const twice = replaceNth(duplicate(stop, 'jw307:StopProduct'), '<jw307:StatusAanlevering>1<', '<jw307:StatusAanlevering>3<', 1);
    expect(count('JW307', twice, 'TR101')).toBe(1);
  });

  it('ReferentieNummer repeats are found within one client, each repeat once', () => {
    const claim = text('jw323/valid-march-three-clients-with-credit.xml');
    const twice = claim
      .replace('<ijw:ReferentieNummer>JGV-P-2026-000006<', '<ijw:ReferentieNummer>JGV-P-2026-000005<')
      .replace('<ijw:ReferentieNummer>JGV-P-2026-000007<', '<ijw:ReferentieNummer>JGV-P-2026-000005<');
    expect(count('JW323', twice, 'TR101')).toBe(2);
  });

  it('reports never carry the BSN', () => {
    const claim = text('jw323/valid-march-three-clients-with-credit.xml').replace('<jw323:Bsn>999960945<', '<jw323:Bsn>999948246<');
    const [v] = checkMessage('JW323', claim).violations.filter((x) => x.code === 'TR101');
    expect(v).toBeDefined();
    expect(`${v?.message} ${v?.detail} ${v?.location}`).not.toContain('999948246');
  });
});

describe('IV028 and OP065 on retourcodes', () => {
  const rejected = text('jw302/valid-rejected-9332-client-copied.xml');
  const accepted = text('jw306/valid-accepted-start-specific.xml');
  const withHeaderCodes = (codes: string[]): string =>
    accepted.replace(
      '    </jw306:XsdVersieRetour>\n',
      `    </jw306:XsdVersieRetour>\n    <jw306:RetourCodes>\n${codes.map((c) => `      <jw306:RetourCode>${c}</jw306:RetourCode>\n`).join('')}    </jw306:RetourCodes>\n`,
    );
  const productCodes = (codes: string[]): string =>
    rejected.replace('<jw302:RetourCode>9332</jw302:RetourCode>', codes.map((c) => `<jw302:RetourCode>${c}</jw302:RetourCode>`).join(''));

  it.each([
    [['0233'], 1],
    [['0200', '0200'], 1],
    [['9056'], 0],
    [['8848', '9056'], 0],
  ])('a header-only JW306 with %j gives %i IV028 violation(s)', (codes, expected) => {
    expect(count('JW306', withHeaderCodes(codes), 'IV028')).toBe(expected);
  });

  it.each([
    [['9332', 'S329'], 0, 0],
    [['0200', '0233'], 1, 1],
    [['0233', '0233'], 0, 1],
    [['9332', '9332'], 0, 0],
    [['0001'], 1, 0],
  ])('a ToegewezenProduct with %j gives %i IV028 and %i OP065 violation(s)', (codes, iv028, op065) => {
    expect(count('JW302', productCodes(codes), 'IV028')).toBe(iv028);
    expect(count('JW302', productCodes(codes), 'OP065')).toBe(op065);
  });

  it('a header error together with a copied client breaks IV028; the client without rejection also OP065', () => {
    const both = rejected
      .replace('<jw302:RetourCode>0200</jw302:RetourCode>', '<jw302:RetourCode>9056</jw302:RetourCode>')
      .replace('<jw302:RetourCode>9332<', '<jw302:RetourCode>0200<');
    expect(count('JW302', both, 'IV028')).toBe(1);
    expect(count('JW302', both, 'OP065')).toBe(1);
  });

  it('a copied client next to a header without RetourCodes is fine (our own retours look like that)', () => {
    const noHeaderCodes = rejected.replace(
      '    <jw302:RetourCodes>\n      <jw302:RetourCode>0200</jw302:RetourCode>\n    </jw302:RetourCodes>\n  </jw302:Header>',
      '  </jw302:Header>',
    );
    expect(noHeaderCodes).not.toBe(rejected);
    expect(count('JW302', noHeaderCodes, 'IV028')).toBe(0);
    expect(count('JW302', noHeaderCodes, 'OP065')).toBe(0);
  });
});

describe('TR134 dates', () => {
  const vot = text('jw315/valid-two-products-huisarts-referral.xml');

  it('requested dates may lie ahead; only the birth date counts in a VOT', () => {
    // The scenario asks for a toewijzing starting after its Dagtekening.
    expect(count('JW315', vot, 'TR134')).toBe(0);
  });

  it('skips when the Dagtekening itself is no plain date', () => {
    const late = vot.replace('<ijw:Datum>2014-03-17<', '<ijw:Datum>2027-03-17<');
    expect(count('JW315', late, 'TR134')).toBe(1);
    const signed = late.replace(/(<ijw:Dagtekening>)2026/, '$1-2026');
    expect(count('JW315', signed, 'TR134')).toBe(0);
  });
});

describe('TR018 on years outside 0001–9999', () => {
  const stop = text('jw307/valid-stop-definitive-goals-reached.xml');
  const begin = /<jw307:Begindatum>(\d{4}-\d{2}-\d{2})</.exec(stop)![1]!;

  it('a stop of a delivery that began in a five-digit year ends before it began', () => {
    expect(count('JW307', stop, 'TR018')).toBe(0);
    expect(count('JW307', stop.replace(`<jw307:Begindatum>${begin}<`, `<jw307:Begindatum>1${begin}<`), 'TR018')).toBe(1);
  });
});
