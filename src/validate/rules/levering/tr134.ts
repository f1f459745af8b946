/**
 * TR134: dates that record something that already happened must be real calendar dates and may
 * not lie after the message's own Dagtekening. The source names no elements; we apply it to the
 * dates that describe the past at the moment of sending (process.md §8 item 4):
 *
 * - JW301: birth dates of client and relations; Toewijzingsdatum (when the toewijzing was made).
 * - JW305: birth date; StartProduct Begindatum (care has begun, OP011).
 * - JW307: birth date; StopProduct Einddatum (care has ended; the stop's Begindatum is then
 *   covered by TR018).
 * - JW315: birth date.
 * - JW323: DeclaratieDagtekening.
 * - JW325: the Dagtekening of the declaration it answers (DeclaratieIdentificatie).
 *
 * Not checked: dates that may lie ahead by design (toewijzing Ingangsdatum/Einddatum, requested
 * ToewijzingIngangsdatum/-Einddatum, BeschikkingIngangsdatum, Contact Periode, the copied
 * ToewijzingIngangsdatum in a start/stop) and period ends in a claim, which are TR137's.
 */
import type { Located } from '../../../standard/located.js';
import type { CDT_Geboortedatum } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { isPlainDate } from '../support.js';

/** Reports `at`'s child `child` when `date` is not a plain date or lies after `dagtekening`. */
function notAfter(dagtekening: string, date: string, at: Located, child: string, r: Reporter): void {
  if (!isPlainDate(date)) r.report(at, child, `${child} is not a plain calendar date (yyyy-mm-dd).`);
  else if (date > dagtekening) r.report(at, child, `${child} lies after the Dagtekening.`);
}

function birth(dagtekening: string, g: CDT_Geboortedatum, r: Reporter): void {
  notAfter(dagtekening, g.Datum, g, 'Datum', r);
}

/** The checks run only when the header's Dagtekening is itself a plain date to compare with. */
function withDagtekening<M extends { readonly Header: { readonly BerichtIdentificatie: { readonly Dagtekening: string } } }>(
  check: (m: M, dagtekening: string, r: Reporter) => void,
): (m: M, r: Reporter) => void {
  return (m, r) => {
    const d = m.Header.BerichtIdentificatie.Dagtekening;
    if (isPlainDate(d)) check(m, d, r);
  };
}

export const TR134 = defineRule(
  {
    code: 'TR134',
    kind: 'TR',
    retourcode: '0001',
    nl: 'Een datum die in het verleden moet liggen, ligt na de dagtekening van het bericht of is geen bestaande datum.',
    en: 'A date that records the past must be an existing date not after the message Dagtekening.',
  },
  {
    JW301: withDagtekening((m, d, r) => {
      birth(d, m.Client.Geboortedatum, r);
      for (const relatie of m.Client.Relaties?.Relatie ?? []) if (relatie.Geboortedatum) birth(d, relatie.Geboortedatum, r);
      for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) notAfter(d, p.Toewijzingsdatum, p, 'Toewijzingsdatum', r);
    }),
    JW305: withDagtekening((m, d, r) => {
      birth(d, m.Client.Geboortedatum, r);
      for (const p of m.Client.StartProducten.StartProduct) notAfter(d, p.Begindatum, p, 'Begindatum', r);
    }),
    JW307: withDagtekening((m, d, r) => {
      birth(d, m.Client.Geboortedatum, r);
      for (const p of m.Client.StopProducten.StopProduct) notAfter(d, p.Einddatum, p, 'Einddatum', r);
    }),
    JW315: withDagtekening((m, d, r) => birth(d, m.Client.Geboortedatum, r)),
    JW323: withDagtekening((m, d, r) => notAfter(d, m.Declaratie.DeclaratieDagtekening, m.Declaratie, 'DeclaratieDagtekening', r)),
    JW325: withDagtekening((m, d, r) => notAfter(d, m.Header.DeclaratieIdentificatie.Dagtekening, m.Header.DeclaratieIdentificatie, 'Dagtekening', r)),
  },
);
