import type { Jw323Facts } from '../../facts.js';
import { defineCrossRule } from '../../rule.js';
import { liveCreditOf, liveDebets } from '../ledger.js';

/** ReferentieNummers the credits of a claim undo: credits are processed before debets (OP366). */
function creditedHere(facts: Jw323Facts): ReadonlySet<string> {
  const out = new Set<string>();
  for (const client of facts.clienten) {
    for (const p of client.prestaties) if (p.debetCredit === 'C' && p.vorigReferentieNummer !== null) out.add(p.vorigReferentieNummer);
  }
  return out;
}

/**
 * One debet per toewijzing, product and ProductPeriode (within one message: TR416): a new debet
 * for the same key only after the earlier one was credited, earlier or in this same claim (IV091:
 * credit first, then the corrected debet). Rejected debets do not count; they were never taken.
 */
export const TR389 = defineCrossRule(
  {
    code: 'TR389',
    kind: 'TR',
    retourcode: '9389',
    nl: 'Voor deze toewijzing, dit product en deze productperiode is al een debetprestatie ingediend die niet is gecrediteerd.',
    en: 'A debet for the same toewijzing, product and ProductPeriode was declared before and has not been credited.',
  },
  {
    JW323: (facts, r) => {
      const { afzender: aanbieder, ontvanger: gemeente } = facts.header;
      let credited: ReadonlySet<string> | undefined;
      for (const client of facts.clienten) {
        for (const p of client.prestaties) {
          if (p.debetCredit !== 'D') continue;
          const earlier = liveDebets(r, {
            aanbieder,
            gemeente,
            toewijzingNummer: p.toewijzingNummer,
            categorie: p.categorie,
            code: p.code,
            begindatum: p.begindatum,
            einddatum: p.einddatum,
          });
          if (earlier.length === 0) continue;
          credited ??= r.shared(creditedHere, facts);
          const open = earlier.find((d) => !credited!.has(d.referentie_nummer) && liveCreditOf(r, aanbieder, d.referentie_nummer) === undefined);
          if (open !== undefined) r.report(p, 'Credit the earlier debet first (VorigReferentieNummer), then declare the corrected one.');
        }
      }
    },
  },
);
