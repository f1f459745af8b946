import type { CDT_BedragMetDC, CDT_TotaalBedragMetDC } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { forEachPrestatie, forEachPrestatie325 } from './support.js';

function checkBedrag(b: CDT_BedragMetDC, r: Reporter): void {
  if (b.DebetCredit === 'C' && Number(b.Bedrag) === 0) r.report(b, 'DebetCredit', 'The amount is 0.');
}

function checkTotaal(b: CDT_TotaalBedragMetDC, r: Reporter): void {
  if (b.DebetCredit === 'C' && Number(b.TotaalBedrag) === 0) r.report(b, 'DebetCredit', 'The total is 0.');
}

/**
 * CS325: an amount or total of 0 carries DebetCredit D. JW323: TotaalIngediendBedrag and every
 * Prestatie IngediendBedrag; JW325: both totals of the DeclaratieAntwoord and every returned
 * Prestatie.
 */
export const CS325 = defineRule(
  {
    code: 'CS325',
    kind: 'CS',
    retourcode: '0001',
    nl: 'Een (totaal)bedrag van 0 heeft DebetCredit C; bij 0 hoort D (debet).',
    en: 'An amount or total of 0 must carry DebetCredit D.',
  },
  {
    JW323: (m, r) => {
      checkTotaal(m.Declaratie.TotaalIngediendBedrag, r);
      forEachPrestatie(m, (p) => checkBedrag(p.IngediendBedrag, r));
    },
    JW325: (m, r) => {
      const antwoord = m.DeclaratieAntwoord;
      if (antwoord === undefined) return;
      checkTotaal(antwoord.TotaalIngediendBedrag, r);
      checkTotaal(antwoord.TotaalToegekendBedrag, r);
      forEachPrestatie325(m, (p) => checkBedrag(p.IngediendBedrag, r));
    },
  },
);
