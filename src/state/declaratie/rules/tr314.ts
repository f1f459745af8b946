import { defineCrossRule } from '../../rule.js';

/**
 * A ReferentieNummer names one prestatie of an aanbieder for good (OP283); within one message this
 * is TR101. A rejected prestatie keeps its number: the claim it came in was received, only the
 * prestatie was turned down. A claim rejected as a whole counts as not sent and frees its numbers.
 */
export const TR314 = defineCrossRule(
  {
    code: 'TR314',
    kind: 'TR',
    retourcode: '8021',
    nl: 'Dit ReferentieNummer heeft de aanbieder al eerder gebruikt voor een prestatie.',
    en: 'ReferentieNummer must be unique per aanbieder: an earlier declaratie has a prestatie with this number.',
  },
  {
    JW323: (facts, r) => {
      const used = r.stmt<[string, string], { one: number }>('SELECT 1 AS one FROM prestaties WHERE aanbieder = ? AND referentie_nummer = ? LIMIT 1');
      const aanbieder = facts.header.afzender;
      for (const client of facts.clienten) {
        for (const p of client.prestaties) if (used.get(aanbieder, p.referentieNummer) !== undefined) r.report(p);
      }
    },
  },
);
