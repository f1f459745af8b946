/**
 * The validation report, modelled on the Zorginstituut's: per message its type, identification,
 * verdict and every defect found. Defects are data, never exceptions.
 */
import type { MessageType } from '../standard/catalogue.js';

export interface Fout {
  /** 'XSD' for schema errors, a rule code such as 'TR002', or one of our input codes (see INPUT_CODES). */
  readonly code: string;
  /** The WJ001 retourcode that answers this defect; '0001' for technical rejection. */
  readonly retourcode: string;
  /** XPath of the offending node with the message's own prefixes, or '/' when the document has none. */
  readonly location: string;
  /** 1-based line in the message, 0 when unknown. */
  readonly line: number;
  /** Dutch text for the ketenpartner; never contains a BSN or other personal data. */
  readonly message: string;
  /** English detail for the engineer. */
  readonly detail: string;
}

export interface ValidationResult {
  readonly type: MessageType | null;
  readonly berichtIdentificatie: { readonly identificatie: string; readonly dagtekening: string } | null;
  readonly wellFormed: boolean;
  readonly xsdValid: boolean;
  readonly valid: boolean;
  readonly fouten: readonly Fout[];
}

/** Codes for input that never reaches the schema. Stable: never reuse or rename one. */
export const INPUT_CODES = {
  EMPTY: 'Het bericht is leeg.',
  SIZE: 'Het bericht is groter dan de toegestane omvang.',
  BOM: 'Het bericht begint met een byte order mark (BOM); dat is niet toegestaan.',
  ENCODING: 'Het bericht is niet in UTF-8 gecodeerd.',
  DOCTYPE: 'Het bericht bevat een DOCTYPE-declaratie; DTD\'s en entiteiten zijn niet toegestaan.',
  XINCLUDE: 'Het bericht bevat XInclude; het invoegen van externe inhoud is niet toegestaan.',
  XML: 'Het bericht is geen goed gevormde XML.',
  NAMESPACE: 'Het bericht is geen iJw-bericht: de namespace van het root-element is onbekend.',
  RELEASE: 'Het bericht hoort bij een andere iJw-release dan 3.2.',
  READ: 'Het bestand kon niet worden gelezen.',
} as const;

export type InputCode = keyof typeof INPUT_CODES;

export function inputFout(code: InputCode, detail: string, line = 0): Fout {
  return { code, retourcode: '0001', location: '/', line, message: INPUT_CODES[code], detail };
}

export function rejected(fout: Fout, wellFormed: boolean, type: MessageType | null = null): ValidationResult {
  return { type, berichtIdentificatie: null, wellFormed, xsdValid: false, valid: false, fouten: [fout] };
}
