import { defineCrossRule } from '../../rule.js';
import { answeredClaim } from './claim.js';

/** XsdVersieDeclaratie repeats the XsdVersie of the JW323 answered. No retour exists for a JW325. */
export const TR371 = defineCrossRule(
  {
    code: 'TR371',
    kind: 'TR',
    retourcode: '0001',
    nl: 'XsdVersieDeclaratie in het declaratie-antwoord wijkt af van de XsdVersie van de declaratie.',
    en: 'XsdVersieDeclaratie must equal the XsdVersie of the JW323 it answers.',
  },
  {
    JW325: (facts, r) => {
      const d = r.shared(answeredClaim, facts).declaratie;
      if (d === undefined) return; // TR337
      const v = facts.xsdVersieDeclaratie;
      if (v.basisschema !== d.xsd_basis || v.bericht !== d.xsd_bericht) r.report(facts.headerAt);
    },
  },
);
