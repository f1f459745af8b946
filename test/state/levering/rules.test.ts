/**
 * The start/stop rules on sequences beyond the one breaking and one passing sequence per rule in
 * fixtures/sequences: the variants of TR019, lines that interact within one message (IV008), the
 * stop of a superseded start (OP155), deletions of stops and a start forgotten after its retour.
 * Messages are fixtures, some edited in memory for the one element a case is about.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Fout } from '../../../src/validate/report.js';
import { fixture } from '../../support/fixtures.js';
import { replayer, type Replayer } from '../replay.js';

let r: Replayer;
afterEach(async () => r?.close());

type Message = string | { readonly name: string; readonly bytes: Buffer };

/** A fixture with each `from` replaced by `to`; every `from` must occur. */
function edit(name: string, ...subs: readonly (readonly [string | RegExp, string])[]): { name: string; bytes: Buffer } {
  let text = fixture(name).toString('utf8');
  for (const [from, to] of subs) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${name}: ${String(from)} not found`);
    text = next;
  }
  return { name: `${name} (edited)`, bytes: Buffer.from(text, 'utf8') };
}

const id = (value: string): readonly [RegExp, string] => [/<ijw:Identificatie>[^<]*</, `<ijw:Identificatie>${value}<`];

/** Sends every message; all but the last must be admitted. Returns the last one's violations. */
async function last(...messages: readonly Message[]): Promise<{ violations: readonly Fout[]; stored: boolean }> {
  r = replayer();
  let out: { violations: readonly Fout[]; stored: boolean } = { violations: [], stored: false };
  for (const [i, m] of messages.entries()) {
    const step = typeof m === 'string' ? await r.send(m, fixture(m)) : await r.send(m.name, m.bytes);
    if (i < messages.length - 1) expect(step.admission.violations.map((v) => `${v.code} ${v.location}`), `${step.name} should be admitted`).toEqual([]);
    out = step.admission;
  }
  return out;
}

const codes = (v: readonly Fout[]): string[] => v.map((f) => f.code).sort();

/** Client 999936669: the VOT and toewijzing 22800101 (45A48, from 2026-02-01) that honours it. */
const EDE_101 = ['jw315/valid-two-products-huisarts-referral.xml', 'jw301/valid-specific-hours-per-week-after-vot.xml'];
const START_101 = 'jw305/valid-start-specific-hours.xml';
const STOP_101 = 'jw307/valid-stop-definitive-goals-reached.xml';
/** Client 999948246: toewijzingen 22800201-203, starts, the corrected start of 2026-03-06 on 22800202 and its temporary stop. */
const EDE_202_TEMPORARY = [
  'jw315/valid-aspecific-budget-with-beschikking.xml',
  'jw301/valid-aspecific-etmaal-euro-total.xml',
  'jw305/valid-start-three-products.xml',
  'jw305/valid-start-correction-delete-and-new.xml',
  'jw307/valid-stop-temporary-reason-20.xml',
];

describe('TR019: a start or stop relates to a toewijzing', () => {
  it('refuses a line for another product than the toegewezen one (IV075)', async () => {
    const a = await last(...EDE_101, edit(START_101, [/<ijw:Code>45A48</, '<ijw:Code>45A50<']));
    expect(codes(a.violations)).toEqual(['TR019']);
    expect(a.violations[0]!.detail).toContain('product 45/45A48');
  });

  it('refuses a line for a toewijzing of another client', async () => {
    const a = await last(...EDE_101, edit(START_101, [/<jw305:Bsn>999936669</, '<jw305:Bsn>999948246<']));
    expect(codes(a.violations)).toEqual(['TR019']);
    expect(a.violations[0]!.detail).toContain('another client');
    expect(JSON.stringify(a.violations)).not.toContain('99994824');
  });

  it('refuses a line sent to another gemeente than the one that gave the toewijzing', async () => {
    const a = await last(...EDE_101, edit(START_101, [/<jw305:Ontvanger>0228</, '<jw305:Ontvanger>0345<']));
    expect(codes(a.violations)).toEqual(['TR019']);
  });

  it('refuses a line on a toewijzing the gemeente deleted', async () => {
    const deletion = edit(
      'jw301/valid-withdrawal-after-stop.xml',
      [/<jw301:Einddatum>2026-06-26</, '<jw301:Einddatum>2026-02-01<'],
      [/<jw301:RedenWijziging>14</, '<jw301:RedenWijziging>13<'],
    );
    const a = await last(...EDE_101, deletion, START_101);
    expect(codes(a.violations)).toEqual(['TR019']);
    expect(a.violations[0]!.detail).toContain('deleted');
  });

  it('finds the toewijzing when the line writes the number with a leading zero', async () => {
    const a = await last(...EDE_101, edit(START_101, [/<jw305:ToewijzingNummer>22800101</, '<jw305:ToewijzingNummer>022800101<']));
    expect(a.violations).toEqual([]);
  });

  it('does not hold task-based lines (no ToewijzingNummer) to a toewijzing (IV096)', async () => {
    const a = await last(edit(START_101, [/\s*<jw305:ToewijzingNummer>22800101<\/jw305:ToewijzingNummer>/, '']));
    expect(a.violations).toEqual([]);
  });

  it('does not check a deletion, which only undoes an earlier line', async () => {
    const a = await last(edit(START_101, [/<jw305:StatusAanlevering>1</, '<jw305:StatusAanlevering>3<']));
    expect(codes(a.violations)).toEqual(['TR063']);
  });
});

describe('lines within one message are judged in order (IV008)', () => {
  it('admits a temporary and then a definitive stop of one start in one message', async () => {
    const a = await last(...EDE_202_TEMPORARY.slice(0, 4), 'jw307/tr101-ok-temporary-and-definitive-stop.xml');
    expect(a).toEqual({ violations: [], stored: true });
  });

  it('refuses a temporary stop after a definitive one in the same message, on that line only', async () => {
    // The temporary stop (2026-05-15) also ends before the definitive one (2026-05-18): TR414 too.
    const both = fixture('jw307/tr101-ok-temporary-and-definitive-stop.xml').toString('utf8');
    const lines = [...both.matchAll(/<jw307:StopProduct>[\s\S]*?<\/jw307:StopProduct>/g)].map((m) => m[0]);
    expect(lines).toHaveLength(2);
    const swapped = both.replace(lines[0]!, '\u0000').replace(lines[1]!, lines[0]!).replace('\u0000', lines[1]!);
    const a = await last(...EDE_202_TEMPORARY.slice(0, 4), { name: 'definitive then temporary', bytes: Buffer.from(swapped) });
    expect(a.violations.map((v) => [v.code, v.retourcode, v.location.replace(/^.*\//, '')])).toEqual([
      ['TR414', '9414', 'jw307:StopProduct[2]'],
      ['TR415', '9415', 'jw307:StopProduct[2]'],
    ]);
    expect(a.stored).toBe(false);
  });

  it('refuses the second of two new starts of one toegewezen product in one message', async () => {
    const one = fixture(START_101).toString('utf8');
    const line = /<jw305:StartProduct>[\s\S]*?<\/jw305:StartProduct>/.exec(one)![0];
    const two = one.replace(line, `${line}\n      ${line.replace('2026-02-02', '2026-02-03')}`);
    const a = await last(...EDE_101, { name: 'two starts', bytes: Buffer.from(two) });
    expect(a.violations.map((v) => [v.code, v.location.replace(/^.*\//, '')])).toEqual([['TR326', 'jw305:StartProduct[2]']]);
    expect(a.violations[0]!.detail).toContain('2026-02-02');
  });
});

describe('stops', () => {
  it('refuses to stop a start that a restart has superseded (OP155), and stops the restart', async () => {
    const restarted = [...EDE_202_TEMPORARY, 'jw305/valid-restart-after-temporary-stop.xml'];
    const old = await last(...restarted, 'sequences/tr413/jw307-definitive-after-temporary.xml');
    expect(old.violations.map((v) => [v.code, v.retourcode])).toEqual([['TR382', '9069']]);
    expect(old.violations[0]!.detail).toContain('2026-06-01');
    await r.close();
    const stopRestart = edit(
      'sequences/tr413/jw307-definitive-after-temporary.xml',
      id('JGV-307-9480'),
      [/<ijw:Dagtekening>2026-05-22</, '<ijw:Dagtekening>2026-06-12<'],
      [/<jw307:Begindatum>2026-03-06</, '<jw307:Begindatum>2026-06-01<'],
      [/<jw307:Einddatum>2026-05-20</, '<jw307:Einddatum>2026-06-10<'],
    );
    expect(await last(...restarted, stopRestart)).toEqual({ violations: [], stored: true });
  });

  it('deletes a stop only by its whole key, RedenBeeindiging included', async () => {
    const wrongReason = edit('jw307/cs058-ok-delete-stop-status-3.xml', [/<jw307:RedenBeeindiging>31</, '<jw307:RedenBeeindiging>35<']);
    const a = await last(...EDE_101, START_101, STOP_101, wrongReason);
    expect(codes(a.violations)).toEqual(['TR063']);
  });

  it('refuses a stop of a deleted start', async () => {
    const deleted = edit(START_101, id('JGV-305-9481'), [/<jw305:StatusAanlevering>1</, '<jw305:StatusAanlevering>3<']);
    const a = await last(...EDE_101, START_101, deleted, STOP_101);
    expect(codes(a.violations)).toEqual(['TR382']);
  });
});

describe('state of a rejected message', () => {
  it('forgets a start its gemeente rejected with a retour, so a new start is admitted', async () => {
    const retour = edit(
      'jw306/valid-rejected-0001-header-only.xml',
      [/<ijw:Identificatie>JGV-305-0090</, '<ijw:Identificatie>JGV-305-0001<'],
      [/<ijw:Dagtekening>2026-09-14</, '<ijw:Dagtekening>2026-02-04<'],
      [/<jw306:DagtekeningRetour>2026-09-15</, '<jw306:DagtekeningRetour>2026-02-05<'],
    );
    const other = 'jw305/tr134-ok-begindatum-on-dagtekening.xml';
    expect(codes((await last(...EDE_101, START_101, other)).violations)).toEqual(['TR326']);
    await r.close();
    expect(await last(...EDE_101, START_101, retour, other)).toEqual({ violations: [], stored: true });
    expect(r.peek<{ n: number }>('SELECT COUNT(*) AS n FROM levering_starts')[0]!.n).toBe(1);
  });

  it('adds nothing to the ledger for a message it refuses', async () => {
    await last(...EDE_101, START_101, 'jw305/tr134-ok-begindatum-on-dagtekening.xml');
    expect(r.peek<{ begindatum: string }>('SELECT begindatum FROM levering_starts')).toEqual([{ begindatum: '2026-02-02' }]);
  });
});
