import { defineCrossRule } from '../../rule.js';
import { prestatieInBericht } from '../ledger.js';
import { answeredClaim } from './claim.js';

/** Every prestatie a JW325 returns was declared in the JW323 it answers (same ReferentieNummer). */
export const TR366 = defineCrossRule(
  {
    code: 'TR366',
    kind: 'TR',
    retourcode: '9366',
    nl: 'Deze prestatie (ReferentieNummer) komt niet voor in de beantwoorde declaratie.',
    en: 'Every prestatie in a JW325 must be a prestatie of the JW323 it answers, by ReferentieNummer.',
  },
  {
    JW325: (facts, r) => {
      const claim = r.shared(answeredClaim, facts);
      if (claim.declaratie === undefined || facts.antwoord === null) return; // TR337
      for (const client of facts.antwoord.clienten) {
        for (const p of client.prestaties) if (prestatieInBericht(r, claim.declaratie.bericht_id, p.referentieNummer) === undefined) r.report(p);
      }
    },
  },
);
