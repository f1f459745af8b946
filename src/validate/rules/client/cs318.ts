import { defineRule } from '../rule.js';

const NIET_NATUURLIJK_PERSOON = '6';

/** CS318: the client is always a natural person; an organisation can only be a Relatie (IV045). */
export const CS318 = defineRule(
  {
    code: 'CS318',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Bij de cliënt mag NaamGebruik niet 6 (niet-natuurlijk persoon) zijn.',
    en: 'Client NaamGebruik may not be 6 (non-natural person).',
  },
  {
    JW301: (m, r) => {
      if (m.Client.Naam.NaamGebruik === NIET_NATUURLIJK_PERSOON) r.report(m.Client.Naam, 'NaamGebruik');
    },
  },
);
