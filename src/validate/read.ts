/**
 * Reads a schema-valid message into the typed interfaces generated from the model, in one pass
 * over the text. Building the typed view from libxml2's tree would cost a WebAssembly call per
 * node; reading the text again in JavaScript is several times cheaper, and safe: by now the input
 * is known to be well-formed, DTD-free and valid against the schema, so only the names and the
 * order the model describes can occur.
 */
import { MESSAGES, type MessageType } from '../standard/catalogue.js';
import { NODE, type ElementRef, type Located } from '../standard/located.js';
import { builtinOf, type ComplexType, type ElementDecl } from '../standard/model.js';
import type { Berichten } from '../standard/types.generated.js';

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : (PREDEFINED[e] ?? ''),
  );
}

interface TypeInfo {
  readonly decls: Map<string, ElementDecl>;
  /** XSD collapses white space in dates, times and numbers; strings keep theirs. */
  readonly collapse: Set<string>;
}

const infoCache = new WeakMap<ComplexType, TypeInfo>();

function info(type: ComplexType): TypeInfo {
  let i = infoCache.get(type);
  if (i === undefined) {
    const collapse = new Set<string>();
    for (const e of type.children) if (e.type.kind === 'simple' && builtinOf(e.type) !== 'string') collapse.add(e.name);
    i = { decls: new Map(type.children.map((e) => [e.name, e])), collapse };
    infoCache.set(type, i);
  }
  return i;
}

interface Frame {
  readonly info: TypeInfo;
  readonly obj: Record<string | symbol, unknown>;
  readonly ref: ElementRef;
}

/** End of a tag with attributes: the '>' that is not inside a quoted value. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** Leaf content up to its end tag; comments and CDATA inside a leaf take the slow path. */
function leafText(text: string, from: number): { value: string; next: number } {
  let value = '';
  let i = from;
  for (;;) {
    const lt = text.indexOf('<', i);
    value += decode(text.slice(i, lt));
    const c = text.charCodeAt(lt + 1);
    if (c === 0x2f) return { value, next: text.indexOf('>', lt) + 1 };
    if (text.startsWith('<!--', lt)) i = text.indexOf('-->', lt) + 3;
    else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      value += text.slice(lt + 9, end);
      i = end + 3;
    } else i = text.indexOf('?>', lt) + 2; // a processing instruction
  }
}

function attach(obj: Record<string | symbol, unknown>, decl: ElementDecl, value: unknown): unknown[] | null {
  if (decl.max === 1) {
    obj[decl.name] = value;
    return null;
  }
  let list = obj[decl.name] as unknown[] | undefined;
  if (list === undefined) {
    list = [];
    obj[decl.name] = list;
  }
  list.push(value);
  return list;
}

export function readMessage<T extends MessageType>(type: T, text: string): Berichten[T] {
  const stack: Frame[] = [];
  let root: Record<string | symbol, unknown> | undefined;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      i = text.indexOf('?>', lt + 2) + 2;
      continue;
    }
    if (c === 0x21 /* ! comment; CDATA only occurs inside leaves */) {
      i = text.indexOf('-->', lt + 4) + 3;
      continue;
    }
    if (c === 0x2f /* / */) {
      stack.pop();
      i = text.indexOf('>', lt) + 1;
      continue;
    }
    let end = lt + 1;
    while (!isNameEnd(text.charCodeAt(end))) end++;
    const stop = text.charCodeAt(end);
    const gt = stop === 0x3e ? end : stop === 0x2f ? end + 1 : tagEnd(text, end);
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    const colon = text.indexOf(':', lt);
    const hasPrefix = colon > 0 && colon < end;
    const name = hasPrefix ? text.slice(colon + 1, end) : text.slice(lt + 1, end);
    const prefix = hasPrefix ? text.slice(lt + 1, colon) : '';
    const top = stack[stack.length - 1];
    if (top === undefined) {
      const ref: ElementRef = { name, prefix, parent: null, offset: lt, siblings: null, childPrefix: undefined };
      root = { [NODE]: ref };
      stack.push({ info: info(MESSAGES[type].root), obj: root, ref });
      i = gt + 1;
      continue;
    }
    top.ref.childPrefix ??= prefix;
    const decl = top.info.decls.get(name);
    if (decl === undefined) throw new Error(`read: the model has no element ${name} here (${top.ref.name})`);
    if (decl.type.kind === 'complex') {
      const ref: ElementRef = { name, prefix, parent: top.ref, offset: lt, siblings: null, childPrefix: undefined };
      const obj: Record<string | symbol, unknown> = { [NODE]: ref };
      ref.siblings = attach(top.obj, decl, obj);
      if (!selfClosing) stack.push({ info: info(decl.type), obj, ref });
      i = gt + 1;
    } else if (selfClosing) {
      attach(top.obj, decl, '');
      i = gt + 1;
    } else {
      const next = text.indexOf('<', gt + 1);
      let value: string;
      if (text.charCodeAt(next + 1) === 0x2f) {
        value = decode(text.slice(gt + 1, next));
        i = text.indexOf('>', next) + 1;
      } else {
        const leaf = leafText(text, gt + 1);
        value = leaf.value;
        i = leaf.next;
      }
      attach(top.obj, decl, top.info.collapse.has(name) ? value.trim() : value);
    }
  }
  if (root === undefined) throw new Error('read: no root element');
  return root as unknown as Berichten[T];
}

function step(ref: ElementRef): string {
  const name = ref.prefix === '' ? ref.name : `${ref.prefix}:${ref.name}`;
  if (ref.siblings === null || ref.siblings.length < 2) return name;
  const index = ref.siblings.findIndex((s) => (s as Located)[NODE] === ref);
  return `${name}[${index + 1}]`;
}

/** XPath of an element with the message's own prefixes, positions only where names repeat. */
export function xpathOf(ref: ElementRef, child?: string, childIndex?: number): string {
  const steps: string[] = [];
  for (let r: ElementRef | null = ref; r !== null; r = r.parent) steps.unshift(step(r));
  let path = `/${steps.join('/')}`;
  if (child !== undefined) {
    const p = ref.childPrefix ?? '';
    path += `/${p === '' ? child : `${p}:${child}`}${childIndex === undefined ? '' : `[${childIndex + 1}]`}`;
  }
  return path;
}

/** 1-based line of an element, or of its `index`-th child named `child`, in the message text. */
export function lineOf(text: string, ref: ElementRef, child?: string, index = 0): number {
  let offset = ref.offset;
  if (child !== undefined) {
    const p = ref.childPrefix ?? '';
    const tag = `<${p === '' ? child : `${p}:${child}`}`;
    let at = text.indexOf(tag, ref.offset);
    for (let i = 0; i < index && at >= 0; i++) at = text.indexOf(tag, at + tag.length);
    if (at >= 0) offset = at;
  }
  let line = 1;
  for (let n = text.indexOf('\n'); n >= 0 && n < offset; n = text.indexOf('\n', n + 1)) line++;
  return line;
}
