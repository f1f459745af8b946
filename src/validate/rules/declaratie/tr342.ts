import { defineRule } from '../rule.js';
import { forEachPrestatie325, rejects, showSigned, signedBedrag, signedTotaal } from './support.js';

/**
 * TR342, on a received JW325 alone (everything it compares is in the answer):
 * - a rejected DeclaratieAntwoord (a code other than 0200/8001) means no prestatie was assessed:
 *   TotaalToegekendBedrag is 0 and no Clienten are returned;
 * - otherwise only rejected prestaties come back (each with a code other than 0200/8001; 0233
 *   "not assessed" under a rejected Client counts as rejected), and their amounts, debet plus and
 *   credit minus, explain the difference: Σ Bedrag = TotaalIngediendBedrag − TotaalToegekendBedrag,
 *   all signed by DebetCredit. With no prestaties returned that means both totals are equal.
 * Whether the copied TotaalIngediendBedrag and prestaties equal the JW323 is TR366/TR367: the pair
 * check when the gateway holds both.
 */
export const TR342 = defineRule(
  {
    code: 'TR342',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Het declaratie-antwoord bevat goedgekeurde prestaties, of de teruggestuurde prestaties verklaren niet het verschil tussen ingediend en toegekend bedrag (bij afkeur van de hele declaratie: toegekend 0).',
    en: 'Only rejected prestaties are returned and their amounts sum to TotaalIngediendBedrag minus TotaalToegekendBedrag; a rejected DeclaratieAntwoord returns no prestaties and grants 0.',
  },
  {
    JW325: (m, r) => {
      const antwoord = m.DeclaratieAntwoord;
      if (antwoord === undefined) return;
      if (rejects(antwoord.RetourCodes.RetourCode)) {
        if (Number(antwoord.TotaalToegekendBedrag.TotaalBedrag) !== 0) {
          r.report(antwoord, 'TotaalToegekendBedrag', 'The declaration as a whole is rejected, so nothing is granted.');
        }
        if (antwoord.Clienten !== undefined) {
          r.report(antwoord, 'Clienten', 'The declaration as a whole is rejected, so no prestaties are assessed or returned.');
        }
        return;
      }
      let sum = 0;
      forEachPrestatie325(m, (p) => {
        sum += signedBedrag(p.IngediendBedrag);
        if (!rejects(p.RetourCodes.RetourCode)) {
          r.report(p, 'RetourCodes', 'The prestatie carries no rejection code; approved prestaties are not returned.');
        }
      });
      const verschil = signedTotaal(antwoord.TotaalIngediendBedrag) - signedTotaal(antwoord.TotaalToegekendBedrag);
      if (sum !== verschil) {
        const detail = `Submitted minus granted is ${showSigned(verschil)}; the returned prestaties net to ${showSigned(sum)}.`;
        r.report(antwoord, 'TotaalToegekendBedrag', detail);
      }
    },
  },
);
