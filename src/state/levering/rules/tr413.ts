import { defineCrossRule } from '../../rule.js';
import { isDelivery, TEMPORARY, walkStops } from '../ledger.js';

/**
 * TR413 (9413): after a temporary stop (RedenBeeindiging 20) of a start, the next stop of that start
 * ends it for good: no second temporary stop without a new start (OP378). An earlier line of the same
 * message counts.
 */
export const TR413 = defineCrossRule(
  {
    code: 'TR413',
    kind: 'TR',
    retourcode: '9413',
    nl: 'Deze start is al tijdelijk gestopt (reden 20); een volgende stop moet een definitieve reden hebben.',
    en: 'After a temporary stop (RedenBeeindiging 20) of a start, a further stop of it must have another reason.',
  },
  {
    JW307: (facts, r) => {
      for (const line of r.shared(walkStops, facts)) {
        if (!isDelivery(line.fact) || line.stop.reden !== TEMPORARY) continue;
        if (line.stops.some((s) => s.reden === TEMPORARY)) r.report(line.fact, 'The start already has a current temporary stop.');
      }
    },
  },
);
