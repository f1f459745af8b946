import { defineCrossRule } from '../../../rule.js';
import { debetLines, claimOf } from '../lines.js';

/**
 * TR307: the product period starts on or after the toewijzing's Ingangsdatum (current version).
 * Checked on debet prestaties only, here and in the other period, volume and tariff rules: a
 * credit repeats a debet that was checked when it was declared (TR323 makes it name one), and a
 * toewijzing shortened since must not stop the aanbieder from crediting what fell outside it.
 */
export const TR307 = defineCrossRule(
  {
    code: 'TR307',
    kind: 'TR',
    retourcode: '9307',
    nl: 'De productperiode begint voor de ingangsdatum van de toewijzing.',
    en: 'ProductPeriode Begindatum must be on or after the Ingangsdatum of the toewijzing.',
  },
  {
    JW323: (facts, r) => {
      for (const { prestatie, toewijzing } of debetLines(r.shared(claimOf, facts))) {
        if (prestatie.begindatum < toewijzing.ingangsdatum) r.report(prestatie, `Begins ${prestatie.begindatum}, the toewijzing on ${toewijzing.ingangsdatum}.`);
      }
    },
  },
);
