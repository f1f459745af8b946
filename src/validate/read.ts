/**
 * Reads a schema-valid message into the typed interfaces generated from the model, in one pass
 * over the text. Building the typed view from libxml2's tree would cost a WebAssembly call per
 * node; reading the text again in JavaScript is several times cheaper, and safe: by now the input
 * is known to be well-formed, DTD-free and valid against the schema, so only the names and the
 * order the model describes can occur.
 *
 * The loop allocates only what it returns (the objects, their ElementRefs, lists and values): a
 * 25 MB claim has some 650,000 elements, and every temporary string or object per element shows
 * up as garbage-collection time. Names are matched against the model in place instead of sliced,
 * the stack is a set of parallel arrays, and entities are decoded only where an '&' occurs.
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

/** A complex type's children as arrays indexed like `type.children`, built once per type. */
interface TypeInfo {
  readonly decls: readonly ElementDecl[];
  readonly names: readonly string[];
  readonly firstCodes: readonly number[];
  readonly byName: ReadonlyMap<string, number>;
  /** The child repeats (max > 1): its values go into a list. */
  readonly many: readonly boolean[];
  /** XSD collapses white space in dates, times and numbers; strings keep theirs. */
  readonly collapse: readonly boolean[];
  /** Children in the basisschema namespace (a CDT's), else in the message's own. */
  readonly basis: boolean;
  /** The child's own TypeInfo when it is complex, filled on first use. */
  readonly complex: (TypeInfo | null | undefined)[];
}

const infoCache = new WeakMap<ComplexType, TypeInfo>();

function info(type: ComplexType): TypeInfo {
  let i = infoCache.get(type);
  if (i === undefined) {
    const decls = type.children;
    i = {
      decls,
      names: decls.map((e) => e.name),
      firstCodes: decls.map((e) => e.name.charCodeAt(0)),
      byName: new Map(decls.map((e, k) => [e.name, k])),
      many: decls.map((e) => e.max !== 1),
      collapse: decls.map((e) => e.type.kind === 'simple' && builtinOf(e.type) !== 'string'),
      complex: decls.map((e) => (e.type.kind === 'complex' ? undefined : null)),
      basis: type.ns === 'basis',
    };
    infoCache.set(type, i);
  }
  return i;
}

function childInfo(parent: TypeInfo, k: number): TypeInfo {
  let c = parent.complex[k];
  if (c == null) {
    c = info(parent.decls[k]?.type as ComplexType);
    parent.complex[k] = c;
  }
  return c;
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

function nameEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isNameEnd(text.charCodeAt(end))) end++;
  return end;
}

/** The '>' of a start tag whose name ends at `end`. */
function tagClose(text: string, end: number): number {
  const stop = text.charCodeAt(end);
  return stop === 0x3e ? end : stop === 0x2f ? end + 1 : tagEnd(text, end);
}

/** Leaf content up to its end tag; comments, CDATA and processing instructions inside a leaf take this slow path. */
/**
 * indexOf that refuses a missing terminator. The reader trusts well-formed input, but a large
 * claim is read while libxml2 still checks it (large.ts): there a truncated message must end the
 * read at once, not send it round from the start.
 */
function after(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`read: unterminated markup, no '${needle}' after offset ${from}`);
  return at;
}

function leafText(text: string, from: number): { value: string; next: number } {
  let value = '';
  let i = from;
  for (;;) {
    const lt = after(text, '<', i);
    value += decode(text.slice(i, lt));
    const c = text.charCodeAt(lt + 1);
    if (c === 0x2f) return { value, next: after(text, '>', lt) + 1 };
    if (text.startsWith('<!--', lt)) i = after(text, '-->', lt) + 3;
    else if (text.startsWith('<![CDATA[', lt)) {
      const end = after(text, ']]>', lt);
      value += text.slice(lt + 9, end);
      i = end + 3;
    } else i = after(text, '?>', lt) + 2; // a processing instruction
  }
}

type Obj = Record<string | symbol, unknown>;

function attach(obj: Obj, name: string, many: boolean, value: unknown): unknown[] | null {
  if (!many) {
    obj[name] = value;
    return null;
  }
  let list = obj[name] as unknown[] | undefined;
  if (list === undefined) {
    list = [];
    obj[name] = list;
  }
  list.push(value);
  return list;
}

/**
 * Index in `names` of the child named text[at, at+length), looking from `from` on: children come
 * in model order (every content model is a sequence), so the next one is at or after the last.
 * -1 when not found from there.
 */
function findChild(names: readonly string[], from: number, text: string, at: number, length: number): number {
  for (let k = from; k < names.length; k++) {
    const n = names[k] as string;
    if (n.length === length && text.startsWith(n, at)) return k;
  }
  return -1;
}

/**
 * The '>' of the end tag at `lt` of an element with this prefix and name: right after the name
 * unless white space precedes it (the document is well-formed, so the name is the start tag's).
 */
