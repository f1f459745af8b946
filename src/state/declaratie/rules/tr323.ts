import type { ClientFacts, PrestatieFact } from '../../facts.js';
import { defineCrossRule } from '../../rule.js';
import { prestatieByReferentie, type JudgedPrestatie } from '../ledger.js';

/** What a credit must repeat of its debet (IV091: the credit copies the debet; OP366: in full). */
function differences(credit: PrestatieFact, bsn: string, debet: JudgedPrestatie): string[] {
  const out: string[] = [];
  if (debet.bsn !== bsn) out.push('client');
  if (debet.toewijzing_nummer !== credit.toewijzingNummer) out.push('ToewijzingNummer');
  if (debet.categorie !== credit.categorie || debet.code !== credit.code) out.push('product');
  if (debet.begindatum !== credit.begindatum || debet.einddatum !== credit.einddatum) out.push('ProductPeriode');
  if (debet.volume !== credit.volume || debet.eenheid !== credit.eenheid) out.push('GeleverdVolume/Eenheid');
  if (debet.bedrag !== credit.bedrag) out.push('Bedrag');
  return out;
}

/**
 * A credit undoes an earlier debet of the same aanbieder that a JW325 approved (IV085): its
 * VorigReferentieNummer names that debet and it repeats the debet's content (IV091). Our reading of
 * "gerelateerd op basis van sleutelvelden": the client, toewijzing, product and ProductPeriode must
 * match, and volume and amount too, since a prestatie is credited in full before it is corrected
 * (OP366). A debet still waiting for its answer, or rejected, cannot be credited.
 */
export const TR323 = defineCrossRule(
  {
    code: 'TR323',
    kind: 'TR',
    retourcode: '8017',
    nl: 'De creditprestatie verwijst niet naar een eerder goedgekeurde debetprestatie met dezelfde inhoud.',
    en: 'A credit prestatie must name, in VorigReferentieNummer, an earlier approved debet prestatie of this aanbieder and repeat its content.',
  },
  {
    JW323: (facts, r) => {
      const aanbieder = facts.header.afzender;
      const check = (p: PrestatieFact, client: ClientFacts) => {
        if (p.debetCredit !== 'C' || p.vorigReferentieNummer === null) return;
        const debet = prestatieByReferentie(r, aanbieder, p.vorigReferentieNummer);
        if (debet === undefined || debet.debet_credit !== 'D') r.report(p, 'No earlier debet prestatie has this VorigReferentieNummer.');
        else if (debet.goedgekeurd === 0) r.report(p, 'The debet was rejected; a rejected prestatie is never credited.');
        else if (debet.goedgekeurd === null) r.report(p, 'The debet has not been approved yet: its declaratie has no answer.');
        else {
          const differs = differences(p, client.bsn, debet);
          if (differs.length > 0) r.report(p, `The credit differs from its debet in: ${differs.join(', ')}.`);
        }
      };
      for (const client of facts.clienten) for (const p of client.prestaties) check(p, client);
    },
  },
);
