import { defineCrossRule } from '../../rule.js';
import { isDelivery, walkStarts } from '../ledger.js';

/**
 * TR326 (9326): a toegewezen product has at most one current start: a new start needs the earlier
 * one ended by a stop (temporary or definitive, OP379) or deleted (a correction, IV008, possibly
 * earlier in the same message). Covers OP289.
 *
 * Only lines with a ToewijzingNummer: task-based work has no toegewezen product (IV096).
 */
export const TR326 = defineCrossRule(
  {
    code: 'TR326',
    kind: 'TR',
    retourcode: '9326',
    nl: 'Voor dit toegewezen product loopt al een start die niet is gestopt of verwijderd; een nieuwe start kan pas na een stop.',
    en: 'No new start while the toegewezen product has a current start that was neither stopped nor deleted.',
  },
  {
    JW305: (facts, r) => {
      for (const line of r.shared(walkStarts, facts)) {
        if (!isDelivery(line.fact) || line.fact.toewijzingNummer === null || line.openStarts.length === 0) continue;
        r.report(line.fact, `The product has ${line.openStarts.length} open start(s), from ${line.openStarts.join(', ')}.`);
      }
    },
  },
);
