import type { JW323_Prestatie } from '../../../standard/types.generated.js';
import { defineRule } from '../rule.js';
import { forEachPrestatie } from './support.js';

/** Beyond this many distinct debets per ToewijzingNummer the group becomes a set of keys, so the rule stays O(n). */
const LINEAR = 16;

function sameKey(a: JW323_Prestatie, b: JW323_Prestatie): boolean {
  return (
    a.ProductCode === b.ProductCode &&
    a.ProductCategorie === b.ProductCategorie &&
    a.ProductPeriode.Begindatum === b.ProductPeriode.Begindatum &&
    a.ProductPeriode.Einddatum === b.ProductPeriode.Einddatum
  );
}

function inGroup(group: readonly JW323_Prestatie[], p: JW323_Prestatie): boolean {
  for (const q of group) if (sameKey(p, q)) return true;
  return false;
}

/** The key without its ToewijzingNummer, which groups already share. */
function restKey(p: JW323_Prestatie): string {
  return `${p.ProductCategorie}\u0000${p.ProductCode}\u0000${p.ProductPeriode.Begindatum}\u0000${p.ProductPeriode.Einddatum}`;
}

/**
 * TR416: one JW323 holds at most one debet per ToewijzingNummer, ProductCategorie, ProductCode and
 * ProductPeriode (Begindatum and Einddatum). Credits do not count: a credit of an earlier debet and
 * its replacing debet may travel together (IV086). The key has no BSN: a ToewijzingNummer belongs to
 * one client, and the rule names none. Every debet after the first with the same key is reported.
 *
 * Debets are grouped by ToewijzingNummer and compared field by field: a toewijzing has a handful
 * of prestaties per claim, and building a key string for each of 37,000 prestaties cost more than
 * the rest of the rule.
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
      const groups = new Map<string, JW323_Prestatie[] | Set<string>>();
      forEachPrestatie(m, (p) => {
        if (p.IngediendBedrag.DebetCredit !== 'D') return;
        const group = groups.get(p.ToewijzingNummer);
        let repeated: boolean;
        if (group === undefined) {
          groups.set(p.ToewijzingNummer, [p]);
          repeated = false;
        } else if (Array.isArray(group)) {
          repeated = inGroup(group, p);
          if (!repeated) {
            if (group.length < LINEAR) group.push(p);
            else groups.set(p.ToewijzingNummer, new Set([...group, p].map(restKey)));
          }
        } else {
          const key = restKey(p);
          repeated = group.has(key);
          if (!repeated) group.add(key);
        }
        if (repeated) r.report(p.IngediendBedrag, 'DebetCredit', 'An earlier debet in this message has the same toewijzing, product and ProductPeriode.');
      });
    },
  },
);
