/**
 * The claim ledger's rules on hand-made facts, for the cases the fixture sequences do not show:
 * credits in the same claim, rejected prestaties, a claim rejected as a whole by its JW325, periods.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CrossChecker } from '../../../src/state/check.js';
import { declaratieGroup, LEDGER_RULES } from '../../../src/state/declaratie/index.js';
import type { Jw301Facts, Jw323Facts, Jw325Facts, PrestatieFact } from '../../../src/state/facts.js';
import { migrate } from '../../../src/store/migrations.js';

const AGB = '98041733';
const EDE = '0228';
const BSN = '999936669';

let seq = 0;

function prestatie(ref: string, over: Partial<PrestatieFact> = {}): PrestatieFact {
  return {
    path: `/p/${ref}`,
    referentieNummer: ref,
    vorigReferentieNummer: null,
    toewijzingNummer: '22800101',
    categorie: '45',
    code: '45A48',
    begindatum: '2026-02-01',
    einddatum: '2026-02-28',
    volume: 10,
    eenheid: '04',
    tarief: 7850,
    bedrag: 78500,
    debetCredit: 'D',
    ...over,
  };
}

function credit(ref: string, of: string, over: Partial<PrestatieFact> = {}): PrestatieFact {
  return prestatie(ref, { vorigReferentieNummer: of, debetCredit: 'C', ...over });
}

function claim(nummer: string, prestaties: PrestatieFact[], periode = '2026-02', gemeente = EDE): Jw323Facts {
  const id = `C-${++seq}`;
  const [y, m] = periode.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const totaal = prestaties.reduce((s, p) => s + (p.debetCredit === 'C' ? -p.bedrag : p.bedrag), 0);
  return {
    type: 'JW323',
    header: { afzender: AGB, ontvanger: gemeente, identificatie: id, dagtekening: '2026-05-01' },
    xsdVersie: { basisschema: '1.0.0', bericht: '1.0.0' },
    berichtVersie: '3',
    berichtSubversie: '2',
    declaratie: { path: '/d', nummer, periodeBegin: `${periode}-01`, periodeEind: last, dagtekening: '2026-05-01', totaal: Math.abs(totaal), debetCredit: totaal < 0 ? 'C' : 'D' },
    clienten: [{ path: '/c', bsn: BSN, prestaties }],
  };
}

function answer(of: Jw323Facts, rejected: string[], headerCodes = ['0200']): Jw325Facts {
  return {
    type: 'JW325',
    header: { afzender: of.header.ontvanger, ontvanger: AGB, identificatie: `A-${++seq}`, dagtekening: '2026-05-10' },
    declaratieIdentificatie: { identificatie: of.header.identificatie, dagtekening: of.header.dagtekening },
    headerAt: { path: '/h' },
    xsdVersieDeclaratie: of.xsdVersie,
    retourcodes: headerCodes,
    antwoord: headerCodes.includes('0200')
      ? {
          path: '/a',
          declaratieNummer: of.declaratie.nummer,
          totaalIngediend: of.declaratie.totaal,
          ingediendDebetCredit: of.declaratie.debetCredit,
          totaalToegekend: 0,
          toegekendDebetCredit: 'D',
          retourcodes: [rejected.length === 0 ? '8001' : '0200'],
          clienten:
            rejected.length === 0
              ? []
              : [{ path: '/c', bsn: BSN, retourcodes: ['0200'], prestaties: of.clienten[0]!.prestaties.filter((p) => rejected.includes(p.referentieNummer)).map((p) => ({ ...p, retourcodes: ['9321'] })) }],
        }
      : null,
  };
}

function deletion(nummer: string): Jw301Facts {
  return {
    type: 'JW301',
    header: { afzender: EDE, ontvanger: AGB, identificatie: `T-${++seq}`, dagtekening: '2026-06-01' },
    client: { path: '/c', bsn: BSN },
    toewijzingen: [
      {
        path: '/t',
        nummer,
        referentieAanbieder: null,
        product: { categorie: '45', code: '45A48' },
        toewijzingsdatum: '2026-06-01',
        toewijzingstijd: '10:00:00',
        ingangsdatum: '2026-02-01',
        einddatum: '2026-02-01',
        redenWijziging: '13',
        omvang: { volume: 4, eenheid: '04', frequentie: '2' },
        budget: null,
      },
    ],
  };
}

/** A ledger with only its own rules; each admitted message gets a correlation key like the store's. */
function ledger() {
  const db = new Database(':memory:');
  migrate(db);
  const checker = new CrossChecker(db, { groups: [{ ...declaratieGroup, rules: [...LEDGER_RULES] }] });
  const keys = db.prepare('INSERT INTO correlation_keys (key, bericht_id) VALUES (?, ?)');
  const berichten = db.prepare(`INSERT INTO berichten (id, received_at, origin, sender_id, sha256, size, body, status, report, retourcodes)
    VALUES (?, '2026-01-01', 'received', 'x', 'x', 0, x'', 'accepted', '{}', '[]')`);
  /** Checks and, when nothing is found, applies: returns the codes found. */
  return (facts: Jw301Facts | Jw323Facts | Jw325Facts): string[] => {
    const meta = { berichtId: facts.header.identificatie, receivedAt: '2026-01-01T00:00:00Z', today: '2026-12-31' };
    const found = checker.check(facts, meta).map((v) => v.code);
    if (found.length === 0) {
      berichten.run(meta.berichtId);
      if (facts.type === 'JW323') keys.run(`heen:JW323:${AGB}:${facts.header.identificatie}`, meta.berichtId);
      checker.apply(facts, meta);
    }
    return found;
  };
}

