/**
 * Deterministic mutants of iJw messages for the conformance tests.
 *
 * Given a message that the official schemas accept, `mutants()` yields named variants: elements
 * deleted, duplicated, swapped, renamed, moved to the other namespace or added where they do not
 * belong, and values replaced by type-aware probes (non-existent dates, time zones, codes outside
 * the list, maxLength and maxLength+1, integers out of range, pattern breakers, blank text, other
 * BerichtCodes, other root namespaces, broken XML). The model in src/standard/ tells which
 * element is which, so the probes fit the element's simple type and both valid and invalid
 * variants come out.
 *
 * Every mutant carries an `intent`, the generator's guess of the verdict. It is only a label for
 * the statistics: the differential tests never assume a verdict, they compare engines and schemas.
 *
 * There is no Math.random here: every choice comes from a PRNG seeded with a string, so a run can
 * be reproduced from the mutant's name alone.
 */
import { BASIS_NAMESPACE, MESSAGES, MESSAGE_TYPES, type MessageType } from '../../src/standard/catalogue.js';
import {
  builtinOf,
  facetChain,
  type ComplexType,
  type ElementDecl,
  type Facets,
  type SimpleType,
} from '../../src/standard/model.js';
import { cloneTree, parseTree, writeTree, type XNode } from './xml-tree.js';

// --- PRNG -------------------------------------------------------------------------------------

