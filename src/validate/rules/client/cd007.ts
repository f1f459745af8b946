import { defineRule } from '../rule.js';

const TOLK_TAAL = '1';

/** CD007: Taal is given exactly when the communication form is a language interpreter (Vorm 1). */
export const CD007 = defineRule(
  {
    code: 'CD007',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Taal is verplicht bij communicatievorm 1 (tolk taal) en moet bij andere vormen leeg blijven.',
    en: 'Communicatie Taal is required when Vorm is 1 (language interpreter) and must be absent otherwise.',
  },
  {
    JW301: (m, r) => {
      const k = m.Client.Communicatie;
      if (k === undefined) return;
      if (k.Vorm === TOLK_TAAL && k.Taal === undefined) r.report(k, 'Vorm', 'Vorm is 1 (language interpreter) but Taal is missing.');
      else if (k.Vorm !== TOLK_TAAL && k.Taal !== undefined) r.report(k, 'Taal', `Taal is filled while Vorm is ${k.Vorm}.`);
    },
  },
);
