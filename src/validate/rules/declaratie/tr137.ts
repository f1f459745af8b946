import type { CDT_GeslotenPeriode } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { dateBefore } from '../support.js';
import { forEachPrestatie, forEachPrestatie325 } from './support.js';

function check(periode: CDT_GeslotenPeriode, dagtekening: string, r: Reporter): void {
  const { Begindatum: begin, Einddatum: end } = periode;
  if (dateBefore(end, begin)) r.report(periode, 'Einddatum', `The period ends (${end}) before it begins (${begin}).`);
  else if (dateBefore(dagtekening, end)) {
    r.report(periode, 'Einddatum', `The period ends (${end}) after the Dagtekening (${dagtekening}).`);
  }
}

/**
 * TR137: the Einddatum of a period is on or after its Begindatum and not after the message's
 * Dagtekening (header BerichtIdentificatie). The source does not name the periods; in a claim they
 * are the closed periods: JW323 DeclaratiePeriode and ProductPeriode, and the ProductPeriode each
 * returned JW325 Prestatie copies (the answer is dated after the claim, so a copied period that
 * ends after the answer's Dagtekening is wrong too). Claiming care only after its period ended
 * (OP354) is this rule's check on the ProductPeriode.
 */
export const TR137 = defineRule(
  {
    code: 'TR137',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Een periode eindigt vóór haar begindatum of na de dagtekening van het bericht.',
    en: 'A period Einddatum must be on or after its Begindatum and not after the message Dagtekening.',
  },
  {
    JW323: (m, r) => {
      const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
      check(m.Declaratie.DeclaratiePeriode, dagtekening, r);
      forEachPrestatie(m, (p) => check(p.ProductPeriode, dagtekening, r));
    },
    JW325: (m, r) => {
      const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
      forEachPrestatie325(m, (p) => check(p.ProductPeriode, dagtekening, r));
    },
  },
);