function endTagClose(text: string, lt: number, prefix: string, name: string): number {
  const gt = lt + 2 + (prefix.length === 0 ? 0 : prefix.length + 1) + name.length;
  return text.charCodeAt(gt) === 0x3e ? gt : after(text, '>', gt);
}

/**
 * Index of the child whose name, followed by the end of a name, stands at `at`, looking from `from`
 * on; -1 when none. Two character codes rule out most candidates before a string comparison: a
 * JW301 Client skips up to seven absent optional children between two present ones.
 */
function matchChild(ti: TypeInfo, from: number, text: string, at: number): number {
  const names = ti.names;
  const first = text.charCodeAt(at);
  for (let k = from; k < names.length; k++) {
    const n = names[k] as string;
    if (ti.firstCodes[k] === first && isNameEnd(text.charCodeAt(at + n.length)) && sameChars(text, at, n)) return k;
  }
  return -1;
}

/** text.startsWith(s, at) for the short names and prefixes of the model, without a builtin call per element. */
function sameChars(text: string, at: number, s: string): boolean {
  for (let j = 0; j < s.length; j++) if (text.charCodeAt(at + j) !== s.charCodeAt(j)) return false;
  return true;
}

export function readMessage<T extends MessageType>(type: T, text: string): Berichten[T] {
  const len = text.length;
  // The element stack, one entry per open complex element.
  const infos: TypeInfo[] = [];
  const objs: Obj[] = [];
  const refs: ElementRef[] = [];
  const cursors: number[] = [];
  let depth = 0;
  let root: Obj | undefined;
  // The prefixes the last children of each namespace were written with: the guess for a first child.
  let basisPrefix: string | undefined;
  let messagePrefix: string | undefined;
  // Next '&' at or after the current position (len when none): most messages have none at all.
  let amp = text.indexOf('&');
  if (amp < 0) amp = len;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      i = after(text, '?>', lt + 2) + 2;
      continue;
    }
    if (c === 0x21 /* ! a comment, or a CDATA section of white space between elements */) {
      i = text.startsWith('[CDATA[', lt + 2) ? after(text, ']]>', lt + 9) + 3 : after(text, '-->', lt + 4) + 3;
      continue;
    }
    if (c === 0x2f /* / */) {
      depth--;
      const closed = refs[depth] as ElementRef;
      i = endTagClose(text, lt, closed.prefix, closed.name) + 1;
      continue;
    }
    if (depth === 0) {
      const end = nameEnd(text, lt + 1);
      const colon = text.indexOf(':', lt);
      const hasPrefix = colon > 0 && colon < end;
      const gt = tagClose(text, end);
      const ref: ElementRef = {
        name: text.slice(hasPrefix ? colon + 1 : lt + 1, end),
        prefix: hasPrefix ? text.slice(lt + 1, colon) : '',
        parent: null,
        offset: lt,
        siblings: null,
        childPrefix: undefined,
      };
      root = { [NODE]: ref };
      infos[0] = info(MESSAGES[type].root);
      objs[0] = root;
      refs[0] = ref;
      cursors[0] = 0;
      depth = 1;
      i = gt + 1;
      continue;
    }
    const top = depth - 1;
    const ti = infos[top] as TypeInfo;
    const parent = refs[top] as ElementRef;
    // Fast path: the prefix the parent's children (or, for a first child, the last children of
    // the same namespace) were written with, then a model name right after it, compared in place.
    const guess = parent.childPrefix ?? (ti.basis ? basisPrefix : messagePrefix);
    let prefix = '';
    let k = -1;
    let end = 0;
    if (guess !== undefined) {
      const nameAt = guess.length === 0 ? lt + 1 : lt + 2 + guess.length;
      if (guess.length === 0 || (text.charCodeAt(nameAt - 1) === 0x3a && sameChars(text, lt + 1, guess))) {
        k = matchChild(ti, cursors[top] as number, text, nameAt);
        if (k >= 0) {
          end = nameAt + (ti.names[k] as string).length;
          prefix = guess;
        }
      }
    }
    if (k < 0) {
      // Slow path: scan the name for its prefix and look it up.
      let colon = -1;
      end = lt + 1;
      for (;;) {
        const n = text.charCodeAt(end);
        if (isNameEnd(n)) break;
        if (n === 0x3a && colon < 0) colon = end;
        if (++end >= len) throw new Error('read: unterminated start tag');
      }
      const nameAt = colon < 0 ? lt + 1 : colon + 1;
      const prefixLength = colon < 0 ? 0 : colon - lt - 1;
      prefix =
        guess !== undefined && guess.length === prefixLength && (prefixLength === 0 || text.startsWith(guess, lt + 1))
          ? guess
          : text.slice(lt + 1, lt + 1 + prefixLength);
      k = findChild(ti.names, cursors[top] as number, text, nameAt, end - nameAt);
      if (k < 0) {
        const name = text.slice(nameAt, end);
        const found = ti.byName.get(name);
        if (found === undefined) throw new Error(`read: the model has no element ${name} here (${parent.name})`);
        k = found;
      }
    }
    if (parent.childPrefix === undefined) {
      parent.childPrefix = prefix;
      if (ti.basis) basisPrefix = prefix;
      else messagePrefix = prefix;
    }
    const gt = tagClose(text, end);
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    cursors[top] = k;
    const name = ti.names[k] as string;
    const obj = objs[top] as Obj;
    const complex = ti.complex[k] !== null;
    if (complex) {
      const ref: ElementRef = { name, prefix, parent, offset: lt, siblings: null, childPrefix: undefined };
      const child: Obj = { [NODE]: ref };
      ref.siblings = attach(obj, name, ti.many[k] as boolean, child);
      if (!selfClosing) {
        infos[depth] = childInfo(ti, k);
        objs[depth] = child;
        refs[depth] = ref;
        cursors[depth] = 0;
        depth++;
      }
      i = gt + 1;
    } else if (selfClosing) {
      attach(obj, name, ti.many[k] as boolean, '');
      i = gt + 1;
    } else {
      const from = gt + 1;
      const next = after(text, '<', from);
      let value: string;
      if (text.charCodeAt(next + 1) === 0x2f) {
        if (amp < from) {
          amp = text.indexOf('&', from);
          if (amp < 0) amp = len;
        }
        value = amp < next ? decode(text.slice(from, next)) : text.slice(from, next);
        i = endTagClose(text, next, prefix, name) + 1;
      } else {
        const leaf = leafText(text, from);
        value = leaf.value;
        i = leaf.next;
      }
      attach(obj, name, ti.many[k] as boolean, ti.collapse[k] === true ? value.trim() : value);
    }
  }
  if (root === undefined) throw new Error('read: no root element');
  return root as unknown as Berichten[T];
}

