import type { CDT_BedragMetDC, CDT_Referentie } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { forEachPrestatie, forEachPrestatie325 } from './support.js';

function check(p: { readonly ProductReferentie: CDT_Referentie; readonly IngediendBedrag: CDT_BedragMetDC }, r: Reporter): void {
  const ref = p.ProductReferentie;
  const credit = p.IngediendBedrag.DebetCredit === 'C';
  if (credit && ref.VorigReferentieNummer === undefined) {
    r.report(ref, undefined, 'A credit prestatie lacks the VorigReferentieNummer of the debet it credits.');
  } else if (!credit && ref.VorigReferentieNummer !== undefined) {
    r.report(ref, 'VorigReferentieNummer', 'A debet prestatie has no VorigReferentieNummer.');
  }
}

/**
 * CD060: VorigReferentieNummer is filled exactly when the IngediendBedrag is a credit (C). A
 * returned JW325 Prestatie copies its JW323 Prestatie, so the same holds there and is checked on
 * the answer alone.
 */
export const CD060 = defineRule(
  {
    code: 'CD060',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Een creditprestatie mist het VorigReferentieNummer, of een debetprestatie heeft er een.',
    en: 'VorigReferentieNummer is required for a credit (C) prestatie and must be absent for a debet (D).',
  },
  {
    JW323: (m, r) => forEachPrestatie(m, (p) => check(p, r)),
    JW325: (m, r) => forEachPrestatie325(m, (p) => check(p, r)),
  },
);
