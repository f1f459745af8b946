/**
 * The declaratie-antwoord for a JW323 rejected as a whole before its content is judged (process.md
 * §2.4): header only, RetourCode 0001 after in-message rules (the claim counts as not sent), or a
 * header-level code such as 9056. Per-prestatie answers come from the billing checks.
 */
import { XSD_VERSIONS } from '../standard/catalogue.js';
import type { CheckedMessage } from '../validate/rules/run.js';
import { XSLT_VERSIE } from './build.js';
import { MessageWriter } from './serialize.js';

export interface Jw325Options {
  /** The JW325's own BerichtIdentificatie. */
  readonly identificatie: string;
  readonly dagtekening: string;
  readonly retourcodes: readonly string[];
}

export function buildJw325HeaderOnly(jw323: CheckedMessage<'JW323'>, options: Jw325Options): string {
  const h = jw323.message.Header;
  const technical = options.retourcodes.includes('0001');
  const header = {
    BerichtCode: '491',
    BerichtVersie: h.BerichtVersie,
    BerichtSubversie: h.BerichtSubversie,
    // The answer goes back: the gemeente that received the claim sends it to the aanbieder.
    Afzender: h.Ontvanger,
    Ontvanger: h.Afzender,
    BerichtIdentificatie: { Identificatie: options.identificatie, Dagtekening: options.dagtekening },
    XsdVersie: { BasisschemaXsdVersie: XSD_VERSIONS.BasisschemaXsdVersie, BerichtXsdVersie: XSD_VERSIONS.BerichtXsdVersie },
    DeclaratieIdentificatie: { Identificatie: h.BerichtIdentificatie.Identificatie, Dagtekening: h.BerichtIdentificatie.Dagtekening },
    ...(technical ? { XsltVersie: XSLT_VERSIE } : {}),
    XsdVersieDeclaratie: { BasisschemaXsdVersie: h.XsdVersie.BasisschemaXsdVersie, BerichtXsdVersie: h.XsdVersie.BerichtXsdVersie },
    RetourCodes: { RetourCode: [...options.retourcodes] },
  };
  return new MessageWriter('JW325').document({ Header: header });
}
