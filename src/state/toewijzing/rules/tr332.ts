import { defineCrossRule } from '../../rule.js';
import { currentToewijzing } from '../current.js';

/**
 * A ToewijzingNummer names one toewijzing of one gemeente for good: a later JW301 may change it
 * (end date, budget, total volume) but not give the number to another client, aanbieder or product.
 */
export const TR332 = defineCrossRule(
  {
    code: 'TR332',
    kind: 'TR',
    retourcode: '9332',
    nl: 'Dit ToewijzingNummer is door de gemeente al gebruikt voor een andere toewijzing (andere cliënt, aanbieder of product).',
    en: 'ToewijzingNummer must be unique per gemeente: it was used before for a toewijzing of another client, aanbieder or product.',
  },
  {
    JW301: (facts, r) => {
      for (const t of facts.toewijzingen) {
        const earlier = currentToewijzing(r, facts.header.afzender, t.nummer);
        if (earlier === undefined) continue;
        const differs: string[] = [];
        if (earlier.bsn !== facts.client.bsn) differs.push('client');
        if (earlier.aanbieder !== facts.header.ontvanger) differs.push('aanbieder');
        if (earlier.categorie !== (t.product?.categorie ?? null) || earlier.code !== (t.product?.code ?? null)) differs.push('product');
        if (differs.length > 0) r.report(t, `The earlier toewijzing with this number differs in: ${differs.join(', ')}.`);
      }
    },
  },
);
