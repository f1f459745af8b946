/**
 * The validation report as XML, for callers that ask for `application/xml`. Element names follow
 * the Dutch of the Zorginstituut's validation reports; the content equals the JSON report.
 */
import { escapeText } from '../retour/serialize.js';
import type { ValidationResult } from './report.js';

function attr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

export function reportToXml(result: ValidationResult, extra: { id?: string | null; melding?: string } = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Validatierapport>',
    `  <Bericht${extra.id == null ? '' : ` id="${attr(extra.id)}"`} type="${result.type ?? ''}" identificatie="${attr(result.berichtIdentificatie?.identificatie ?? '')}"/>`,
    `  <GoedGevormd>${result.wellFormed}</GoedGevormd>`,
    `  <XsdGeldig>${result.xsdValid}</XsdGeldig>`,
    `  <Geldig>${result.valid}</Geldig>`,
  ];
  if (extra.melding !== undefined) lines.push(`  <Melding>${escapeText(extra.melding)}</Melding>`);
  lines.push('  <Fouten>');
  for (const f of result.fouten) {
    lines.push(
      '    <Fout>',
      `      <Code>${escapeText(f.code)}</Code>`,
      `      <Retourcode>${escapeText(f.retourcode)}</Retourcode>`,
      `      <Locatie>${escapeText(f.location)}</Locatie>`,
      `      <Regel>${f.line}</Regel>`,
      `      <Melding>${escapeText(f.message)}</Melding>`,
      `      <Detail>${escapeText(f.detail)}</Detail>`,
      '    </Fout>',
    );
  }
  lines.push('  </Fouten>', '</Validatierapport>', '');
  return lines.join('\n');
}
