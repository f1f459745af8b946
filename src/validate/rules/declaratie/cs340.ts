import { defineRule } from '../rule.js';
import { isPlainDate } from '../support.js';
import { isWholeCalendarMonth } from './support.js';

/**
 * CS340: the DeclaratiePeriode of a JW323 is exactly one whole calendar month, from the 1st up to
 * and including the month's last day (28, 29, 30 or 31; leap years counted). Dates the schema lets
 * through but that are no plain yyyy-mm-dd (negative or five-digit years) are for CS100/TR134.
 */
export const CS340 = defineRule(
  {
    code: 'CS340',
    kind: 'CS',
    retourcode: '0001',
    nl: 'De declaratieperiode is niet precies één hele kalendermaand (van de 1e tot en met de laatste dag van die maand).',
    en: 'DeclaratiePeriode must be exactly one whole calendar month: from the 1st to the last day of that month.',
  },
  {
    JW323: (m, r) => {
      const periode = m.Declaratie.DeclaratiePeriode;
      if (!isPlainDate(periode.Begindatum) || !isPlainDate(periode.Einddatum)) return;
      if (isWholeCalendarMonth(periode.Begindatum, periode.Einddatum)) return;
      const child = periode.Begindatum.endsWith('-01') ? 'Einddatum' : 'Begindatum';
      r.report(periode, child, `The period runs from ${periode.Begindatum} to ${periode.Einddatum}.`);
    },
  },
);
