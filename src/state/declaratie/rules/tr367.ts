import { defineCrossRule } from '../../rule.js';
import { prestatieInBericht } from '../ledger.js';
import { answeredClaim } from './claim.js';

/**
 * What a JW325 copies from its JW323 is copied unchanged: each returned prestatie's values and
 * client (compared as values: GeleverdVolume 014 equals 14), and TotaalIngediendBedrag.
 */
export const TR367 = defineCrossRule(
  {
    code: 'TR367',
    kind: 'TR',
    retourcode: '9367',
    nl: 'Een waarde in het declaratie-antwoord wijkt af van de waarde in de beantwoorde declaratie.',
    en: 'Values copied into a JW325 must equal those of the JW323 it answers (prestatie by ReferentieNummer, TotaalIngediendBedrag).',
  },
  {
    JW325: (facts, r) => {
      const claim = r.shared(answeredClaim, facts);
      const d = claim.declaratie;
      const a = facts.antwoord;
      if (d === undefined || a === null) return; // TR337
      const ingediend = a.ingediendDebetCredit === 'C' ? -a.totaalIngediend : a.totaalIngediend;
      if (ingediend !== d.totaal) r.report(a, 'TotaalIngediendBedrag differs from the declaratie.');
      for (const client of a.clienten) {
        for (const p of client.prestaties) {
          const declared = prestatieInBericht(r, d.bericht_id, p.referentieNummer);
          if (declared === undefined) continue; // TR366
          const differs: string[] = [];
          if (declared.bsn !== client.bsn) differs.push('client');
          if (declared.vorig_referentie_nummer !== p.vorigReferentieNummer) differs.push('VorigReferentieNummer');
          if (declared.toewijzing_nummer !== p.toewijzingNummer) differs.push('ToewijzingNummer');
          if (declared.categorie !== p.categorie || declared.code !== p.code) differs.push('product');
          if (declared.begindatum !== p.begindatum || declared.einddatum !== p.einddatum) differs.push('ProductPeriode');
          if (declared.volume !== p.volume || declared.eenheid !== p.eenheid) differs.push('GeleverdVolume/Eenheid');
          if (declared.tarief !== p.tarief) differs.push('ProductTarief');
          if (declared.bedrag !== p.bedrag || declared.debet_credit !== p.debetCredit) differs.push('IngediendBedrag');
          if (differs.length > 0) r.report(p, `Differs in: ${differs.join(', ')}.`);
        }
      }
    },
  },
);
