import { defineRule } from '../rule.js';
import { forEachPrestatie } from './support.js';

/**
 * TR416: one JW323 holds at most one debet per ToewijzingNummer, ProductCategorie, ProductCode and
 * ProductPeriode (Begindatum and Einddatum). Credits do not count: a credit of an earlier debet and
 * its replacing debet may travel together (IV086). The key has no BSN: a ToewijzingNummer belongs to
 * one client, and the rule names none. Every debet after the first with the same key is reported.
 */
export const TR416 = defineRule(
  {
    code: 'TR416',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Er staan twee debetprestaties in het bericht voor dezelfde toewijzing, hetzelfde product en dezelfde productperiode.',
    en: 'No two debet prestaties may share ToewijzingNummer, ProductCategorie, ProductCode and ProductPeriode in one message.',
  },
  {
    JW323: (m, r) => {
      const seen = new Set<string>();
      forEachPrestatie(m, (p) => {
        if (p.IngediendBedrag.DebetCredit !== 'D') return;
        const periode = p.ProductPeriode;
        const key = `${p.ToewijzingNummer}\u0000${p.ProductCategorie}\u0000${p.ProductCode}\u0000${periode.Begindatum}\u0000${periode.Einddatum}`;
        if (!seen.has(key)) seen.add(key);
        else r.report(p.IngediendBedrag, 'DebetCredit', 'An earlier debet in this message has the same toewijzing, product and ProductPeriode.');
      });
    },
  },
);
