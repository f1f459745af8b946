import { defineCrossRule } from '../../rule.js';
import { isDelivery, TEMPORARY, walkStops } from '../ledger.js';

/**
 * TR415 (9415): a start that a definitive stop (any reason but 20) has ended gets no further stop.
 * The standard's wording forbids a new stop while such a stop exists, whatever the new one's reason;
 * we apply it so, which also refuses a temporary stop after a definitive one (OP378 allows nothing
 * but a definitive stop after a temporary one, and nothing after a definitive one but a new start).
 * To change the definitive stop the aanbieder deletes it first (IV008).
 */
export const TR415 = defineCrossRule(
  {
    code: 'TR415',
    kind: 'TR',
    retourcode: '9415',
    nl: 'Deze start is al definitief gestopt; er kan geen nieuwe stop voor worden gestuurd. Verwijder eerst de bestaande stop om die te corrigeren.',
    en: 'No further stop for a start that a definitive stop (RedenBeeindiging other than 20) has ended.',
  },
  {
    JW307: (facts, r) => {
      for (const line of r.shared(walkStops, facts)) {
        if (!isDelivery(line.fact)) continue;
        const definitive = line.stops.find((s) => s.reden !== TEMPORARY);
        if (definitive !== undefined) r.report(line.fact, `The start was ended on ${definitive.einddatum}.`);
      }
    },
  },
);
