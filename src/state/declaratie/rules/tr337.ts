import { defineCrossRule } from '../../rule.js';
import { answeredClaim } from './claim.js';

/**
 * A JW325 answers a JW323 the gemeente received (OP355): DeclaratieIdentificatie names a claim this
 * aanbieder sent to this gemeente through the gateway, that was admitted and still counts, and that
 * has no answer yet: a claim gets exactly one JW325 (process.md §2.4), which for a billing office the
 * gateway wrote itself. No retour exists for a JW325, so the code only appears in our report; the
 * refused JW325 is not passed on.
 */
export const TR337 = defineCrossRule(
  {
    code: 'TR337',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Het declaratie-antwoord hoort niet bij een ontvangen declaratie die nog op antwoord wacht (DeclaratieIdentificatie).',
    en: 'DeclaratieIdentificatie must name a JW323 received from this aanbieder for this gemeente that has not been answered yet.',
  },
  {
    JW325: (facts, r) => {
      const claim = r.shared(answeredClaim, facts);
      const d = claim.declaratie;
      if (claim.berichtId === undefined) r.report(facts.headerAt, 'No JW323 with this Identificatie came from this aanbieder.');
      else if (d === undefined) r.report(facts.headerAt, 'That JW323 was refused or rejected as a whole: it counts as not sent.');
      else if (d.gemeente !== facts.header.afzender) r.report(facts.headerAt, 'That JW323 was sent to another gemeente.');
      else if (d.dagtekening !== facts.declaratieIdentificatie.dagtekening) r.report(facts.headerAt, 'The Dagtekening differs from that of the JW323.');
      else if (claim.answeredBy !== undefined) r.report(facts.headerAt, 'That JW323 has been answered already.');
    },
  },
);