describe('claim ledger rules', () => {
  it('TR318: a second claim for the latest month and a gap are fine; a period before the latest is not (per gemeente)', () => {
    const send = ledger();
    expect(send(claim('D1', [prestatie('r1')], '2026-02'))).toEqual([]);
    expect(send(claim('D2', [prestatie('r2', { code: '45A50' })], '2026-02'))).toEqual([]);
    expect(send(claim('D3', [prestatie('r3', { begindatum: '2026-04-01', einddatum: '2026-04-30' })], '2026-04'))).toEqual([]);
    expect(send(claim('D4', [prestatie('r4', { begindatum: '2026-03-01', einddatum: '2026-03-31' })], '2026-03'))).toEqual(['TR318']);
    expect(send(claim('D5', [prestatie('r5', { toewijzingNummer: '34500101' })], '2026-03', '0345'))).toEqual([]);
  });

  it('TR389: a new debet is fine once the earlier one is credited, here or before, or was rejected', () => {
    const send = ledger();
    const first = claim('D1', [prestatie('r1'), prestatie('r2', { code: '45A50' })]);
    expect(send(first)).toEqual([]);
    expect(send(answer(first, ['r2']))).toEqual([]);
    // r2 was rejected: declaring that product and month again is no second debet.
    expect(send(claim('D2', [prestatie('r3', { code: '45A50' })], '2026-03'))).toEqual([]);
    // r1 stands: a new debet only with its credit, in the same claim.
    expect(send(claim('D3', [prestatie('r4')], '2026-03'))).toEqual(['TR389']);
    expect(send(claim('D4', [credit('r5', 'r1'), prestatie('r6', { volume: 9, bedrag: 70650 })], '2026-03'))).toEqual([]);
  });

  it('TR323: a credit repeats an approved debet in full; a rejected or unanswered debet is not credited', () => {
    const send = ledger();
    const first = claim('D1', [prestatie('r1'), prestatie('r2', { code: '45A50' })]);
    expect(send(first)).toEqual([]);
    expect(send(claim('D2', [credit('c1', 'r1')], '2026-03'))).toEqual(['TR323']); // not answered yet
    expect(send(answer(first, ['r2']))).toEqual([]);
    expect(send(claim('D3', [credit('c2', 'r2', { code: '45A50' })], '2026-03'))).toEqual(['TR323']); // rejected
    expect(send(claim('D4', [credit('c3', 'r1', { volume: 5, bedrag: 39250 })], '2026-03'))).toEqual(['TR323']); // partly
    expect(send(claim('D5', [credit('c4', 'nope')], '2026-03'))).toEqual(['TR323']);
    expect(send(claim('D6', [credit('c5', 'r1')], '2026-03'))).toEqual([]);
    expect(send(claim('D7', [credit('c6', 'r1')], '2026-03'))).toEqual(['TR390']);
  });

  it('TR314 and TR333: numbers stay used, also of a rejected prestatie; a claim rejected as a whole frees them', () => {
    const send = ledger();
    const first = claim('D1', [prestatie('r1'), prestatie('r2', { code: '45A50' })]);
    expect(send(first)).toEqual([]);
    expect(send(answer(first, ['r2']))).toEqual([]);
    expect(send(claim('D1', [prestatie('r2', { begindatum: '2026-03-01', einddatum: '2026-03-31' })], '2026-03')).sort()).toEqual(['TR314', 'TR333']);
    // A claim the gemeente refuses as a whole (header 0001) counts as not sent.
    const refused = claim('D9', [prestatie('r9', { begindatum: '2026-03-01', einddatum: '2026-03-31' })], '2026-03');
    expect(send(refused)).toEqual([]);
    expect(send(answer(refused, [], ['0001']))).toEqual([]);
    expect(send(claim('D9', [prestatie('r9', { begindatum: '2026-03-01', einddatum: '2026-03-31' })], '2026-03'))).toEqual([]);
  });

  it('TR385: a toewijzing with an approved, uncredited debet is not deleted', () => {
    const send = ledger();
    const first = claim('D1', [prestatie('r1')]);
    expect(send(first)).toEqual([]);
    expect(send(deletion('22800101'))).toEqual([]); // not approved yet
    expect(send(answer(first, []))).toEqual([]);
    expect(send(deletion('22800101'))).toEqual(['TR385']);
    expect(send(deletion('22800102'))).toEqual([]);
    expect(send(claim('D2', [credit('c1', 'r1')], '2026-03'))).toEqual([]);
    expect(send(deletion('22800101'))).toEqual([]); // credited (the credit awaits its answer, but a credit is not refused)
  });

  it('TR337: an answer on an unknown claim, or a second answer, is refused', () => {
    const send = ledger();
    const first = claim('D1', [prestatie('r1')]);
    expect(send(answer(first, []))).toEqual(['TR337']);
    expect(send(first)).toEqual([]);
    expect(send(answer(first, []))).toEqual([]);
    expect(send(answer(first, []))).toEqual(['TR337']);
  });
});
