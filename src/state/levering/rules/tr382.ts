import { defineCrossRule } from '../../rule.js';
import { isDelivery, walkStops } from '../ledger.js';

/**
 * TR382 (9069): a stop copies the key of the start it ends (ToewijzingNummer, Product, Begindatum)
 * unchanged, so such a start must be current: no stop without a start (OP072, OP295).
 *
 * A stop ends the latest start of the toegewezen product (OP155): when a restart follows a temporary
 * stop, the delivery to end is the restarted one, and OP377 allows a definitive stop of the earlier
 * start only without an intervening start. We read "latest" as "the start still open": a product has
 * at most one (TR326), so while one is open a stop must name it. That keeps the answer independent
 * of arrival order (OP080), unlike comparing when starts were sent or their Begindatums.
 */
export const TR382 = defineCrossRule(
  {
    code: 'TR382',
    kind: 'TR',
    retourcode: '9069',
    nl: 'De stop verwijst niet naar de lopende start: neem ToewijzingNummer, Product en Begindatum ongewijzigd over uit de laatste start.',
    en: 'A stop must copy the key (ToewijzingNummer, Product, Begindatum) of the current, latest start of the product unchanged.',
  },
  {
    JW307: (facts, r) => {
      for (const line of r.shared(walkStops, facts)) {
        if (!isDelivery(line.fact)) continue;
        if (!line.startCurrent) r.report(line.fact, 'No current start with this ToewijzingNummer, Product and Begindatum.');
        else if (line.openStarts.length > 0 && !line.openStarts.includes(line.fact.begindatum)) {
          r.report(line.fact, `The start still open, from ${line.openStarts.join(', ')}, is the one to stop.`);
        }
      }
    },
  },
);
