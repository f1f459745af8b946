/**
 * A minimal XML reader for documents libxml2 has already parsed and schema-validated. Building our
 * typed view from libxml2's tree costs a WebAssembly call per node; reading the text again in
 * JavaScript is about four times cheaper, and safe because the input is known to be well-formed,
 * DTD-free XML (preflight refused DOCTYPEs, libxml2 refused everything malformed).
 */

export interface ScanNode {
  /** Local name, e.g. 'Bsn'. */
  readonly name: string;
  /** Prefix as written in the message, '' for the default namespace. */
  readonly prefix: string;
  readonly parent: ScanNode | null;
  readonly children: ScanNode[];
  /** Character content of a leaf element, entities decoded. */
  text: string;
  /** Offset of '<' in the source text, for line numbers on demand. */
  readonly offset: number;
}

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

/** End of a start or end tag: the '>' that is not inside a quoted attribute value. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    }
  }
  return -1;
}

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** Returns the root element of a well-formed document. */
export function scan(text: string): ScanNode {
  const doc: ScanNode = { name: '#document', prefix: '', parent: null, children: [], text: '', offset: 0 };
  const stack: ScanNode[] = [doc];
  let top = doc;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    // Text only matters in leaves; whitespace between child elements is skipped.
    if (lt > i && top !== doc && top.children.length === 0) top.text += decode(text.slice(i, lt));
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      i = text.indexOf('?>', lt + 2) + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        i = text.indexOf('-->', lt + 4) + 3;
      } else {
        const end = text.indexOf(']]>', lt + 9);
        if (top !== doc) top.text += text.slice(lt + 9, end);
        i = end + 3;
      }
      continue;
    }
    const gt = tagEnd(text, lt + 1);
    if (c === 0x2f /* / */) {
      stack.pop();
      top = stack[stack.length - 1] ?? doc;
      i = gt + 1;
      continue;
    }
    let end = lt + 1;
    while (end < gt && !isNameEnd(text.charCodeAt(end))) end++;
    const qname = text.slice(lt + 1, end);
    const colon = qname.indexOf(':');
    const el: ScanNode = {
      name: colon < 0 ? qname : qname.slice(colon + 1),
      prefix: colon < 0 ? '' : qname.slice(0, colon),
      parent: top === doc ? null : top,
      children: [],
      text: '',
      offset: lt,
    };
    top.children.push(el);
    if (text.charCodeAt(gt - 1) !== 0x2f) {
      stack.push(el);
      top = el;
    }
    i = gt + 1;
  }
  const root = doc.children[0];
  if (root === undefined) throw new Error('scan: no root element');
  return root;
}

function step(node: ScanNode): string {
  const name = node.prefix === '' ? node.name : `${node.prefix}:${node.name}`;
  const siblings = node.parent?.children.filter((s) => s.name === node.name && s.prefix === node.prefix) ?? [node];
  return siblings.length > 1 ? `${name}[${siblings.indexOf(node) + 1}]` : name;
}

/** XPath with the message's own prefixes and positions where names repeat, as libxml2 writes them. */
export function xpathOf(node: ScanNode): string {
  const steps: string[] = [];
  for (let n: ScanNode | null = node; n !== null; n = n.parent) steps.unshift(step(n));
  return `/${steps.join('/')}`;
}

/** 1-based line of the node's start tag. */
export function lineOf(text: string, node: ScanNode): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < node.offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
