/** CD043: BeschikkingIngangsdatum is given exactly when BeschikkingNummer is. */
import { defineRule } from '../rule.js';

export const CD043 = defineRule(
  {
    code: 'CD043',
    kind: 'CD',
    retourcode: '0001',
    nl: 'BeschikkingIngangsdatum hoort gevuld te zijn als BeschikkingNummer gevuld is, en anders leeg.',
    en: 'BeschikkingIngangsdatum is required when BeschikkingNummer is filled, and must be empty otherwise.',
  },
  {
    JW315: (m, r) => {
      for (const p of m.Client.AangevraagdeProducten.AangevraagdProduct) {
        const nummer = p.BeschikkingNummer !== undefined;
        const datum = p.BeschikkingIngangsdatum !== undefined;
        if (nummer && !datum) r.report(p, undefined, 'BeschikkingNummer is filled but BeschikkingIngangsdatum is missing.');
        else if (!nummer && datum) r.report(p, 'BeschikkingIngangsdatum', 'BeschikkingIngangsdatum is filled without a BeschikkingNummer.');
      }
    },
  },
);
