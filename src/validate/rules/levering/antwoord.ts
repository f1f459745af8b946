/**
 * The answer on a VOT/VOW (JW319): a rejection names its reason, an "in onderzoek" answer does
 * not, and the Woonplaatsbeginsel class (the municipality that is responsible instead) belongs to
 * reason 8 and to nothing else. IV095 states the same as TR377 and TR409 and is answered by them.
 */
import { defineRule } from '../rule.js';

export const CD085 = defineRule(
  {
    code: 'CD085',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Bij een afgewezen verzoek (VerzoekAntwoord 1) ontbreekt RedenAfwijzingVerzoek.',
    en: 'RedenAfwijzingVerzoek is required when VerzoekAntwoord is 1 (request rejected).',
  },
  {
    JW319: (m, r) => {
      const a = m.Antwoord;
      if (a.VerzoekAntwoord === '1' && a.RedenAfwijzingVerzoek === undefined) r.report(a, 'RedenAfwijzingVerzoek');
    },
  },
);

export const CD086 = defineRule(
  {
    code: 'CD086',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Bij een verzoek in onderzoek (VerzoekAntwoord 2) hoort geen RedenAfwijzingVerzoek.',
    en: 'RedenAfwijzingVerzoek must be absent when VerzoekAntwoord is 2 (under investigation).',
  },
  {
    JW319: (m, r) => {
      const a = m.Antwoord;
      if (a.VerzoekAntwoord === '2' && a.RedenAfwijzingVerzoek !== undefined) r.report(a, 'RedenAfwijzingVerzoek');
    },
  },
);

export const TR377 = defineRule(
  {
    code: 'TR377',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Bij afwijzing op het woonplaatsbeginsel (reden 8) ontbreekt Woonplaatsbeginsel met de verantwoordelijke gemeente.',
    en: 'Woonplaatsbeginsel (the responsible municipality) is required when RedenAfwijzingVerzoek is 8.',
  },
  {
    JW319: (m, r) => {
      const a = m.Antwoord;
      if (a.RedenAfwijzingVerzoek === '8' && a.Woonplaatsbeginsel === undefined) r.report(a, 'Woonplaatsbeginsel');
    },
  },
);

export const TR409 = defineRule(
  {
    code: 'TR409',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Woonplaatsbeginsel hoort alleen bij afwijzing op het woonplaatsbeginsel (reden 8).',
    en: 'Woonplaatsbeginsel must be absent unless RedenAfwijzingVerzoek is 8.',
  },
  {
    JW319: (m, r) => {
      const a = m.Antwoord;
      // Without any reason (an "in onderzoek" answer) the class is just as out of place (IV095).
      if (a.Woonplaatsbeginsel !== undefined && a.RedenAfwijzingVerzoek !== '8') {
        const reden = a.RedenAfwijzingVerzoek === undefined ? 'no RedenAfwijzingVerzoek' : `RedenAfwijzingVerzoek ${a.RedenAfwijzingVerzoek}`;
        r.report(a.Woonplaatsbeginsel, undefined, `Found with ${reden}.`);
      }
    },
  },
);
