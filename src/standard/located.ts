/**
 * Every object in a typed message remembers the element it was read from, so a rule can report
 * the XPath and line of what it finds without the typed interfaces carrying that noise.
 */
import type { ScanNode } from '../validate/scan.js';

export const NODE: unique symbol = Symbol('ijw.node');

export interface Located {
  readonly [NODE]?: ScanNode;
}