/** Position of `ref` among its siblings: they are in document order, so their offsets ascend. */
function siblingIndex(siblings: readonly unknown[], ref: ElementRef): number {
  let lo = 0;
  let hi = siblings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = (siblings[mid] as Located)[NODE] as ElementRef;
    if (r === ref) return mid;
    if (r.offset < ref.offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return siblings.findIndex((s) => (s as Located)[NODE] === ref);
}

function step(ref: ElementRef): string {
  const name = ref.prefix === '' ? ref.name : `${ref.prefix}:${ref.name}`;
  if (ref.siblings === null || ref.siblings.length < 2) return name;
  return `${name}[${siblingIndex(ref.siblings, ref) + 1}]`;
}

/** XPath of an element with the message's own prefixes, positions only where names repeat. */
export function xpathOf(ref: ElementRef, child?: string, childIndex?: number): string {
  let path = '';
  for (let r: ElementRef | null = ref; r !== null; r = r.parent) path = `/${step(r)}${path}`;
  if (child !== undefined) {
    const p = ref.childPrefix ?? '';
    path += `/${p === '' ? child : `${p}:${child}`}${childIndex === undefined ? '' : `[${childIndex + 1}]`}`;
  }
  return path;
}

/**
 * Line numbers of offsets in one text by binary search over its line starts, which are collected
 * only as far as the offsets asked for: a report near the top of a 25 MB claim does not pay for
 * the 700,000 lines below it.
 */
export class LineIndex {
  readonly #text: string;
  /** Offsets just after each newline before #scanned, with 0 for the first line. */
  readonly #starts: number[] = [0];
  #scanned = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** 1-based line of an offset: one more than the newlines before it. */
  lineAt(offset: number): number {
    const starts = this.#starts;
    if (offset > this.#scanned) {
      const text = this.#text;
      for (let n = text.indexOf('\n', this.#scanned); n >= 0 && n < offset; n = text.indexOf('\n', n + 1)) starts.push(n + 1);
      this.#scanned = offset;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** The next start tag `tag` ('<' and the name) from `from` on, not a longer name it begins ('<Contact' in '<Contactgegevens'). */
function startTag(text: string, tag: string, from: number): number {
  let at = text.indexOf(tag, from);
  while (at >= 0 && !isNameEnd(text.charCodeAt(at + tag.length))) at = text.indexOf(tag, at + tag.length);
  return at;
}

/**
 * 1-based line of an element, or of its `index`-th child named `child`, in the message text. Pass
 * a LineIndex of the text when asking for many lines: without one each call counts the newlines
 * before the element.
 */
export function lineOf(text: string, ref: ElementRef, child?: string, index = 0, lines?: LineIndex): number {
  let offset = ref.offset;
  if (child !== undefined) {
    const p = ref.childPrefix ?? '';
    const tag = `<${p === '' ? child : `${p}:${child}`}`;
    let at = startTag(text, tag, ref.offset);
    for (let i = 0; i < index && at >= 0; i++) at = startTag(text, tag, at + tag.length);
    if (at >= 0) offset = at;
  }
  if (lines !== undefined) return lines.lineAt(offset);
  let line = 1;
  for (let n = text.indexOf('\n'); n >= 0 && n < offset; n = text.indexOf('\n', n + 1)) line++;
  return line;
}
