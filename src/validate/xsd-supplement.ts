/**
 * What libxml2's schema validator gets wrong, checked after it so that both engines agree.
 *
 * libxml2 ignores a '-' written last in a negated character class: LDT_Tijd's pattern `[^Z+-]+`
 * then lets a time with a negative UTC offset ('12:34:56-01:00') through, which Xerces and the XSD
 * specification refuse. Found by our differential tests against Xerces.
 */
import type { XmlElement } from 'libxml2-wasm';
import { LDT } from '../standard/basisschema.js';
import { MESSAGES, MESSAGE_TYPES, type MessageType } from '../standard/catalogue.js';
import type { ComplexType } from '../standard/model.js';
import type { Fout } from './report.js';
import { translateXsdError } from './xsd-messages.js';

/** Paths of local names from the root to each element of type LDT_Tijd, per message type. */
function tijdPaths(type: ComplexType, prefix: string[] = [], out: string[][] = []): string[][] {
  for (const e of type.children) {
    if (e.type === LDT.Tijd) out.push([...prefix, e.name]);
    else if (e.type.kind === 'complex') tijdPaths(e.type, [...prefix, e.name], out);
  }
  return out;
}

const PATHS = new Map<MessageType, string[][]>(MESSAGE_TYPES.map((t) => [t, tijdPaths(MESSAGES[t].root)]));
const NEEDLES = new Map<MessageType, Buffer[]>(
  MESSAGE_TYPES.map((t) => [t, [...new Set((PATHS.get(t) ?? []).map((p) => p[p.length - 1]!))].map((n) => Buffer.from(`${n}>`))]),
);

/** Cheap byte scan: does any LDT_Tijd value of this message contain a '-'? */
function suspect(type: MessageType, bytes: Buffer): boolean {
  for (const needle of NEEDLES.get(type) ?? []) {
    for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + needle.length)) {
      const end = bytes.indexOf(0x3c /* < */, i);
      const dash = bytes.indexOf(0x2d /* - */, i + needle.length);
      // A start tag 'Name>' is followed by the value; an end tag '</Name>' by markup.
      if (bytes[i - 1] !== 0x2f && dash >= 0 && dash < end) return true;
    }
  }
  return false;
}

function qualified(el: XmlElement): string {
  return el.prefix === '' ? el.name : `${el.prefix}:${el.name}`;
}

function children(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.next) if ('namespaceUri' in n && (n as XmlElement).name === name) out.push(n as XmlElement);
  return out;
}

export function supplementXsd(type: MessageType, bytes: Uint8Array, root: XmlElement): Fout[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!suspect(type, buf)) return [];
  const fouten: Fout[] = [];
  for (const path of PATHS.get(type) ?? []) {
    let level: { el: XmlElement; xpath: string }[] = [{ el: root, xpath: `/${qualified(root)}` }];
    for (const name of path) {
      level = level.flatMap(({ el, xpath }) => {
        const found = children(el, name);
        return found.map((c, i) => ({ el: c, xpath: `${xpath}/${qualified(c)}${found.length > 1 ? `[${i + 1}]` : ''}` }));
      });
    }
    for (const { el, xpath } of level) {
      const value = el.content.trim();
      if (value.includes('-')) {
        const raw = `Element '${qualified(el)}': [facet 'pattern'] The value '${value}' is not accepted by the pattern '[^Z+-]+'.`;
        const { message, detail } = translateXsdError(raw);
        fouten.push({ code: 'XSD', retourcode: '0001', location: xpath, line: el.line, message, detail });
      }
    }
  }
  return fouten;
}
