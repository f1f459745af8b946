/**
 * Writes typed message objects as XML in the order the model prescribes, with the standard's
 * prefixes. Used to build retours, which copy their heen-bericht's classes element by element.
 */
import { BASIS_NAMESPACE, MESSAGES, type MessageType } from '../standard/catalogue.js';
import type { ComplexType } from '../standard/model.js';

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type Value = string | Record<string | symbol, unknown> | readonly unknown[] | undefined;

export interface SerializeHooks {
  /**
   * Supplies an element the object itself does not hold: a retour's RetourCodes on each class
   * copied from the heen-bericht.
   */
  readonly supply?: (name: string, obj: Record<string | symbol, unknown>) => Value;
}

export class MessageWriter {
  readonly #prefix: string;
  readonly #lines: string[] = [];

  constructor(
    readonly type: MessageType,
    private readonly hooks: SerializeHooks = {},
  ) {
    this.#prefix = MESSAGES[type].prefix;
  }

  qname(ns: 'basis' | 'message', name: string): string {
    return `${ns === 'basis' ? 'ijw' : this.#prefix}:${name}`;
  }

  /** Writes the children of `obj` as described by `type`; `ns` is the namespace of those children. */
  children(type: ComplexType, obj: Record<string | symbol, unknown>, indent: string): void {
    const childNs = type.ns === 'basis' ? 'basis' : 'message';
    for (const decl of type.children) {
      const value = (obj[decl.name] as Value) ?? this.hooks.supply?.(decl.name, obj);
      if (value === undefined) continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        const tag = this.qname(childNs, decl.name);
        if (decl.type.kind === 'complex') {
          this.#lines.push(`${indent}<${tag}>`);
          this.children(decl.type, item as Record<string | symbol, unknown>, `${indent}  `);
          this.#lines.push(`${indent}</${tag}>`);
        } else {
          this.#lines.push(`${indent}<${tag}>${escapeText(String(item))}</${tag}>`);
        }
      }
    }
  }

  /** The whole message: declaration, root with both namespaces, the root's children. */
  document(rootObj: Record<string | symbol, unknown>): string {
    const spec = MESSAGES[this.type];
    const root = `${this.#prefix}:Bericht`;
    this.#lines.unshift(
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<${root} xmlns:${this.#prefix}="${spec.namespace}" xmlns:ijw="${BASIS_NAMESPACE}">`,
    );
    this.children(spec.root, rootObj, '  ');
    this.#lines.push(`</${root}>`, '');
    return this.#lines.join('\n');
  }
}
