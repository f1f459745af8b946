/**
 * CS335: RedenWijziging 13 (verwijderd) marks a deleted toewijzing, which is sent with Einddatum
 * equal to Ingangsdatum. CS336: RedenWijziging 01 (administratieve correctie) is withdrawn from the
 * code list and may no longer be sent.
 */
import { defineRule } from '../rule.js';

export const CS335 = defineRule(
  {
    code: 'CS335',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Reden wijziging 13 (verwijderd) mag alleen als de einddatum gelijk is aan de ingangsdatum.',
    en: 'RedenWijziging 13 (deleted) is allowed only when Einddatum equals Ingangsdatum.',
  },
  {
    JW301: (m, r) => {
      for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) {
        if (p.RedenWijziging === '13' && p.Einddatum !== p.Ingangsdatum) {
          r.report(p, 'RedenWijziging', p.Einddatum === undefined ? 'Einddatum is missing.' : 'Einddatum differs from Ingangsdatum.');
        }
      }
    },
  },
);

export const CS336 = defineRule(
  {
    code: 'CS336',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Reden wijziging 01 (administratieve correctie) is vervallen en mag niet meer worden gebruikt.',
    en: 'RedenWijziging 01 (administrative correction) is withdrawn and must not be used.',
  },
  {
    JW301: (m, r) => {
      for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) if (p.RedenWijziging === '01') r.report(p, 'RedenWijziging');
    },
  },
);
