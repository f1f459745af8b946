import type { CDT_VolledigeNaam } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';

// COD700: 1 own name, 2-4 forms with the partner's name, 5 pseudonym, 6 non-natural person.
const WITH_PARTNER: ReadonlySet<string> = new Set(['1', '2', '3', '4']);
const WITHOUT_PARTNER: ReadonlySet<string> = new Set(['1', '6']);

function check(naam: CDT_VolledigeNaam, r: Reporter): void {
  const withPartner = naam.Partnernaam !== undefined;
  if (!(withPartner ? WITH_PARTNER : WITHOUT_PARTNER).has(naam.NaamGebruik)) {
    r.report(
      naam,
      'NaamGebruik',
      withPartner
        ? `NaamGebruik ${naam.NaamGebruik} with a Partnernaam; allowed: 1, 2, 3, 4.`
        : `NaamGebruik ${naam.NaamGebruik} without a Partnernaam; allowed: 1, 6.`,
    );
  }
}

/** CS050 on the client's name and on every Relatie's name. */
export const CS050 = defineRule(
  {
    code: 'CS050',
    kind: 'CS',
    retourcode: '0001',
    nl: 'NaamGebruik past niet bij de naam: met partnernaam 1, 2, 3 of 4; zonder partnernaam 1 of 6.',
    en: 'NaamGebruik must be 1, 2, 3 or 4 when Partnernaam is filled, and 1 or 6 when it is not.',
  },
  {
    JW301: (m, r) => {
      check(m.Client.Naam, r);
      for (const relatie of m.Client.Relaties?.Relatie ?? []) check(relatie.Naam, r);
    },
  },
);
