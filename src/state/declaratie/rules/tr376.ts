import { defineCrossRule } from '../../rule.js';
import { answeredClaim } from './claim.js';

/** The DeclaratieNummer of the answer is that of the JW323 answered. No retour exists for a JW325. */
export const TR376 = defineCrossRule(
  {
    code: 'TR376',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Het DeclaratieNummer in het declaratie-antwoord wijkt af van dat van de beantwoorde declaratie.',
    en: 'DeclaratieNummer must equal the DeclaratieNummer of the JW323 it answers.',
  },
  {
    JW325: (facts, r) => {
      const d = r.shared(answeredClaim, facts).declaratie;
      if (d === undefined || facts.antwoord === null) return; // TR337; a header-only answer has no number
      if (facts.antwoord.declaratieNummer !== d.nummer) r.report(facts.antwoord);
    },
  },
);
