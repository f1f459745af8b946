import { defineCrossRule } from '../../rule.js';
import { walkStarts } from '../ledger.js';

/**
 * TR071 (9071): a start that a (temporary or definitive) stop has ended cannot be deleted. To
 * correct it anyway, the aanbieder deletes the stop first (IV008); a deleted stop no longer counts.
 */
export const TR071 = defineCrossRule(
  {
    code: 'TR071',
    kind: 'TR',
    retourcode: '9071',
    nl: 'Deze start kan niet worden verwijderd: er is al een stop voor verstuurd. Verwijder eerst de stop.',
    en: 'A start cannot be deleted (StatusAanlevering 3) once a stop for it was sent; delete the stop first.',
  },
  {
    JW305: (facts, r) => {
      for (const line of r.shared(walkStarts, facts)) {
        if (line.fact.status === '3' && line.stops.length > 0) r.report(line.fact, `${line.stops.length} current stop(s) end this start.`);
      }
    },
  },
);
