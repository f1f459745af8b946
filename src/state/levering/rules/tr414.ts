import { defineCrossRule } from '../../rule.js';
import { isDelivery, walkStops } from '../ledger.js';

/**
 * TR414 (9414): a further stop of a start (the definitive stop after a temporary one) does not end
 * before the stop already current for it. With at most one temporary and one definitive stop per
 * start, "the current stop" is the latest Einddatum of its current stops.
 */
export const TR414 = defineCrossRule(
  {
    code: 'TR414',
    kind: 'TR',
    retourcode: '9414',
    nl: 'De Einddatum van deze stop ligt vóór de Einddatum van de stop die al voor deze start is verstuurd.',
    en: 'A further stop of a start must not have an Einddatum before that of the stop already current for it.',
  },
  {
    JW307: (facts, r) => {
      for (const line of r.shared(walkStops, facts)) {
        if (!isDelivery(line.fact) || line.stops.length === 0) continue;
        const latest = line.stops.reduce((a, s) => (s.einddatum > a ? s.einddatum : a), line.stops[0]!.einddatum);
        if (line.stop.einddatum < latest) r.report(line.fact, `The current stop of this start ends on ${latest}.`);
      }
    },
  },
);
