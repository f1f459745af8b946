/**
 * Every object in a typed message remembers the element it was read from, so a rule can report
 * the XPath and line of what it finds without the typed interfaces carrying that noise.
 */

export interface ElementRef {
  readonly name: string;
  /** Prefix as written in the message; '' for the default namespace. */
  readonly prefix: string;
  readonly parent: ElementRef | null;
  /** Offset of the start tag in the message text. */
  readonly offset: number;
  /** The list this element sits in when its element repeats, for positions in XPaths. */
  siblings: readonly unknown[] | null;
  /** Prefix of this element's children as written (all children share one namespace). */
  childPrefix: string | undefined;
}

export const NODE: unique symbol = Symbol('ijw.node');

export interface Located {
  readonly [NODE]?: ElementRef;
}
