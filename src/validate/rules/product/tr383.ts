/** TR383: in a verzoek om toewijzing every AangevraagdProduct has its own ReferentieAanbieder. */
import { defineRule } from '../rule.js';
import { duplicates } from '../support.js';

export const TR383 = defineRule(
  {
    code: 'TR383',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Dezelfde ReferentieAanbieder wordt voor meer dan één aangevraagd product gebruikt.',
    en: 'ReferentieAanbieder must be unique per AangevraagdProduct within the message.',
  },
  {
    JW315: (m, r) => {
      for (const { item } of duplicates(m.Client.AangevraagdeProducten.AangevraagdProduct, (p) => p.ReferentieAanbieder)) {
        r.report(item, 'ReferentieAanbieder', 'An earlier AangevraagdProduct uses the same value.');
      }
    },
  },
);
