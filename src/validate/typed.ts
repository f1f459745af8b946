/**
 * Maps a scanned, schema-valid message onto the typed interfaces generated from the model. Only
 * what the schema allows can occur, so unknown names are a bug in the model, not in the message.
 */
import { MESSAGES, type MessageType } from '../standard/catalogue.js';
import { NODE } from '../standard/located.js';
import { builtinOf, type ComplexType, type ElementDecl } from '../standard/model.js';
import type { Berichten } from '../standard/types.generated.js';
import type { ScanNode } from './scan.js';

const declsByType = new WeakMap<ComplexType, Map<string, ElementDecl>>();

function decls(type: ComplexType): Map<string, ElementDecl> {
  let map = declsByType.get(type);
  if (map === undefined) {
    map = new Map(type.children.map((e) => [e.name, e]));
    declsByType.set(type, map);
  }
  return map;
}

// XSD collapses white space in dates, times and numbers; strings keep theirs.
const collapses = new WeakMap<object, boolean>();
function collapsed(decl: ElementDecl): boolean {
  let c = collapses.get(decl.type);
  if (c === undefined) {
    c = decl.type.kind === 'simple' && builtinOf(decl.type) !== 'string';
    collapses.set(decl.type, c);
  }
  return c;
}

function build(node: ScanNode, type: ComplexType): Record<string | symbol, unknown> {
  const out: Record<string | symbol, unknown> = { [NODE]: node };
  const map = decls(type);
  for (const child of node.children) {
    const decl = map.get(child.name);
    if (decl === undefined) throw new Error(`model has no element ${child.name} in ${type.name}`);
    const value =
      decl.type.kind === 'complex' ? build(child, decl.type) : collapsed(decl) ? child.text.trim() : child.text;
    if (decl.max === 1) {
      out[decl.name] = value;
    } else {
      const list = out[decl.name] as unknown[] | undefined;
      if (list === undefined) out[decl.name] = [value];
      else list.push(value);
    }
  }
  return out;
}

export function toTyped<T extends MessageType>(type: T, root: ScanNode): Berichten[T] {
  return build(root, MESSAGES[type].root) as unknown as Berichten[T];
}
