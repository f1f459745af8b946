/**
 * Sending a request (JW315 VOT, JW317 VOW): its ReferentieAanbieder must be new for the aanbieder
 * (TR347) and no earlier request for the client may still be open (TR374).
 */
import { defineCrossRule } from '../../rule.js';
import { openVerzoek, verzoek } from '../requests.js';

export const TR347 = defineCrossRule(
  {
    code: 'TR347',
    kind: 'TR',
    retourcode: '9347',
    nl: 'Deze ReferentieAanbieder is door de aanbieder al eerder gebruikt voor een verzoek.',
    en: 'ReferentieAanbieder must be unique per aanbieder: an earlier VOT or VOW of this aanbieder used it.',
  },
  {
    JW315: (facts, r) => {
      for (const p of facts.producten) {
        const earlier = verzoek(r, facts.header.afzender, p.referentieAanbieder);
        if (earlier !== undefined) r.report(p, `It was used before in a ${earlier.soort} of ${earlier.dagtekening}.`);
      }
    },
    JW317: (facts, r) => {
      const earlier = verzoek(r, facts.header.afzender, facts.verzoek.referentieAanbieder);
      if (earlier !== undefined) r.report(facts.verzoek, `It was used before in a ${earlier.soort} of ${earlier.dagtekening}.`);
    },
  },
);

/**
 * Open means: neither rejected by a JW319 (VerzoekAntwoord 1) nor honoured by a JW301 carrying its
 * ReferentieAanbieder; "in onderzoek" keeps it open. A VOT is open while any of its products is
 * (the gemeente decides a VOT per product, OP344).
 */
export const TR374 = defineCrossRule(
  {
    code: 'TR374',
    kind: 'TR',
    retourcode: '9374',
    nl: 'Er loopt nog een eerder verzoek van deze aanbieder voor deze cliënt; een nieuw verzoek kan pas als dat is afgehandeld.',
    en: 'A request may only be sent when no earlier request of this aanbieder for this client is still open (not yet rejected by a JW319 or honoured by a JW301).',
  },
  {
    JW315: (facts, r) => {
      const open = openVerzoek(r, { aanbieder: facts.header.afzender, bsn: facts.client.bsn, gemeente: facts.header.ontvanger });
      if (open !== undefined) r.report(facts.client, `The request with ReferentieAanbieder ${open} is still open.`);
    },
    JW317: (facts, r) => {
      const open = openVerzoek(r, { aanbieder: facts.header.afzender, bsn: facts.client.bsn, gemeente: facts.header.ontvanger });
      if (open !== undefined) r.report(facts.client, `The request with ReferentieAanbieder ${open} is still open.`);
    },
  },
);
