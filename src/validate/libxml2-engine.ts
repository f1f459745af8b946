/**
 * The default engine: libxml2 compiled to WebAssembly, in process, one compiled schema per type.
 * Documents are parsed with libxml2's default options only: no entity substitution, no DTD
 * loading, no network, no XInclude. Preflight has already refused DTDs and XInclude outright.
 */
import { XmlDocument, XmlLibError, XmlParseError, XmlValidateError, type XmlElement } from 'libxml2-wasm';
import { IJW_NAMESPACE_PATTERN, RELEASE, messageByNamespace, type MessageType } from '../standard/catalogue.js';
import { hasUtf8Bom, preflight } from './preflight.js';
import { inputFout, rejected, type Fout, type ValidationResult } from './report.js';
import type { SchemaSet } from './schema-set.js';
import { shortenNames, translateXsdError } from './xsd-messages.js';

export interface Libxml2Options {
  readonly schemas: SchemaSet;
  readonly maxBytes: number;
}

/** A validated document, kept open for the rules that follow; the caller must dispose it. */
export interface ParsedMessage {
  readonly result: ValidationResult;
  readonly doc: XmlDocument | null;
}

type Detection = { type: MessageType } | { fout: Fout };

export function detectType(root: XmlElement): Detection {
  const ns = root.namespaceUri;
  const spec = messageByNamespace(ns);
  if (spec !== undefined && root.name === 'Bericht') return { type: spec.type };
  const m = IJW_NAMESPACE_PATTERN.exec(ns);
  if (m !== null && `${m[1]}.${m[2]}` !== RELEASE) {
    return { fout: inputFout('RELEASE', `Root namespace ${ns} is iJw release ${m[1]}.${m[2]}; only ${RELEASE} is supported.`, root.line) };
  }
  const what = ns === '' ? `<${root.name}> without a namespace` : `{${ns}}${root.name}`;
  return { fout: inputFout('NAMESPACE', `Root element ${what} is not the Bericht element of an iJw ${RELEASE} message.`, root.line) };
}

function childElement(parent: XmlElement | null, localName: string): XmlElement | null {
  for (let n = parent?.firstChild ?? null; n !== null; n = n.next) {
    if ((n as XmlElement).name === localName && 'namespaceUri' in n) return n as XmlElement;
  }
  return null;
}

function berichtIdentificatie(root: XmlElement): ValidationResult['berichtIdentificatie'] {
  const bi = childElement(childElement(root, 'Header'), 'BerichtIdentificatie');
  const id = childElement(bi, 'Identificatie');
  const dag = childElement(bi, 'Dagtekening');
  return id === null || dag === null ? null : { identificatie: id.content, dagtekening: dag.content };
}

function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.next) if ('namespaceUri' in n) out.push(n as XmlElement);
  return out;
}

function qualified(el: XmlElement): string {
  return el.prefix === '' ? el.name : `${el.prefix}:${el.name}`;
}

/**
 * libxml2 writes steps of default-namespace elements as `*[n]`; we write the names as the message
 * does, so that a reader can follow the path in the document.
 */
export function readablePath(root: XmlElement, xpath: string): string {
  if (!xpath.includes('*')) return xpath;
  const steps = xpath.split('/').slice(1);
  if (steps.length === 0) return xpath;
  let el = root;
  let out = `/${qualified(root)}`;
  for (const step of steps.slice(1)) {
    const m = /^(?:\*|[^[]+)(?:\[(\d+)\])?$/.exec(step);
    const children = elementChildren(el);
    const index = Number(m?.[1] ?? '1');
    const named = step.startsWith('*') ? children : children.filter((c) => qualified(c) === step.replace(/\[\d+\]$/, ''));
    const next = named[index - 1];
    if (next === undefined) return xpath;
    const sameName = children.filter((c) => qualified(c) === qualified(next));
    out += `/${qualified(next)}${sameName.length > 1 ? `[${sameName.indexOf(next) + 1}]` : ''}`;
    el = next;
  }
  return out;
}

function xsdFouten(err: XmlValidateError, root: XmlElement): Fout[] {
  return err.details.map((d) => {
    const { message, detail } = translateXsdError(d.message);
    const location = d.xpath === undefined ? '/' : readablePath(root, d.xpath);
    return { code: 'XSD', retourcode: '0001', location, line: d.line, message, detail };
  });
}

function parseError(err: XmlLibError): Fout {
  const first = err.details[0];
  const detail = shortenNames((first?.message ?? err.message).trim());
  return inputFout('XML', detail, first?.line ?? 0);
}

/** Parses and schema-validates one message; the document stays open when it is schema-valid. */
export function parseAndValidate(input: Uint8Array, options: Libxml2Options): ParsedMessage {
  const refusal = preflight(input, options);
  if (refusal !== null) return { result: rejected(refusal, false), doc: null };
  const fouten: Fout[] = [];
  let bytes = input;
  if (hasUtf8Bom(input)) {
    fouten.push(inputFout('BOM', 'The input starts with the UTF-8 byte order mark EF BB BF.', 1));
    bytes = input.subarray(3);
  }
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(bytes);
  } catch (err) {
    if (err instanceof XmlParseError || err instanceof XmlLibError) return { result: rejected(parseError(err), false), doc: null };
    throw err;
  }
  try {
    const root = doc.root;
    const detected = detectType(root);
    if ('fout' in detected) {
      fouten.push(detected.fout);
      doc.dispose();
      return { result: { type: null, berichtIdentificatie: null, wellFormed: true, xsdValid: false, valid: false, fouten }, doc: null };
    }
    let xsdValid = true;
    try {
      options.schemas.validator(detected.type).validate(doc);
    } catch (err) {
      if (!(err instanceof XmlValidateError)) throw err;
      xsdValid = false;
      fouten.push(...xsdFouten(err, root));
    }
    const result: ValidationResult = {
      type: detected.type,
      berichtIdentificatie: berichtIdentificatie(root),
      wellFormed: true,
      xsdValid,
      valid: xsdValid && fouten.length === 0,
      fouten,
    };
    if (!xsdValid) {
      doc.dispose();
      return { result, doc: null };
    }
    return { result, doc };
  } catch (err) {
    doc.dispose();
    throw err;
  }
}

export function validateWithLibxml2(input: Uint8Array, options: Libxml2Options): ValidationResult {
  const { result, doc } = parseAndValidate(input, options);
  doc?.dispose();
  return result;
}
