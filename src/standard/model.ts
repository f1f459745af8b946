/**
 * The vocabulary in which we describe the iJw 3.2 messages: simple types (LDT), complex data types
 * (CDT), message classes and elements with their cardinalities. Everything else (our XSDs, typed
 * access, retour construction) is derived from descriptions written in these terms.
 */

export type BuiltinType = 'string' | 'integer' | 'date' | 'time';

export interface CodeList {
  /** Official code list identifier, e.g. 'WJ756'. */
  readonly id: string;
  /** Dutch name as published, e.g. 'Eenheid'. */
  readonly name: string;
  /** Code → official label, for look-ups. */
  readonly codes: Readonly<Record<string, string>>;
  /**
   * The codes in published order. Kept apart from `codes` because JavaScript orders integer-like
   * keys ('10', '9355') before others, which would scramble '01', '04', '10'.
   */
  readonly values: readonly string[];
}

export interface Facets {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Patterns of one derivation step; XSD ORs patterns within a step and ANDs steps. */
  readonly pattern?: string;
  /** Kept as strings: LDT_TotaalBedrag goes up to 999 999 999 999, beyond what we want as float math. */
  readonly minInclusive?: string;
  readonly maxInclusive?: string;
  readonly enumeration?: readonly string[];
}

export interface SimpleType {
  readonly kind: 'simple';
  /** Global name (LDT_…) or undefined for an anonymous restriction inside a message. */
  readonly name?: string;
  readonly base: BuiltinType | SimpleType;
  readonly facets: Facets;
  readonly codeList?: CodeList;
}

export interface ElementDecl {
  readonly name: string;
  readonly type: SimpleType | ComplexType;
  readonly min: 0 | 1;
  readonly max: number | 'unbounded';
}

export type TypeNamespace = 'basis' | 'message';

export interface ComplexType {
  readonly kind: 'complex';
  readonly name: string;
  /** CDTs live in the basisschema namespace, message classes in the message's own namespace. */
  readonly ns: TypeNamespace;
  readonly children: readonly ElementDecl[];
  /**
   * A message-level class (Client, ToegewezenProduct, …): in a retour it carries RetourCodes.
   * Wrapper types such as ToegewezenProducten and CDTs are not classes.
   */
  readonly isClass: boolean;
}

export type XsdType = SimpleType | ComplexType;

export function ldt(name: string, base: BuiltinType, facets: Facets, codeList?: CodeList): SimpleType {
  return codeList === undefined
    ? { kind: 'simple', name, base, facets }
    : { kind: 'simple', name, base, facets, codeList };
}

/** An enumerated LDT whose values are exactly the codes of a code list. */
export function enumLdt(name: string, maxLength: number, codeList: CodeList): SimpleType {
  return ldt(name, 'string', { maxLength, enumeration: codeList.values }, codeList);
}

/** An anonymous restriction of a global type, as the message schemas use for BerichtCode. */
export function restrict(base: SimpleType, facets: Facets): SimpleType {
  return { kind: 'simple', base, facets };
}

export function cdt(name: string, children: readonly ElementDecl[]): ComplexType {
  return { kind: 'complex', name, ns: 'basis', children, isClass: false };
}

export function messageClass(name: string, children: readonly ElementDecl[]): ComplexType {
  return { kind: 'complex', name, ns: 'message', children, isClass: true };
}

export function wrapper(name: string, children: readonly ElementDecl[]): ComplexType {
  return { kind: 'complex', name, ns: 'message', children, isClass: false };
}

export function one(name: string, type: XsdType): ElementDecl {
  return { name, type, min: 1, max: 1 };
}

export function opt(name: string, type: XsdType): ElementDecl {
  return { name, type, min: 0, max: 1 };
}

export function many(name: string, type: XsdType): ElementDecl {
  return { name, type, min: 1, max: 'unbounded' };
}

/** The facets that apply to a simple type, outermost derivation step last. */
export function facetChain(type: SimpleType): Facets[] {
  const chain: Facets[] = [];
  for (let t: SimpleType | BuiltinType = type; typeof t !== 'string'; t = t.base) chain.unshift(t.facets);
  return chain;
}

export function builtinOf(type: SimpleType): BuiltinType {
  let t: SimpleType | BuiltinType = type;
  while (typeof t !== 'string') t = t.base;
  return t;
}

/** Declares a code list from [code, label] pairs in published order; `const` keeps codes as literal types. */
export function defineCodeList<const E extends readonly (readonly [string, string])[]>(
  id: string,
  name: string,
  entries: E,
): CodeList & { readonly codes: Readonly<Record<E[number][0], string>>; readonly values: readonly E[number][0][] } {
  const codes = Object.fromEntries(entries) as Record<E[number][0], string>;
  return { id, name, codes, values: entries.map(([code]) => code) };
}
