/**
 * TR352, TR353: a verzoek om wijziging lists every current toewijzing (unchanged or to change), so
 * it holds at least one OngewijzigdProduct or TeWijzigenProduct; and it asks for something, so it
 * holds at least one TeWijzigenProduct or NieuwProduct.
 */
import { defineRule } from '../rule.js';

export const TR352 = defineRule(
  {
    code: 'TR352',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Een verzoek om wijziging bevat geen ongewijzigd of te wijzigen product; de lopende toewijzingen moeten erin staan.',
    en: 'A verzoek om wijziging must contain at least one OngewijzigdProduct or TeWijzigenProduct.',
  },
  {
    JW317: (m, r) => {
      const v = m.Client.Verzoek;
      const count = (v.OngewijzigdeProducten?.OngewijzigdProduct.length ?? 0) + (v.TeWijzigenProducten?.TeWijzigenProduct.length ?? 0);
      if (count === 0) r.report(v, undefined, 'Only NieuwProduct lines are present.');
    },
  },
);

export const TR353 = defineRule(
  {
    code: 'TR353',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Een verzoek om wijziging bevat geen te wijzigen of nieuw product; er wordt dan niets gevraagd.',
    en: 'A verzoek om wijziging must contain at least one TeWijzigenProduct or NieuwProduct.',
  },
  {
    JW317: (m, r) => {
      const v = m.Client.Verzoek;
      const count = (v.TeWijzigenProducten?.TeWijzigenProduct.length ?? 0) + (v.NieuweProducten?.NieuwProduct.length ?? 0);
      if (count === 0) r.report(v, undefined, 'Only OngewijzigdProduct lines are present.');
    },
  },
);
