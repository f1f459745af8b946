/**
 * The fit rules on hand-made facts against a hand-filled state: what the sequences do not show —
 * credits, the order in which the sums are taken, several prestaties per toewijzing, minutes.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { CrossChecker } from '../../../src/state/check.js';
import { contractsOf } from '../../../src/state/contracts.js';
import { FIT_RULES } from '../../../src/state/declaratie/fit/index.js';
import type { Jw323Facts, PrestatieFact } from '../../../src/state/facts.js';
import { stateSchema } from '../../../src/state/groups.js';

const AANBIEDER = '98041733';
const GEMEENTE = '0228';

let db: Database.Database;
let checker: CrossChecker;

function toewijzing(nummer: string, fields: Record<string, string | number | null>): void {
  const row = { bericht_id: 't', gemeente: GEMEENTE, nummer, aanbieder: AANBIEDER, bsn: '999936669', versie: '2026-01-16T10:42:00', ...fields };
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO toewijzingen (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

let n = 0;
function prestatie(p: Partial<PrestatieFact>): PrestatieFact {
  n += 1;
  return {
    path: `/p[${n}]`,
    referentieNummer: `R${n}`,
    vorigReferentieNummer: null,
    toewijzingNummer: '22800101',
    categorie: '45',
    code: '45A48',
    begindatum: '2026-02-01',
    einddatum: '2026-02-28',
    volume: 14,
    eenheid: '04',
    tarief: 7850,
    bedrag: 109900,
    debetCredit: 'D',
    ...p,
  };
}

function claim(...prestaties: PrestatieFact[]): Jw323Facts {
  return {
    type: 'JW323',
    header: { afzender: AANBIEDER, ontvanger: GEMEENTE, identificatie: 'X', dagtekening: '2026-03-04' },
    xsdVersie: { basisschema: '1.0.0', bericht: '1.0.0' },
    berichtVersie: '3',
    berichtSubversie: '2',
    declaratie: { path: '/d', nummer: 'D1', periodeBegin: '2026-02-01', periodeEind: '2026-02-28', dagtekening: '2026-03-04', totaal: 0, debetCredit: 'D' },
    clienten: [{ path: '/c', bsn: '999936669', prestaties }],
  };
}

function check(facts: Jw323Facts): string[] {
  return checker.check(facts, { berichtId: 'm', receivedAt: '2026-03-04T09:00:00Z', today: '2026-03-04' }).map((v) => `${v.code} ${v.location}`);
}

beforeEach(() => {
  db = new Database(':memory:');
  db.exec(stateSchema());
  const contracts = contractsOf([{ regio: 'Food Valley', aanbieder: null, categorie: '45', code: '45A48', eenheid: '04', tarief: 7850, van: '2020-01-01', tot: null }]);
  checker = new CrossChecker(db, {
    contracts,
    regioOf: (g) => (g === GEMEENTE ? 'Food Valley' : undefined),
    groups: [{ name: 'fit', schema: '', tables: [], rules: FIT_RULES, notApplicable: {}, apply: {} }],
  });
  toewijzing('22800101', { categorie: '45', code: '45A48', ingangsdatum: '2026-02-01', einddatum: '2026-02-20', volume: 4, eenheid: '04', frequentie: '2' });
});

describe('fit rules', () => {
  it('does not hold a credit to the period, volume or tariff of a toewijzing changed since its debet', () => {
    const credit = prestatie({ debetCredit: 'C', vorigReferentieNummer: 'R0', volume: 30, bedrag: 30 * 7900, tarief: 7900 });
    expect(check(claim(credit))).toEqual([]);
    const debet = prestatie({ volume: 30, bedrag: 30 * 7900, tarief: 7900 });
    expect(check(claim(debet)).map((v) => v.split(' ')[0]).sort()).toEqual(['TR308', 'TR321', 'TR322', 'TR388', 'TR418']);
  });

  it('still relates a credit to a toewijzing and its product', () => {
    const credit = prestatie({ debetCredit: 'C', vorigReferentieNummer: 'R0', toewijzingNummer: '1' });
    expect(check(claim(credit))).toEqual([`TR338 ${credit.path}`]);
  });

  it('reports the debets that take the total over the maximum, after this message\'s credits', () => {
    // 2026-02-01..02-20 touches ISO weeks 5–8: 16 hours in total. Two periods of 8 and 9 hours.
    const a = prestatie({ begindatum: '2026-02-01', einddatum: '2026-02-20', volume: 8, bedrag: 8 * 7850 });
    const b = prestatie({ begindatum: '2026-02-01', einddatum: '2026-02-20', volume: 9, bedrag: 9 * 7850, code: '45A48' });
    expect(check(claim(a, b))).toEqual([`TR322 ${b.path}`]);
    // A credit of 1 hour in the same message makes room, wherever it stands.
    const c = prestatie({ debetCredit: 'C', vorigReferentieNummer: 'R0', begindatum: '2026-02-01', einddatum: '2026-02-20', volume: 1, bedrag: 7850 });
    expect(check(claim(a, b, c))).toEqual([]);
  });

  it('adds what the ledger holds for the toewijzing', () => {
    db.prepare(`INSERT INTO prestaties (bericht_id, aanbieder, gemeente, bsn, referentie_nummer, toewijzing_nummer, categorie, code, begindatum,
      einddatum, volume, eenheid, tarief, bedrag, debet_credit) VALUES ('old', ?, ?, '999936669', 'OLD', '22800101', '45', '45A48', '2026-02-01',
      '2026-02-20', 600, '01', 131, 78500, 'D')`).run(AANBIEDER, GEMEENTE);
    // 600 minutes = 10 hours before; 7 more make 17 of 16.
    const p = prestatie({ einddatum: '2026-02-20', volume: 7, bedrag: 7 * 7850 });
    expect(check(claim(p))).toEqual([`TR322 ${p.path}`]);
    expect(check(claim(prestatie({ einddatum: '2026-02-20', volume: 6, bedrag: 6 * 7850 })))).toEqual([]);
  });

  it('takes minutes on an hour toewijzing at the hourly tariff / 60, rounded (IV081), and counts them as minutes', () => {
    expect(check(claim(prestatie({ einddatum: '2026-02-20', eenheid: '01', volume: 960, tarief: 131, bedrag: 125600 })))).toEqual([]);
    const over = prestatie({ einddatum: '2026-02-20', eenheid: '01', volume: 961, tarief: 131, bedrag: 125731 });
    expect(check(claim(over))).toEqual([`TR321 ${over.path}`, `TR322 ${over.path}`]);
    expect(check(claim(prestatie({ einddatum: '2026-02-20', eenheid: '01', volume: 60, tarief: 130, bedrag: 7850 })))).toEqual([`TR418 /p[${n}]`]);
  });

  it('looks each toewijzing up once and reports each rule on every prestatie it concerns', () => {
    const ps = [prestatie({ toewijzingNummer: '9' }), prestatie({ toewijzingNummer: '9' }), prestatie({ einddatum: '2026-02-20', volume: 1, bedrag: 7850 })];
    expect(check(claim(...ps))).toEqual([`TR338 ${ps[0]!.path}`, `TR338 ${ps[1]!.path}`]);
  });

  it('lets an aspecific toewijzing take the contract unit, and a generic one any category', () => {
    toewijzing('22800201', { categorie: '45', code: null, ingangsdatum: '2026-02-01', einddatum: '2026-12-31', budget: 600000 });
    toewijzing('22800501', { categorie: null, code: null, ingangsdatum: '2026-02-01', einddatum: '2026-12-31', budget: 150000 });
    expect(check(claim(prestatie({ toewijzingNummer: '22800201' })))).toEqual([]);
    const dagdelen = prestatie({ toewijzingNummer: '22800201', eenheid: '16', volume: 2, bedrag: 15700 });
    expect(check(claim(dagdelen)).map((v) => v.split(' ')[0])).toEqual(['TR341', 'TR418']);
    expect(check(claim(prestatie({ toewijzingNummer: '22800501', volume: 20, bedrag: 157000 })))).toEqual([`TR369 /p[${n}]`]);
  });
});
