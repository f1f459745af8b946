import { defineCrossRule } from '../../rule.js';
import { isDelivery, walkStarts, walkStops } from '../ledger.js';

/**
 * TR074 (9074): a first delivery (StatusAanlevering 1) has a logical key no current line of this
 * client has, in this message or an earlier one. A key that was deleted is free again: IV008 has the
 * corrected line resent with the same key in a later message. Uniqueness within one message is also
 * TR101 (in-message); here an earlier line of the same message counts as well.
 */
export const TR074 = defineCrossRule(
  {
    code: 'TR074',
    kind: 'TR',
    retourcode: '9074',
    nl: 'Deze aanlevering is er al: een eerder verstuurde, niet verwijderde start of stop heeft dezelfde logische sleutel.',
    en: 'A first delivery (StatusAanlevering 1) must have a logical key no earlier, undeleted delivery for this client has.',
  },
  {
    JW305: (facts, r) => {
      for (const line of r.shared(walkStarts, facts)) {
        if (isDelivery(line.fact) && line.keyCurrent) r.report(line.fact, 'A current start has the same ToewijzingNummer, Product and Begindatum.');
      }
    },
    JW307: (facts, r) => {
      for (const line of r.shared(walkStops, facts)) {
        if (isDelivery(line.fact) && line.keyCurrent) r.report(line.fact, 'A current stop has the same start key, Einddatum and RedenBeeindiging.');
      }
    },
  },
);
