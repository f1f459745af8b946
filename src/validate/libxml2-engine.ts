/**
 * The default engine: libxml2 compiled to WebAssembly, in process, one compiled schema per type.
 * Documents are parsed with libxml2's default options only: no entity substitution, no DTD
 * loading, no network, no XInclude. Preflight has already refused DTDs and XInclude outright.
 */
import { ParseOption, XmlDocument, XmlLibError, XmlParseError, XmlValidateError, type XmlElement } from 'libxml2-wasm';
import { IJW_NAMESPACE_PATTERN, RELEASE, messageByNamespace, type MessageType } from '../standard/catalogue.js';
import { hasUtf8Bom, preflight } from './preflight.js';
import { inputFout, rejected, type Fout, type ValidationResult } from './report.js';
import { checkMessage, type CheckedMessage } from './rules/run.js';
import type { RuleOptions } from './rules/rule.js';
import type { SchemaSet } from './schema-set.js';
import { shortenNames, translateXsdError } from './xsd-messages.js';
import { supplementXsd } from './xsd-supplement.js';

export interface Libxml2Options {
  readonly schemas: SchemaSet;
  readonly maxBytes: number;
}

export interface ValidateOptions extends Libxml2Options {
  readonly rules?: RuleOptions;
}

/** The report, and for a schema-valid message its typed form and rule violations. */
export interface Checked {
  readonly result: ValidationResult;
  readonly checked: CheckedMessage | null;
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

/** A violation as the report shows it: the link to the typed object stays behind. */
export function toFout(v: Fout): Fout {
  return { code: v.code, retourcode: v.retourcode, location: v.location, line: v.line, message: v.message, detail: v.detail };
}

/**
 * After the schema: the in-message rules, on the text (without BOM) that libxml2 accepted. Shared by
 * both engines, so the rules never depend on which engine judged the schema.
 */
export function applyRules(
  result: ValidationResult,
  bytes: Uint8Array,
  rules: RuleOptions | undefined,
): Checked {
  if (!result.xsdValid || result.type === null) return { result, checked: null };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const checked = checkMessage(result.type, text, rules);
  const fouten = [...result.fouten, ...checked.violations.map(toFout)];
  return { result: { ...result, valid: fouten.length === 0, fouten }, checked };
}

/** Strips a UTF-8 BOM, reporting it: the standard forbids it, but the rest can still be checked. */
export function stripBom(input: Uint8Array, fouten: Fout[]): Uint8Array {
  if (!hasUtf8Bom(input)) return input;
  fouten.push(inputFout('BOM', 'The input starts with the UTF-8 byte order mark EF BB BF.', 1));
  return input.subarray(3);
}

/** Schema validation only: preflight, parse, detect the type, validate against its XSD. */
export function validateXsd(input: Uint8Array, options: Libxml2Options): { result: ValidationResult; bytes: Uint8Array } {
  const refusal = preflight(input, options);
  if (refusal !== null) return { result: rejected(refusal, false), bytes: input };
  const fouten: Fout[] = [];
  const bytes = stripBom(input, fouten);
  let doc: XmlDocument;
  try {
    // BIG_LINES: without it libxml2 reports every line past 65,535 as 65,535. It changes nothing
    // else; entities, DTDs and the network stay off.
    doc = XmlDocument.fromBuffer(bytes, { option: ParseOption.XML_PARSE_BIG_LINES });
  } catch (err) {
    if (err instanceof XmlParseError || err instanceof XmlLibError) return { result: rejected(parseError(err), false), bytes };
    throw err;
  }
  try {
    const root = doc.root;
    const detected = detectType(root);
    if ('fout' in detected) {
      fouten.push(detected.fout);
      return { result: { type: null, berichtIdentificatie: null, wellFormed: true, xsdValid: false, valid: false, fouten }, bytes };
    }
    let xsdValid = true;
    try {
      options.schemas.validator(detected.type).validate(doc);
      const missed = supplementXsd(detected.type, bytes, root);
      if (missed.length > 0) {
        xsdValid = false;
        fouten.push(...missed);
      }
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
    return { result, bytes };
  } finally {
    doc.dispose();
  }
}

/** The whole check with libxml2: schema first, then (only on a schema-valid message) every rule. */
export function checkWithLibxml2(input: Uint8Array, options: ValidateOptions): Checked {
  const { result, bytes } = validateXsd(input, options);
  return applyRules(result, bytes, options.rules);
}

export function validateWithLibxml2(input: Uint8Array, options: ValidateOptions): ValidationResult {
  return checkWithLibxml2(input, options).result;
}
