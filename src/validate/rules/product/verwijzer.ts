/**
 * CD066, CD067, CD068: a referrer of type 02-05 (huisarts, jeugdarts, gecertificeerde instelling,
 * medisch specialist) is named by its AGB ZorgverlenerCode or, lacking one, by Naam - never both;
 * other referrer types carry no ZorgverlenerCode.
 */
import type { Berichten, CDT_Verwijzer } from '../../../standard/types.generated.js';
import { defineRule } from '../rule.js';

const PROFESSIONAL: ReadonlySet<string> = new Set(['02', '03', '04', '05']);

function verwijzers(m: Berichten['JW315']): CDT_Verwijzer[] {
  return m.Client.AangevraagdeProducten.AangevraagdProduct.map((p) => p.Verwijzer);
}

export const CD066 = defineRule(
  {
    code: 'CD066',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Bij een verwijzer van type 02 tot en met 05 met een ZorgverlenerCode blijft de naam van de verwijzer leeg.',
    en: 'Verwijzer Type 02-05 with a ZorgverlenerCode: Naam must be empty.',
  },
  {
    JW315: (m, r) => {
      for (const v of verwijzers(m)) {
        if (PROFESSIONAL.has(v.Type) && v.ZorgverlenerCode !== undefined && v.Naam !== undefined) r.report(v, 'Naam');
      }
    },
  },
);

export const CD067 = defineRule(
  {
    code: 'CD067',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Bij een verwijzer van type 02 tot en met 05 zonder ZorgverlenerCode is de naam van de verwijzer verplicht.',
    en: 'Verwijzer Type 02-05 without a ZorgverlenerCode: Naam is required.',
  },
  {
    JW315: (m, r) => {
      for (const v of verwijzers(m)) {
        if (PROFESSIONAL.has(v.Type) && v.ZorgverlenerCode === undefined && v.Naam === undefined) {
          r.report(v, undefined, 'Neither ZorgverlenerCode nor Naam is given.');
        }
      }
    },
  },
);

export const CD068 = defineRule(
  {
    code: 'CD068',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Een ZorgverlenerCode mag alleen bij een verwijzer van type 02 tot en met 05 staan.',
    en: 'Verwijzer Types other than 02-05: ZorgverlenerCode must be empty.',
  },
  {
    JW315: (m, r) => {
      for (const v of verwijzers(m)) {
        if (!PROFESSIONAL.has(v.Type) && v.ZorgverlenerCode !== undefined) r.report(v, 'ZorgverlenerCode', `Type ${v.Type} takes no ZorgverlenerCode.`);
      }
    },
  },
);
