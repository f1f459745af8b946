/**
 * A small, plain-data XML tree for the conformance tests: read once with libxml2-wasm, then copied
 * and changed freely by the mutant generator, and written back out as text. Element-only content
 * (as in every iJw message) plus the text of leaf elements; comments and processing instructions
 * are not kept.
 */
import { XmlDocument, type XmlElement, type XmlTreeNode } from 'libxml2-wasm';

export interface XNode {
  /** Namespace URI, '' for none. */
  ns: string;
  local: string;
  /** The prefix to prefer when writing; another one in scope is used when it no longer fits. */
  prefix: string;
  /** Namespace declarations made on this element: [prefix ('' = default), uri]. */
  nsDecls: Array<[string, string]>;
  /** Other attributes, written as found: [qualified name, value]. */
  attrs: Array<[string, string]>;
  children: XNode[];
  /** Text of a leaf element (null when the element has element children). */
  text: string | null;
}

function isElement(n: XmlTreeNode): n is XmlTreeNode & XmlElement {
  return 'namespaceUri' in n && 'firstChild' in n;
}

function fromElement(el: XmlElement): XNode {
  const children: XNode[] = [];
  for (let n = el.firstChild; n !== null; n = n.next) if (isElement(n)) children.push(fromElement(n));
  const nsDecls = Object.entries(el.nsDeclarations).map(([p, uri]): [string, string] => [p, uri]);
  const attrs = el.attrs.map((a): [string, string] => [a.prefix === '' ? a.name : `${a.prefix}:${a.name}`, a.value]);
  return {
    ns: el.namespaceUri,
    local: el.name,
    prefix: el.prefix,
    nsDecls,
    attrs,
    children,
    text: children.length === 0 ? el.content : null,
  };
}

/** Parses well-formed XML text; throws on anything libxml2 refuses. */
export function parseTree(xml: string): XNode {
  const doc = XmlDocument.fromString(xml);
  try {
    return fromElement(doc.root);
  } finally {
    doc.dispose();
  }
}

export function cloneTree(node: XNode): XNode {
  return {
    ...node,
    nsDecls: node.nsDecls.map(([p, u]): [string, string] => [p, u]),
    attrs: node.attrs.map(([n, v]): [string, string] => [n, v]),
    children: node.children.map(cloneTree),
  };
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export interface WriteOptions {
  /** Indentation per level; '' writes the whole message on one line. */
  readonly indent?: string;
}

/**
 * Writes the tree as UTF-8 XML text. Each element gets a prefix bound to its namespace: its own
 * when that is still bound to the right URI, else any prefix in scope for the URI, else a new
 * declaration on the element itself.
 */
export function writeTree(root: XNode, options: WriteOptions = {}): string {
  const indent = options.indent ?? '  ';
  const nl = indent === '' ? '' : '\n';
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', nl];
  const write = (node: XNode, scope: ReadonlyMap<string, string>, depth: number) => {
    const local = new Map(scope);
    const decls = node.nsDecls.map(([p, u]): [string, string] => [p, u]);
    for (const [p, u] of decls) local.set(p, u);
    let prefix: string | undefined;
    if (local.get(node.prefix) === node.ns || (node.prefix === '' && node.ns === '' && (local.get('') ?? '') === '')) {
      prefix = node.prefix;
    } else if (node.ns === '') {
      // No namespace: only an unprefixed name with no default namespace in force will do.
      prefix = '';
      decls.push(['', '']);
      local.set('', '');
    } else {
      for (const [p, u] of local) if (u === node.ns && p !== '') prefix ??= p;
      if (prefix === undefined && local.get('') === node.ns) prefix = '';
      if (prefix === undefined) {
        let n = 0;
        do prefix = `ns${n++}`;
        while (local.has(prefix));
        decls.push([prefix, node.ns]);
        local.set(prefix, node.ns);
      }
    }
    const qname = prefix === '' ? node.local : `${prefix}:${node.local}`;
    const attrText = [
      ...decls.map(([p, u]) => ` ${p === '' ? 'xmlns' : `xmlns:${p}`}="${escapeAttr(u)}"`),
      ...node.attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`),
    ].join('');
    const pad = indent.repeat(depth);
    if (node.children.length === 0) {
      const text = node.text ?? '';
      out.push(pad, text === '' ? `<${qname}${attrText}/>` : `<${qname}${attrText}>${escapeText(text)}</${qname}>`, nl);
      return;
    }
    out.push(pad, `<${qname}${attrText}>`, nl);
    for (const c of node.children) write(c, local, depth + 1);
    out.push(pad, `</${qname}>`, nl);
  };
  write(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0);
  return out.join('');
}
