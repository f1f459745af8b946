/** The birth-date rules, shared by every message that carries a Geboortedatum. */
import type { CDT_Geboortedatum } from '../../standard/types.generated.js';
import type { Berichten } from '../../standard/types.generated.js';
import { defineRule, type Reporter } from './rule.js';
import { addYears, dateBefore, isPlainDate } from './support.js';

type WithBirthDates = Berichten['JW301'] | Berichten['JW305'] | Berichten['JW307'] | Berichten['JW315'];

function birthDates(m: WithBirthDates): CDT_Geboortedatum[] {
  const dates = [m.Client.Geboortedatum];
  if ('Relaties' in m.Client) {
    for (const relatie of m.Client.Relaties?.Relatie ?? []) if (relatie.Geboortedatum) dates.push(relatie.Geboortedatum);
  }
  return dates;
}

// IV009/COD170: DatumGebruik 1 = day unknown (day 01), 2 = day and month unknown (01-01),
// 3 = wholly unknown (1900-01-01).
function consistent(g: CDT_Geboortedatum): boolean {
  switch (g.DatumGebruik) {
    case '1':
      return g.Datum.endsWith('-01');
    case '2':
      return g.Datum.endsWith('-01-01');
    case '3':
      return g.Datum === '1900-01-01';
    default:
      return true;
  }
}

function checkCs139(m: WithBirthDates, r: Reporter): void {
  for (const g of birthDates(m)) if (!consistent(g)) r.report(g, 'DatumGebruik', `DatumGebruik ${g.DatumGebruik} does not fit the date given.`);
}

function checkTr002(m: WithBirthDates, r: Reporter): void {
  const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
  if (!isPlainDate(dagtekening)) return;
  const limit = addYears(dagtekening, -120);
  for (const g of birthDates(m)) {
    const unknown = g.DatumGebruik === '3' && g.Datum === '1900-01-01';
    if (!unknown && dateBefore(g.Datum, limit)) {
      r.report(g, 'Datum', 'The birth date lies more than 120 years before the Dagtekening.');
    }
  }
}

export const CS139 = defineRule(
  {
    code: 'CS139',
    kind: 'CS',
    retourcode: '0001',
    nl: 'DatumGebruik past niet bij de geboortedatum (onbekende delen worden 01 of 1900).',
    en: 'DatumGebruik must agree with Datum: unknown parts are filled with 01 (day, month) or 1900-01-01.',
  },
  { JW301: checkCs139, JW305: checkCs139, JW307: checkCs139, JW315: checkCs139 },
);

export const TR002 = defineRule(
  {
    code: 'TR002',
    kind: 'TR',
    retourcode: '0001',
    nl: 'De geboortedatum ligt meer dan 120 jaar voor de dagtekening, terwijl hij niet als onbekend is aangemerkt.',
    en: 'Geboortedatum may not lie more than 120 years before the Dagtekening unless marked unknown (1900-01-01, DatumGebruik 3).',
  },
  { JW301: checkTr002, JW305: checkTr002, JW307: checkTr002, JW315: checkTr002 },
);
