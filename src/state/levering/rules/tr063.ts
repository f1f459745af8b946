import { defineCrossRule } from '../../rule.js';
import { walkStarts, walkStops } from '../ledger.js';

/**
 * TR063 (9063): a deletion (StatusAanlevering 3) names, by its logical key, an earlier line of this
 * client that it deletes. Our reading: that line must still be current; deleting a line that was
 * already deleted, or never sent, deletes nothing and is refused. A start's key is ToewijzingNummer
 * + Product + Begindatum, a stop's adds Einddatum + RedenBeeindiging (ledger.ts). An earlier line
 * of the same message counts (IV008).
 */
export const TR063 = defineCrossRule(
  {
    code: 'TR063',
    kind: 'TR',
    retourcode: '9063',
    nl: 'Verwijderen (StatusAanlevering 3) kan alleen voor een eerder verstuurde, nog niet verwijderde aanlevering met dezelfde logische sleutel voor deze cliënt.',
    en: 'A deletion (StatusAanlevering 3) must name, by its logical key, an earlier delivery for this client that is not deleted yet.',
  },
  {
    JW305: (facts, r) => {
      for (const line of r.shared(walkStarts, facts)) {
        if (line.fact.status === '3' && !line.keyCurrent) r.report(line.fact, 'No current start with this ToewijzingNummer, Product and Begindatum.');
      }
    },
    JW307: (facts, r) => {
      for (const line of r.shared(walkStops, facts)) {
        if (line.fact.status === '3' && !line.keyCurrent) r.report(line.fact, 'No current stop with this start key, Einddatum and RedenBeeindiging.');
      }
    },
  },
);
