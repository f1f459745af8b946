/**
 * The classes of a message body (Client, ToegewezenProduct, Prestatie, …): the units a retour puts
 * RetourCodes on. Found through the standard's model, so no message type needs its own walker.
 */
import { MESSAGES } from '../standard/catalogue.js';
import { NODE, type ElementRef, type Located } from '../standard/located.js';
import type { ComplexType } from '../standard/model.js';
import { xpathOf } from '../validate/read.js';
import type { CheckedMessage } from '../validate/rules/run.js';

export type Obj = Record<string | symbol, unknown>;

/** Every class object below `obj`, keyed by the element it was read from. */
export function classRefs(type: ComplexType, obj: Obj, out: Map<ElementRef, Obj> = new Map()): Map<ElementRef, Obj> {
  const ref = (obj as Located)[NODE];
  if (type.isClass && ref !== undefined) out.set(ref, obj);
  for (const decl of type.children) {
    if (decl.type.kind !== 'complex') continue;
    const value = obj[decl.name];
    const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const item of items) classRefs(decl.type, item as Obj, out);
  }
  return out;
}

/** The body's classes by XPath, as cross-message violations name them. */
export function classesByPath(c: CheckedMessage): Map<string, Located> {
  const spec = MESSAGES[c.type];
  const bodyType = spec.root.children[1]?.type as ComplexType | undefined;
  const body = (c.message as unknown as Obj)[spec.body] as Obj | undefined;
  const out = new Map<string, Located>();
  if (bodyType === undefined || body === undefined) return out;
  for (const [ref, obj] of classRefs(bodyType, body)) out.set(xpathOf(ref), obj as Located);
  return out;
}
