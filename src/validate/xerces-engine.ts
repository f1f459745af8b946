/**
 * The reference engine: Apache Xerces (the JDK's validator) through xsd-schema-validator. It starts
 * a JVM per message (a few per second), so it is for users who want a second opinion, and for our
 * conformance tests, never the default. Preflight, well-formedness and type detection are shared
 * with the default engine; only the schema verdict comes from Xerces.
 */
import { createRequire } from 'node:module';
import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import { ParseOption, XmlDocument as Doc, XmlLibError } from 'libxml2-wasm';
import { applyRules, detectType, stripBom, type Checked } from './libxml2-engine.js';
import { preflight } from './preflight.js';
import type { RuleOptions } from './rules/rule.js';
import { inputFout, rejected, type Fout, type ValidationResult } from './report.js';
import type { SchemaSet } from './schema-set.js';
import { translateXsdError } from './xsd-messages.js';

interface XercesModule {
  validateXML(xml: Buffer, xsdPath: string): Promise<{ valid: boolean; messages: string[] }>;
}

export class XercesUnavailableError extends Error {
  readonly code = 'IJW_ERR_XERCES_UNAVAILABLE';
}

let xerces: XercesModule | undefined;

function loadXerces(): XercesModule {
  if (xerces === undefined) {
    try {
      xerces = createRequire(import.meta.url)('xsd-schema-validator') as XercesModule;
    } catch (cause) {
      throw new XercesUnavailableError('the xerces engine needs the optional package xsd-schema-validator and a JDK', {
        cause,
      });
    }
  }
  return xerces;
}

export interface XercesOptions {
  readonly schemas: SchemaSet;
  readonly maxBytes: number;
  readonly rules?: RuleOptions;
}

const LINE_COL = /\s*\((\d+):(\d+)\)$/;

/** Xerces reports line and column only; we name the element that opens closest before that line. */
function elementPathAtLine(doc: XmlDocument, line: number): string {
  let best = '/';
  const walk = (el: XmlElement, path: string) => {
    if (el.line > line) return;
    best = path;
    const counts = new Map<string, number>();
    const children: XmlElement[] = [];
    for (let n = el.firstChild; n !== null; n = n.next) if ('namespaceUri' in n) children.push(n as XmlElement);
    for (const c of children) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of children) {
      const i = (seen.get(c.name) ?? 0) + 1;
      seen.set(c.name, i);
      const step = c.prefix === '' ? c.name : `${c.prefix}:${c.name}`;
      walk(c, `${path}/${step}${(counts.get(c.name) ?? 0) > 1 ? `[${i}]` : ''}`);
    }
  };
  const root = doc.root;
  walk(root, `/${root.prefix === '' ? root.name : `${root.prefix}:${root.name}`}`);
  return best;
}

function toFout(raw: string, doc: XmlDocument): Fout {
  const m = LINE_COL.exec(raw);
  const line = m ? Number(m[1]) : 0;
  const text = raw.replace(/^\[(error|warning|fatal)\]\s*/, '').replace(LINE_COL, '');
  const location = elementPathAtLine(doc, line);
  // Xerces does not name the element in every message; prefix the one we located for the translation.
  const local = location.slice(location.lastIndexOf('/') + 1).replace(/^[^:]*:/, '').replace(/\[\d+\]$/, '');
  const { message, detail } = translateXsdError(`Element '${local}': ${text}`);
  return { code: 'XSD', retourcode: '0001', location, line, message, detail };
}

export async function validateWithXerces(input: Uint8Array, options: XercesOptions): Promise<ValidationResult> {
  return (await checkWithXerces(input, options)).result;
}

/** Schema verdict from Xerces, then the same in-message rules as the default engine. */
export async function checkWithXerces(input: Uint8Array, options: XercesOptions): Promise<Checked> {
  const refusal = preflight(input, options);
  if (refusal !== null) return { result: rejected(refusal, false), checked: null };
  const fouten: Fout[] = [];
  const bytes = stripBom(input, fouten);
  return applyRules(await xercesXsd(bytes, fouten, options), bytes, options.rules);
}

async function xercesXsd(bytes: Uint8Array, fouten: Fout[], options: XercesOptions): Promise<ValidationResult> {
  let doc: XmlDocument;
  try {
    doc = Doc.fromBuffer(bytes, { option: ParseOption.XML_PARSE_BIG_LINES });
  } catch (err) {
    if (err instanceof XmlLibError) {
      return rejected(inputFout('XML', (err.details[0]?.message ?? err.message).trim(), err.details[0]?.line ?? 0), false);
    }
    throw err;
  }
  try {
    const detected = detectType(doc.root);
    if ('fout' in detected) {
      return { type: null, berichtIdentificatie: null, wellFormed: true, xsdValid: false, valid: false, fouten: [...fouten, detected.fout] };
    }
    const engine = loadXerces();
    let messages: string[] = [];
    try {
      await engine.validateXML(Buffer.from(bytes), options.schemas.schemaPath(detected.type));
    } catch (err) {
      const e = err as { valid?: boolean; messages?: string[] };
      if (e.valid !== false) throw err;
      messages = (e.messages ?? []).flatMap((m) => m.split(/(?=\[(?:error|warning|fatal)\])/));
    }
    const xsd = messages.map((m) => toFout(m, doc));
    const all = [...fouten, ...xsd];
    return {
      type: detected.type,
      berichtIdentificatie: null,
      wellFormed: true,
      xsdValid: xsd.length === 0,
      valid: all.length === 0,
      fouten: all,
    };
  } finally {
    doc.dispose();
  }
}
