/**
 * What the codes in the tallies mean: the WJ001 retourcodes with their official labels, and the
 * rule codes with a short Dutch text. Rule texts come from lists, one per source.
 */
import { RetourCode } from '../standard/codelijsten/retourcode.js';
import { CROSS_RULES } from '../state/index.js';
import { MESSAGE_RULES } from '../validate/rules/index.js';
import { INPUT_CODES } from '../validate/report.js';
import { refusalRule } from './cells.js';

export interface RuleList {
  /** Where the codes come from, for the reader of the code. */
  readonly source: string;
  readonly rules: Readonly<Record<string, string>>;
}

export const IN_MESSAGE_RULES: RuleList = {
  source: 'in-message rules (src/validate/rules)',
  rules: Object.fromEntries(MESSAGE_RULES.map((r) => [r.meta.code, r.meta.nl])),
};

export const CROSS_MESSAGE_RULES: RuleList = {
  source: 'cross-message rules (src/state)',
  rules: Object.fromEntries(CROSS_RULES.map((r) => [r.meta.code, r.meta.nl])),
};

export const INPUT_RULES: RuleList = {
  source: 'schema and input checks (src/validate)',
  rules: { XSD: 'Het bericht voldoet niet aan het XSD-schema.', ...INPUT_CODES },
};

/** Checks the gateway makes on the header while routing and before any state is read (src/ingest/ingest.ts). */
export const HEADER_RULES: RuleList = {
  source: 'routing checks (src/ingest)',
  rules: {
    TR056: 'De Identificatie is door deze afzender eerder gebruikt voor een ander bericht van dit type.',
    TR135: 'De dagtekening van het bericht ligt na de systeemdatum van de ontvanger.',
    TR378: 'De ontvanger in de header is geen bestaande gemeentecode.',
  },
};

/** Sendings refused before they became a message; counted under their HTTP status. */
export const TRANSPORT_RULES: RuleList = {
  source: 'transport refusals (src/http/berichten.ts)',
  rules: {
    [refusalRule(401)]: 'Geweigerd: geen geldige API-sleutel of clientcertificaat.',
    [refusalRule(403)]: 'Geweigerd: de verzender mag geen berichten namens deze afzender sturen.',
    [refusalRule(413)]: 'Geweigerd: het bericht is groter dan toegestaan.',
    [refusalRule(415)]: 'Geweigerd: het bericht is niet als XML (application/xml of text/xml) verstuurd.',
  },
};

export const RULE_LISTS: readonly RuleList[] = [INPUT_RULES, IN_MESSAGE_RULES, CROSS_MESSAGE_RULES, HEADER_RULES, TRANSPORT_RULES];

export interface Codes {
  readonly retourcodes: Readonly<Record<string, string>>;
  readonly regels: Readonly<Record<string, string>>;
}

/** The first list that names a code wins: a later source cannot relabel a code. */
export function codes(lists: readonly RuleList[] = RULE_LISTS): Codes {
  const regels: Record<string, string> = {};
  for (const list of lists) for (const [code, text] of Object.entries(list.rules)) regels[code] ??= text;
  return { retourcodes: { ...RetourCode.codes }, regels };
}
