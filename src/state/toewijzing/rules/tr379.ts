import { defineCrossRule } from '../../rule.js';
import { honoured, rejected, verzoek, vowToewijzingen } from '../requests.js';

/**
 * ReferentieAanbieder on a ToegewezenProduct says "this honours your request": it must be the
 * reference of a request this aanbieder sent this gemeente for this client, and only the first
 * JW301 after honouring carries it - so the request must still be open (not honoured by an
 * earlier JW301, not rejected by a JW319). A gemeente-initiated change leaves it empty (IV097).
 *
 * Honouring a VOW is all or nothing (IV093): every toewijzing the VOW listed as unchanged or to
 * change that the JW301 holds carries the VOW's reference. Which products honour a VOT cannot be
 * told from the JW301 (the gemeente may assign another product or period, IV094), so there only
 * the filled references are checked.
 */
export const TR379 = defineCrossRule(
  {
    code: 'TR379',
    kind: 'TR',
    retourcode: '9379',
    nl: 'ReferentieAanbieder alleen vullen bij het honoreren van een openstaand verzoek (VOT of VOW), met de referentie van dat verzoek.',
    en: 'ReferentieAanbieder is filled only in the first toewijzing honouring an open VOT or VOW of this client, with that request’s reference, and on every product of an honoured VOW.',
  },
  {
    JW301: (facts, r) => {
      const { afzender: gemeente, ontvanger: aanbieder } = facts.header;
      const vows = new Set<string>();
      const judged = new Map<string, string | null>();
      for (const t of facts.toewijzingen) {
        const ref = t.referentieAanbieder;
        if (ref === null) continue;
        let problem = judged.get(ref);
        if (problem === undefined) {
          problem = null;
          const v = verzoek(r, aanbieder, ref);
          if (v === undefined) problem = 'No request of the aanbieder carries this ReferentieAanbieder.';
          else if (v.gemeente !== gemeente) problem = 'The request carrying it was sent to another gemeente.';
          else if (v.bsn !== facts.client.bsn) problem = 'The request carrying it concerns another client.';
          else if (honoured(r, aanbieder, ref)) problem = 'An earlier toewijzing already honoured this request; only the first one carries its reference.';
          else if (rejected(r, aanbieder, ref)) problem = 'The request was rejected by an answer message (VerzoekAntwoord 1).';
          else if (v.soort === 'VOW') vows.add(ref);
          judged.set(ref, problem);
        }
        if (problem !== null) r.report(t, problem);
      }
      for (const ref of vows) {
        const named = vowToewijzingen(r, aanbieder, ref);
        for (const t of facts.toewijzingen) {
          if (named.has(t.nummer) && t.referentieAanbieder !== ref) {
            r.report(t, `The VOW with ReferentieAanbieder ${ref} that this message honours lists this toewijzing, so it carries that reference too.`);
          }
        }
      }
    },
  },
);