/** FNV-1a, 32 bits: turns a seed string into the PRNG's state. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32, seeded from a string. */
export function rng(seed: string): Rng {
  let a = hash32(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}

// --- The model's view of a simple type --------------------------------------------------------

interface MergedFacets {
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly minInclusive: bigint | undefined;
  readonly maxInclusive: bigint | undefined;
  readonly enumeration: readonly string[] | undefined;
  /** One pattern per derivation step that has one; all must match. */
  readonly patterns: readonly string[];
}

function merged(type: SimpleType): MergedFacets {
  const chain: Facets[] = facetChain(type);
  let minLength: number | undefined;
  let maxLength: number | undefined;
  let minInclusive: bigint | undefined;
  let maxInclusive: bigint | undefined;
  let enumeration: readonly string[] | undefined;
  const patterns: string[] = [];
  for (const f of chain) {
    if (f.minLength !== undefined) minLength = Math.max(minLength ?? 0, f.minLength);
    if (f.maxLength !== undefined) maxLength = Math.min(maxLength ?? Infinity, f.maxLength);
    if (f.minInclusive !== undefined) {
      const v = BigInt(f.minInclusive);
      minInclusive = minInclusive === undefined || v > minInclusive ? v : minInclusive;
    }
    if (f.maxInclusive !== undefined) {
      const v = BigInt(f.maxInclusive);
      maxInclusive = maxInclusive === undefined || v < maxInclusive ? v : maxInclusive;
    }
    if (f.enumeration !== undefined) enumeration = f.enumeration;
    if (f.pattern !== undefined) patterns.push(f.pattern);
  }
  return { minLength, maxLength, minInclusive, maxInclusive, enumeration, patterns };
}

const regexCache = new Map<string, RegExp | null>();

/**
 * An XSD pattern as an anchored JS regex: close enough to pick sample values and guess intents.
 * Null when JS cannot read it (XSD-only syntax such as \i, \c or character class subtraction).
 */
function jsRegex(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/**
 * The model's guess whether a string-based type accepts `value` (lengths, patterns, enumeration);
 * undefined when a pattern cannot be judged in JS.
 */
function stringAccepts(type: SimpleType, value: string): boolean | undefined {
  const f = merged(type);
  const len = [...value].length;
  if (f.minLength !== undefined && len < f.minLength) return false;
  if (f.maxLength !== undefined && len > f.maxLength) return false;
  if (f.enumeration !== undefined && !f.enumeration.includes(value)) return false;
  let known = true;
  for (const p of f.patterns) {
    const re = jsRegex(p);
    if (re === null) known = false;
    else if (!re.test(value)) return false;
  }
  return known ? true : undefined;
}

const LITERAL = /^[0-9A-Za-z]+$/;
const STRING_SAMPLES = [
  'Tekst',
  'T',
  'AB',
  '1',
  '12',
  '0363',
  '12345678',
  '123456782',
  '1.0.0',
  '0612345678',
  'DN001',
  'x',
];

/** A value the model says is valid for the type; throws when no sample fits a new pattern. */
export function sampleValue(type: SimpleType): string {
  const f = merged(type);
  const literal = f.patterns.find((p) => LITERAL.test(p));
  if (literal !== undefined) return literal;
  if (f.enumeration !== undefined && f.enumeration.length > 0) return f.enumeration[0] as string;
  switch (builtinOf(type)) {
    case 'date':
      return '2026-03-02';
    case 'time':
      return '10:15:00';
    case 'integer': {
      const lo = f.minInclusive ?? 0n;
      const hi = f.maxInclusive ?? 1n;
      return String(lo <= 1n && 1n <= hi ? 1n : lo);
    }
    case 'string': {
      const hit = STRING_SAMPLES.find((s) => stringAccepts(type, s) === true);
      if (hit === undefined) {
        throw new Error(`no sample value fits ${type.name ?? 'an anonymous type'} (patterns ${f.patterns.join(' AND ')})`);
      }
      return hit;
    }
  }
}

// --- Messages from the model -----------------------------------------------------------------

type NsKind = 'basis' | 'message';

function nsOf(kind: NsKind, type: MessageType): { ns: string; prefix: string } {
  return kind === 'basis' ? { ns: BASIS_NAMESPACE, prefix: 'ijw' } : { ns: MESSAGES[type].namespace, prefix: MESSAGES[type].prefix };
}

function buildElement(decl: ElementDecl, nsKind: NsKind, type: MessageType, mode: 'full' | 'minimal'): XNode {
  const { ns, prefix } = nsOf(nsKind, type);
  const node: XNode = { ns, local: decl.name, prefix, nsDecls: [], attrs: [], children: [], text: null };
  if (decl.type.kind === 'simple') {
    node.text = sampleValue(decl.type);
  } else {
    node.children = buildChildren(decl.type, type, mode);
  }
  return node;
}

function buildChildren(ct: ComplexType, type: MessageType, mode: 'full' | 'minimal'): XNode[] {
  const out: XNode[] = [];
  for (const d of ct.children) {
    const n = mode === 'full' ? (d.max === 'unbounded' || d.max > 1 ? 2 : 1) : d.min;
    for (let i = 0; i < n; i++) out.push(buildElement(d, ct.ns, type, mode));
  }
  return out;
}

/**
 * A message built from the model alone: 'full' has every optional element and two of every
 * repeating one, 'minimal' only what is required. Values are the model's sample values.
 */
export function synthesize(type: MessageType, mode: 'full' | 'minimal'): string {
  const spec = MESSAGES[type];
  const root: XNode = {
    ns: spec.namespace,
    local: 'Bericht',
    prefix: spec.prefix,
    nsDecls: [
      [spec.prefix, spec.namespace],
      ['ijw', BASIS_NAMESPACE],
    ],
    attrs: [],
    children: buildChildren(spec.root, type, mode),
    text: null,
  };
  return writeTree(root);
}

// --- Walking a message along the model --------------------------------------------------------

interface Site {
  readonly node: XNode;
  /** Child indices from the root. */
  readonly at: readonly number[];
  /** Readable location, e.g. Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang. */
  readonly path: string;
  /** The declaration this element matches; null where the message does not follow the model. */
  readonly decl: ElementDecl | null;
  /** The complex type whose sequence holds the declaration (null for the root). */
  readonly owner: ComplexType | null;
  readonly parent: Site | null;
}

function annotate(root: XNode, type: MessageType): Site[] {
  const sites: Site[] = [];
  const rootDecl: ElementDecl = { name: 'Bericht', type: MESSAGES[type].root, min: 1, max: 1 };
  const walk = (node: XNode, at: number[], path: string, decl: ElementDecl | null, owner: ComplexType | null, parent: Site | null) => {
    const site: Site = { node, at, path, decl, owner, parent };
    sites.push(site);
    const ct = decl?.type.kind === 'complex' ? decl.type : null;
    const counts = new Map<string, number>();
    for (const c of node.children) counts.set(c.local, (counts.get(c.local) ?? 0) + 1);
    const seen = new Map<string, number>();
    node.children.forEach((c, i) => {
      const k = (seen.get(c.local) ?? 0) + 1;
      seen.set(c.local, k);
      const step = (counts.get(c.local) ?? 0) > 1 ? `${c.local}[${k}]` : c.local;
      const childDecl = ct?.children.find((d) => d.name === c.local) ?? null;
      walk(c, [...at, i], `${path}/${step}`, childDecl, ct, site);
    });
  };
  walk(root, [], 'Bericht', rootDecl, null, null);
  return sites;
}

function nodeAt(root: XNode, at: readonly number[]): XNode {
  let n = root;
  for (const i of at) {
    const c = n.children[i];
    if (c === undefined) throw new Error(`no child ${i} at ${at.join('/')}`);
    n = c;
  }
  return n;
}

// --- Value probes -----------------------------------------------------------------------------

export type Intent = 'valid' | 'invalid' | 'either';

interface Probe {
  readonly label: string;
  readonly value: string;
  readonly intent: Intent;
}

const DATE_PROBES: readonly Probe[] = [
  { label: 'non-existent date', value: '2026-02-30', intent: 'invalid' },
  { label: 'non-leap 29 Feb', value: '2023-02-29', intent: 'invalid' },
  { label: 'leap day', value: '2024-02-29', intent: 'valid' },
  { label: 'month 13', value: '2026-13-01', intent: 'invalid' },
  { label: 'day 00', value: '2026-04-00', intent: 'invalid' },
  { label: 'date with Z', value: '2026-04-01Z', intent: 'invalid' },
  { label: 'date with offset', value: '2026-04-01+02:00', intent: 'invalid' },
  { label: 'dateTime', value: '2026-04-01T10:00:00', intent: 'invalid' },
  { label: 'garbage', value: 'morgen', intent: 'invalid' },
  { label: 'Dutch order', value: '01-04-2026', intent: 'invalid' },
  { label: 'no leading zeros', value: '2026-4-1', intent: 'invalid' },
  { label: 'compact', value: '20260401', intent: 'invalid' },
  { label: 'negative year', value: '-2026-04-01', intent: 'either' },
  { label: 'year 0001', value: '0001-01-01', intent: 'valid' },
  { label: 'year 0000', value: '0000-01-01', intent: 'either' },
  { label: 'five-digit year', value: '12026-04-01', intent: 'either' },
  { label: 'last day', value: '9999-12-31', intent: 'valid' },
  { label: 'empty', value: '', intent: 'invalid' },
];

const TIME_PROBES: readonly Probe[] = [
  { label: 'midnight', value: '00:00:00', intent: 'valid' },
  { label: 'fraction', value: '12:34:56.5', intent: 'valid' },
  { label: '24:00:00', value: '24:00:00', intent: 'either' },
  { label: 'hour 25', value: '25:00:00', intent: 'invalid' },
  { label: 'minute 60', value: '12:60:00', intent: 'invalid' },
  { label: 'no seconds', value: '12:34', intent: 'invalid' },
  { label: 'time with Z', value: '12:34:56Z', intent: 'invalid' },
  { label: 'time with +offset', value: '12:34:56+01:00', intent: 'invalid' },
  { label: 'time with -offset', value: '12:34:56-01:00', intent: 'invalid' },
  { label: 'garbage', value: 'middag', intent: 'invalid' },
  { label: 'empty', value: '', intent: 'invalid' },
];

function integerProbes(f: MergedFacets): Probe[] {
  const lo = f.minInclusive;
  const hi = f.maxInclusive;
  const probes: Probe[] = [
    { label: 'decimal', value: '1.5', intent: 'invalid' },
    { label: 'decimal .0', value: '1.0', intent: 'invalid' },
    { label: 'exponent', value: '1e3', intent: 'invalid' },
    { label: 'garbage', value: 'abc', intent: 'invalid' },
    { label: 'empty', value: '', intent: 'invalid' },
    { label: 'plus sign', value: '+1', intent: 'either' },
    { label: 'leading zeros', value: '007', intent: 'either' },
    { label: 'surrounding spaces', value: ' 1 ', intent: 'either' },
    { label: 'huge', value: '123456789012345678901234567890', intent: 'invalid' },
  ];
  if (lo !== undefined) {
    probes.push({ label: 'minInclusive', value: String(lo), intent: 'valid' });
    probes.push({ label: 'minInclusive-1', value: String(lo - 1n), intent: 'invalid' });
  } else {
    probes.push({ label: 'negative', value: '-1', intent: 'either' });
  }
  if (hi !== undefined) {
    probes.push({ label: 'maxInclusive', value: String(hi), intent: 'valid' });
    probes.push({ label: 'maxInclusive+1', value: String(hi + 1n), intent: 'invalid' });
  }
  return probes;
}

const OUTSIDE_CODES = ['99', '9', 'ZZ', 'Z', '00', '0', 'XX', '999', '9999', 'S999'];

function stringProbes(type: SimpleType, current: string, r: Rng): Probe[] {
  const f = merged(type);
  const guess = (label: string, value: string): Probe => {
    const accepts = stringAccepts(type, value);
    return { label, value, intent: accepts === undefined ? 'either' : accepts ? 'valid' : 'invalid' };
  };
  const probes: Probe[] = [];
  if (f.enumeration !== undefined) {
    const others = f.enumeration.filter((v) => v !== current);
    const inList = others.length <= 6 ? others : r.shuffle(others).slice(0, 4);
    for (const v of inList) probes.push(guess(`other code ${v}`, v));
    const fits = (v: string) => !f.enumeration?.includes(v) && [...v].length <= (f.maxLength ?? Infinity);
    const outside = OUTSIDE_CODES.filter(fits).slice(0, 2);
    for (const v of outside) probes.push(guess(`code outside the list ${v}`, v));
    const tooLong = OUTSIDE_CODES.find((v) => [...v].length > (f.maxLength ?? Infinity));
    if (tooLong !== undefined) probes.push(guess('code longer than maxLength', tooLong));
    if (current.toLowerCase() !== current) probes.push(guess('lower-case code', current.toLowerCase()));
    probes.push(guess('code with leading space', ` ${current}`));
    probes.push(guess('empty', ''));
    return probes;
  }
  const literal = f.patterns.find((p) => LITERAL.test(p));
  if (literal !== undefined) {
    probes.push(guess('leading zero', `0${literal}`));
    probes.push(guess('surrounding spaces', ` ${literal} `));
    probes.push(guess('empty', ''));
    for (const t of r.shuffle(MESSAGE_TYPES).slice(0, 3)) {
      const code = MESSAGES[t].berichtCode;
      if (code !== literal) probes.push(guess(`other BerichtCode ${code}`, code));
    }
    return probes;
  }
  const filler = [...current].reverse().find((c) => c.trim() !== '') ?? 'x';
  if (f.maxLength !== undefined) {
    const chars = [...current];
    const exact = chars.length >= f.maxLength ? chars.slice(0, f.maxLength).join('') : current + filler.repeat(f.maxLength - chars.length);
    probes.push(guess('exactly maxLength', exact));
    probes.push(guess('maxLength+1', exact + filler));
    probes.push(guess('maxLength in two-byte characters', 'é'.repeat(f.maxLength)));
    probes.push(guess('maxLength+1 in two-byte characters', 'é'.repeat(f.maxLength + 1)));
  } else {
    probes.push(guess('5000 characters', `${current} ${'lang '.repeat(1000)}`.slice(0, 5000)));
  }
  if ((f.minLength ?? 0) > 0) probes.push(guess('empty', ''));
  probes.push(guess('whitespace only', '   '));
  probes.push(guess('tab and newline only', '\t\n'));
  probes.push(guess('surrounding spaces', ` ${current} `));
  const digits = f.patterns.map((p) => /^\[0-9\]\{(\d+)\}$/.exec(p)).find((m) => m !== null);
  if (digits !== undefined && digits !== null) {
    const n = Number(digits[1]);
    probes.push(guess(`${n - 1} digits`, '1234567890'.repeat(2).slice(0, n - 1)));
    probes.push(guess(`${n + 1} digits`, '1234567890'.repeat(2).slice(0, n + 1)));
    probes.push(guess('digits with a letter', `${'1234567890'.repeat(2).slice(0, n - 1)}a`));
    probes.push(guess('all zeros', '0'.repeat(n)));
  } else if (f.patterns.length > 0) {
    for (const v of ['A.B', 'a-b', 'AB12', 'ÀÉ', '1.0', '01.0.0', '10.20.30', '06-12345678', 'DN 001', '. .']) {
      probes.push(guess(`pattern probe ${JSON.stringify(v)}`, v));
    }
  }
  return probes;
}

function valueProbes(type: SimpleType, current: string, r: Rng): { kind: string; probes: Probe[] } {
  const f = merged(type);
  switch (builtinOf(type)) {
    case 'date':
      return { kind: 'value-date', probes: [...DATE_PROBES, { label: 'surrounding spaces', value: ` ${current} `, intent: 'either' }] };
    case 'time':
      return { kind: 'value-time', probes: [...TIME_PROBES] };
    case 'integer': {
      const literal = f.patterns.find((p) => LITERAL.test(p));
      if (literal !== undefined) {
        return {
          kind: 'value-version',
          probes: [
            { label: 'leading zero', value: `0${literal}`, intent: 'invalid' },
            { label: 'plus sign', value: `+${literal}`, intent: 'invalid' },
            { label: 'surrounding spaces', value: ` ${literal} `, intent: 'either' },
            { label: 'next version', value: String(Number(literal) + 1), intent: 'invalid' },
            { label: 'previous version', value: String(Number(literal) - 1), intent: 'invalid' },
          ],
        };
      }
      return { kind: 'value-integer', probes: integerProbes(f) };
    }
    case 'string': {
      const kind =
        f.enumeration !== undefined
          ? 'value-code'
          : f.patterns.some((p) => LITERAL.test(p))
            ? 'value-berichtcode'
            : f.patterns.length > 0 && !f.patterns.every((p) => p === '.*[^\\s].*')
              ? 'value-pattern'
              : 'value-text';
      return { kind, probes: stringProbes(type, current, r) };
    }
  }
}

// --- Mutants ----------------------------------------------------------------------------------

export interface Mutant {
  /** `<seed label>#<kind>:<path> <what>`: unique within a seed, stable across runs. */
  readonly name: string;
  readonly kind: string;
  readonly intent: Intent;
  readonly xml: string;
}

interface Candidate {
  readonly kind: string;
  readonly what: string;
  readonly intent: Intent;
  make(): string;
}

export interface MutantOptions {
  /** Names the seed message in mutant names, e.g. its fixture path. */
  readonly label: string;
  /** PRNG seed; defaults to the label. */
  readonly seed?: string;
}

function otherNamespace(type: MessageType, ns: string): string | null {
  if (ns === BASIS_NAMESPACE) return MESSAGES[type].namespace;
  if (ns === MESSAGES[type].namespace) return BASIS_NAMESPACE;
  return null;
}

function countSame(parent: XNode, local: string): number {
  return parent.children.filter((c) => c.local === local).length;
}

function candidates(xml: string, type: MessageType, r: Rng): Candidate[] {
  const seed = parseTree(xml);
  const sites = annotate(seed, type);
  const spec = MESSAGES[type];
  const out: Candidate[] = [];
  /** A candidate that edits a copy of the tree and writes it back out. */
  const edit = (kind: string, what: string, intent: Intent, change: (root: XNode) => void, indent?: string) => {
    out.push({
      kind,
      what,
      intent,
      make: () => {
        const copy = cloneTree(seed);
        change(copy);
        return writeTree(copy, indent === undefined ? {} : { indent });
      },
    });
  };

  for (const site of sites) {
    const { node, at, path, decl, owner, parent } = site;
    if (parent === null || decl === null || owner === null) continue;
    const parentAt = parent.at;
    const index = at[at.length - 1] as number;
    const same = countSame(parent.node, node.local);
    const max = decl.max === 'unbounded' ? Infinity : decl.max;

    edit('delete', `${path} deleted (${decl.min}..${decl.max})`, same > decl.min ? 'valid' : 'invalid', (root) => {
      nodeAt(root, parentAt).children.splice(index, 1);
    });
    edit('duplicate', `${path} duplicated (${decl.min}..${decl.max})`, same + 1 <= max ? 'valid' : 'invalid', (root) => {
      const p = nodeAt(root, parentAt);
      p.children.splice(index + 1, 0, cloneTree(node));
    });
    const next = parent.node.children[index + 1];
    if (next !== undefined && next.local !== node.local) {
      edit('swap', `${path} swapped with ${next.local}`, 'invalid', (root) => {
        const p = nodeAt(root, parentAt);
        const [a, b] = [p.children[index] as XNode, p.children[index + 1] as XNode];
        p.children.splice(index, 2, b, a);
      });
    }
    edit('insert-unknown', `unknown element after ${path}`, 'invalid', (root) => {
      nodeAt(root, parentAt).children.splice(index + 1, 0, {
        ns: node.ns,
        local: 'Onbekend',
        prefix: node.prefix,
        nsDecls: [],
        attrs: [],
        children: [],
        text: '1',
      });
    });
    edit('insert-unknown', `unknown child element in ${path}`, 'invalid', (root) => {
      const n = nodeAt(root, at);
      n.text = null;
      n.children.unshift({ ns: node.ns, local: 'Extra', prefix: node.prefix, nsDecls: [], attrs: [], children: [], text: 'x' });
    });
    edit('rename', `${path} renamed to ${node.local}X`, 'invalid', (root) => {
      nodeAt(root, at).local = `${node.local}X`;
    });
    edit('rename', `${path} renamed to lower case`, 'invalid', (root) => {
      nodeAt(root, at).local = node.local.toLowerCase();
    });
    const absentSiblings = owner.children.filter((d) => d.name !== node.local && countSame(parent.node, d.name) === 0);
    if (absentSiblings.length > 0) {
      const to = r.pick(absentSiblings);
      edit('rename', `${path} renamed to sibling ${to.name}`, 'either', (root) => {
        nodeAt(root, at).local = to.name;
      });
    }
    const other = otherNamespace(type, node.ns);
    if (other !== null) {
      edit('wrong-namespace', `${path} moved to ${other === BASIS_NAMESPACE ? 'the basisschema' : 'the message'} namespace`, 'invalid', (root) => {
        nodeAt(root, at).ns = other;
      });
    }

    if (decl.type.kind === 'complex') {
      const ct = decl.type;
      const present = new Set(node.children.map((c) => c.local));
      const allOptional = ct.children.every((d) => d.min === 0);
      edit('empty-complex', `${path} without children`, allOptional ? 'valid' : 'invalid', (root) => {
        const n = nodeAt(root, at);
        n.children = [];
        n.text = '';
      });
      ct.children.forEach((d, di) => {
        if (d.min !== 0 || present.has(d.name)) return;
        edit('insert-optional', `optional ${d.name} added to ${path}`, 'valid', (root) => {
          const n = nodeAt(root, at);
          const pos = n.children.findIndex((c) => ct.children.findIndex((x) => x.name === c.local) > di);
          n.children.splice(pos < 0 ? n.children.length : pos, 0, buildElement(d, ct.ns, type, 'minimal'));
        });
      });
    } else if (node.text !== null) {
      const { kind, probes } = valueProbes(decl.type, node.text, r);
      for (const p of probes) {
        if (p.value === node.text) continue;
        edit(kind, `${path}=${JSON.stringify(p.value.length > 40 ? `${p.value.slice(0, 37)}...` : p.value)} (${p.label})`, p.intent, (root) => {
          nodeAt(root, at).text = p.value;
        });
      }
    }
  }

  // Whole-document mutations.
  const msgNs = spec.namespace;
  const retarget = (from: string, to: string) => (root: XNode) => {
    const walk = (n: XNode) => {
      if (n.ns === from) n.ns = to;
      n.nsDecls = n.nsDecls.map(([p, u]): [string, string] => [p, u === from ? to : u]);
      n.children.forEach(walk);
    };
    walk(root);
  };
  const otherRelease = (ns: string) => ns.replace('/3_2/', '/3_1/');
  edit('root-namespace', 'message namespace of release 3.1', 'invalid', retarget(msgNs, otherRelease(msgNs)));
  edit('root-namespace', 'basisschema namespace of release 3.1', 'invalid', retarget(BASIS_NAMESPACE, otherRelease(BASIS_NAMESPACE)));
  const otherType = r.pick(MESSAGE_TYPES.filter((t) => t !== type));
  edit('root-namespace', `namespace of ${otherType}`, 'invalid', retarget(msgNs, MESSAGES[otherType].namespace));
  edit('root-namespace', `only the root in the namespace of ${otherType}`, 'invalid', (root) => {
    root.ns = MESSAGES[otherType].namespace;
  });
  edit('root-namespace', 'no namespace at all', 'invalid', (root) => {
    const walk = (n: XNode) => {
      n.ns = '';
      n.prefix = '';
      n.nsDecls = [];
      n.attrs = n.attrs.filter(([q]) => !q.includes(':'));
      n.children.forEach(walk);
    };
    walk(root);
  });
  edit('root-namespace', 'message namespace swapped with the basisschema namespace', 'invalid', (root) => {
    const walk = (n: XNode) => {
      n.ns = n.ns === msgNs ? BASIS_NAMESPACE : n.ns === BASIS_NAMESPACE ? msgNs : n.ns;
      n.children.forEach(walk);
    };
    walk(root);
  });
  edit('root-namespace', 'root renamed to Berichten', 'invalid', (root) => {
    root.local = 'Berichten';
  });
  edit('formatting', 'written on one line', 'valid', () => undefined, '');
  edit('formatting', 'indented with tabs', 'valid', () => undefined, '\t');
  out.push({
    kind: 'formatting',
    what: 'comment and processing instruction added',
    intent: 'valid',
    make: () => writeTree(seed).replace(/\?>\n/, '?>\n<!-- mutant -->\n<?ijw-test ok?>\n'),
  });
  const written = writeTree(seed);
  out.push({
    kind: 'not-well-formed',
    what: 'truncated',
    intent: 'invalid',
    make: () => written.slice(0, 40 + r.int(Math.max(1, written.length - 80))),
  });
  out.push({
    kind: 'not-well-formed',
    what: 'bare ampersand in text',
    intent: 'invalid',
    make: () => written.replace(/>([^<\s][^<]*)</, '>$1 & co<'),
  });
  out.push({
    kind: 'not-well-formed',
    what: 'mismatched end tag',
    intent: 'invalid',
    make: () => written.replace(/<\/([A-Za-z0-9]+:)?Header>/, '</$1Hoofd>'),
  });
  return out;
}

/**
 * Yields mutants of a message, cycling over the kinds of mutation in a seeded random order so
 * that any prefix of the sequence mixes structure, values and namespaces. Mutants that come out
 * identical to the seed or to an earlier mutant are skipped.
 */
export function* mutants(xml: string, type: MessageType, options: MutantOptions): Generator<Mutant> {
  const r = rng(`${options.seed ?? options.label}|${type}`);
  const byKind = new Map<string, Candidate[]>();
  for (const c of candidates(xml, type, r)) {
    const list = byKind.get(c.kind) ?? [];
    list.push(c);
    byKind.set(c.kind, list);
  }
  const pools = [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, list]) => ({ kind, list: r.shuffle(list) }));
  const seen = new Set<string>([xml, writeTree(parseTree(xml))]);
  const names = new Set<string>();
  while (pools.length > 0) {
    for (const pool of r.shuffle(pools)) {
      const c = pool.list.pop();
      if (c === undefined) {
        pools.splice(pools.indexOf(pool), 1);
        continue;
      }
      const text = c.make();
      if (seen.has(text)) continue;
      seen.add(text);
      let name = `${options.label}#${c.kind}:${c.what}`;
      for (let i = 2; names.has(name); i++) name = `${options.label}#${c.kind}:${c.what} #${i}`;
      names.add(name);
      yield { name, kind: c.kind, intent: c.intent, xml: text };
    }
  }
}

/** The first `n` mutants (fewer when the message has fewer). */
export function takeMutants(xml: string, type: MessageType, n: number, options: MutantOptions): Mutant[] {
  const out: Mutant[] = [];
  if (n <= 0) return out;
  for (const m of mutants(xml, type, options)) {
    out.push(m);
    if (out.length >= n) break;
  }
  return out;
}
