/**
 * Structural conformance: each official iJw 3.2 message schema and ours are flattened into a map
 * from element path (Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume) to the
 * element's namespace, cardinality and simple-type facets resolved through the whole restriction
 * chain, and the two maps must be equal: nothing missing, nothing extra, nothing different. The
 * appinfo version entries, the schema attributes and the basisschema's global types are compared
 * as well.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XmlDocument, type XmlElement, type XmlTreeNode } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASIS_NAMESPACE, MESSAGES, MESSAGE_TYPES, type MessageType } from '../../src/standard/catalogue.js';
import { generateSchemas } from '../../src/standard/generate/xsd.js';
import { schemaDir } from '../../src/standard/paths.js';
import { repoRoot } from '../support/paths.js';

const shared = path.resolve(repoRoot, '../shared/ijw-3.2');
const officialDir = path.join(shared, 'xsd');
const hasShared = existsSync(path.join(officialDir, 'basisschema.xsd'));
if (!hasShared) {
  console.warn(
    `[structure.test] skipped: ${officialDir} (the official iJw 3.2 schemas) is absent, ` +
      'so there is nothing to compare the structure of our schemas with.',
  );
}

const XS = 'http://www.w3.org/2001/XMLSchema';
const BASIS = 'basisschema.xsd';

// --- Reading a schema set ---------------------------------------------------------------------

function isElement(n: XmlTreeNode): n is XmlTreeNode & XmlElement {
  return 'namespaceUri' in n && 'firstChild' in n;
}

/** The xs:* children of an element, annotations left out. */
function xsChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.next) {
    if (!isElement(n)) continue;
    if (n.namespaceUri !== XS) throw new Error(`non-schema element {${n.namespaceUri}}${n.name} in a schema (line ${n.line})`);
    if (n.name !== 'annotation') out.push(n);
  }
  return out;
}

function attr(el: XmlElement, name: string): string | undefined {
  return el.attr(name)?.value;
}

function qname(el: XmlElement, value: string): { ns: string; local: string } {
  const i = value.indexOf(':');
  const prefix = i < 0 ? '' : value.slice(0, i);
  const ns = el.namespaceForPrefix(prefix);
  if (ns === null && prefix !== '') throw new Error(`unbound prefix in ${value} (line ${el.line})`);
  return { ns: ns ?? '', local: i < 0 ? value : value.slice(i + 1) };
}

/** One file set: the global simple types, complex types and elements of every file, by {ns}name. */
class SchemaFiles {
  readonly docs = new Map<string, XmlDocument>();
  readonly simple = new Map<string, XmlElement>();
  readonly complex = new Map<string, XmlElement>();
  readonly elements = new Map<string, XmlElement>();

  constructor(
    readonly label: string,
    readonly dir: string,
  ) {}

  load(file: string): XmlElement {
    let doc = this.docs.get(file);
    if (doc === undefined) {
      doc = XmlDocument.fromBuffer(readFileSync(path.join(this.dir, file)));
      this.docs.set(file, doc);
      const root = doc.root;
      const tns = attr(root, 'targetNamespace') ?? '';
      for (const c of xsChildren(root)) {
        const name = attr(c, 'name');
        if (name === undefined) continue;
        const key = `{${tns}}${name}`;
        const table = c.name === 'simpleType' ? this.simple : c.name === 'complexType' ? this.complex : c.name === 'element' ? this.elements : null;
        if (table === null) continue;
        if (table.has(key)) throw new Error(`${this.label}: ${c.name} ${key} declared twice`);
        table.set(key, c);
      }
    }
    return doc.root;
  }

  dispose(): void {
    for (const d of this.docs.values()) d.dispose();
    this.docs.clear();
  }
}

// --- Flattening -------------------------------------------------------------------------------

interface Step {
  readonly facets: Readonly<Record<string, string | readonly string[]>>;
}

interface SimpleDescription {
  readonly builtin: string;
  /** Derivation steps from the builtin outwards; patterns within a step are ORed, steps ANDed. */
  readonly steps: readonly Step[];
}

interface Entry {
  readonly ns: 'basis' | 'message' | string;
  readonly minOccurs: string;
  readonly maxOccurs: string;
  /** Other attributes on the declaration that change validation (fixed, default, nillable, …). */
  readonly extra: Readonly<Record<string, string>>;
  /** 'complex' for element content; otherwise the resolved simple type. */
  readonly content: 'complex' | SimpleDescription;
}

const SET_FACETS = new Set(['enumeration', 'pattern']);

function describeSimple(files: SchemaFiles, st: XmlElement, seen: ReadonlySet<XmlElement> = new Set()): SimpleDescription {
  if (seen.has(st)) throw new Error(`circular simple type (line ${st.line})`);
  const [restriction, ...more] = xsChildren(st);
  if (restriction === undefined || restriction.name !== 'restriction' || more.length > 0) {
    return { builtin: `unsupported:${xsChildren(st).map((c) => c.name).join('+')}`, steps: [] };
  }
  const facets: Record<string, string | string[]> = {};
  let inlineBase: XmlElement | undefined;
  for (const f of xsChildren(restriction)) {
    if (f.name === 'simpleType') {
      inlineBase = f;
      continue;
    }
    const value = attr(f, 'value') ?? '';
    if (SET_FACETS.has(f.name)) {
      const list = (facets[f.name] as string[] | undefined) ?? [];
      list.push(value);
      facets[f.name] = list;
    } else {
      if (f.name in facets) throw new Error(`facet ${f.name} twice in one restriction (line ${f.line})`);
      facets[f.name] = value;
    }
    if (attr(f, 'fixed') !== undefined) facets[`${f.name}@fixed`] = attr(f, 'fixed') ?? '';
  }
  for (const k of SET_FACETS) if (Array.isArray(facets[k])) (facets[k] as string[]).sort();
  const step: Step = { facets };
  const next = new Set(seen).add(st);
  if (inlineBase !== undefined) {
    const inner = describeSimple(files, inlineBase, next);
    return { builtin: inner.builtin, steps: [...inner.steps, step] };
  }
  const base = qname(restriction, attr(restriction, 'base') ?? '');
  if (base.ns === XS) return { builtin: base.local, steps: [step] };
  const named = files.simple.get(`{${base.ns}}${base.local}`);
  if (named === undefined) throw new Error(`${files.label}: simple type {${base.ns}}${base.local} not found`);
  const inner = describeSimple(files, named, next);
  return { builtin: inner.builtin, steps: [...inner.steps, step] };
}

interface Flat {
  readonly entries: Map<string, Entry>;
  /** Element path → the name of its named type ({ns-kind}name) or 'anonymous'. */
  readonly typeNames: Map<string, string>;
}

const DECL_ATTRS = new Set(['name', 'type', 'minOccurs', 'maxOccurs', 'form']);

function nsKind(ns: string, messageNs: string): string {
  return ns === BASIS_NAMESPACE ? 'basis' : ns === messageNs ? 'message' : ns;
}

function flatten(files: SchemaFiles, type: MessageType): Flat {
  const spec = MESSAGES[type];
  const root = files.load(`${spec.prefix}.xsd`);
  files.load(BASIS);
  const entries = new Map<string, Entry>();
  const typeNames = new Map<string, string>();
  const put = (key: string, entry: Entry) => {
    let k = key;
    for (let i = 2; entries.has(k); i++) k = `${key}#${i}`;
    entries.set(k, entry);
    return k;
  };

  const walkComplex = (ct: XmlElement, ownerNs: string, qualified: boolean, pathPrefix: string, depth: number) => {
    if (depth > 30) throw new Error(`${files.label}: nesting deeper than 30 at ${pathPrefix} (recursive types?)`);
    for (const c of xsChildren(ct)) {
      if (c.name !== 'sequence') {
        put(`${pathPrefix}/@unsupported:${c.name}`, { ns: '', minOccurs: '', maxOccurs: '', extra: {}, content: 'complex' });
        continue;
      }
      for (const el of xsChildren(c)) {
        if (el.name !== 'element' || attr(el, 'ref') !== undefined) {
          put(`${pathPrefix}/@unsupported:${el.name}`, { ns: '', minOccurs: '', maxOccurs: '', extra: {}, content: 'complex' });
          continue;
        }
        decl(el, ownerNs, qualified, pathPrefix, depth);
      }
    }
  };

  const decl = (el: XmlElement, ownerNs: string, qualified: boolean, pathPrefix: string, depth: number) => {
    const name = attr(el, 'name') ?? '?';
    const form = attr(el, 'form');
    const elementNs = (form ?? (qualified ? 'qualified' : 'unqualified')) === 'qualified' ? ownerNs : '';
    const path = pathPrefix === '' ? name : `${pathPrefix}/${name}`;
    const extra: Record<string, string> = {};
    for (const a of el.attrs) if (!DECL_ATTRS.has(a.name)) extra[a.name] = a.value;
    const base = { ns: nsKind(elementNs, spec.namespace), minOccurs: attr(el, 'minOccurs') ?? '1', maxOccurs: attr(el, 'maxOccurs') ?? '1', extra };
    const typeAttr = attr(el, 'type');
    const inline = xsChildren(el);
    if (typeAttr !== undefined) {
      const t = qname(el, typeAttr);
      const key = `{${t.ns}}${t.local}`;
      typeNames.set(path, `${nsKind(t.ns, spec.namespace)}:${t.local}`);
      if (t.ns === XS) {
        put(path, { ...base, content: { builtin: t.local, steps: [] } });
        return;
      }
      const st = files.simple.get(key);
      if (st !== undefined) {
        put(path, { ...base, content: describeSimple(files, st) });
        return;
      }
      const ct = files.complex.get(key);
      if (ct === undefined) throw new Error(`${files.label}: type ${key} of ${path} not found`);
      const k = put(path, { ...base, content: 'complex' });
      walkComplex(ct, t.ns, qualifiedIn(ct), k, depth + 1);
      return;
    }
    typeNames.set(path, 'anonymous');
    const [only] = inline;
    if (only?.name === 'simpleType') put(path, { ...base, content: describeSimple(files, only) });
    else if (only?.name === 'complexType') walkComplex(only, ownerNs, qualified, put(path, { ...base, content: 'complex' }), depth + 1);
    else put(path, { ...base, content: { builtin: 'xs:anyType (no type)', steps: [] } });
  };

  /** elementFormDefault of the schema document that declares a component. */
  const qualifiedIn = (component: XmlElement): boolean => {
    let n: XmlElement = component;
    while (n.parent !== null) n = n.parent;
    return attr(n, 'elementFormDefault') === 'qualified';
  };

  const bericht = files.elements.get(`{${spec.namespace}}Bericht`);
  if (bericht === undefined) throw new Error(`${files.label}: no global element Bericht in ${spec.prefix}.xsd`);
  const globals = [...files.elements.keys()].filter((k) => k.startsWith(`{${spec.namespace}}`));
  for (const g of globals) if (g !== `{${spec.namespace}}Bericht`) put(`@global-element:${g}`, { ns: '', minOccurs: '', maxOccurs: '', extra: {}, content: 'complex' });
  decl(bericht, spec.namespace, attr(root, 'elementFormDefault') === 'qualified', '', 0);
  return { entries, typeNames };
}

/** The xs:appinfo entries of a schema file, as `{ns}name=value`, sorted. */
function appinfo(files: SchemaFiles, file: string): string[] {
  const root = files.load(file);
  const out: string[] = [];
  for (const a of root.find('xs:annotation/xs:appinfo/*', { xs: XS })) {
    const el = a as XmlElement;
    out.push(`{${el.namespaceUri}}${el.name}=${el.content.trim()}`);
  }
  return out.sort();
}

function schemaAttributes(files: SchemaFiles, file: string): Record<string, string> {
  const root = files.load(file);
  const out: Record<string, string> = {};
  for (const a of root.attrs) out[a.name] = a.value;
  for (const imp of root.find('xs:import', { xs: XS })) {
    const el = imp as XmlElement;
    out[`import ${attr(el, 'namespace') ?? ''}`] = attr(el, 'schemaLocation') ?? '';
  }
  return out;
}

/** Leaf values of a JSON-like value by dotted path, so that a difference names its field. */
function leaves(value: unknown, at = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out.set(at, JSON.stringify(value));
    else value.forEach((v, i) => leaves(v, `${at}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value).sort()) leaves((value as Record<string, unknown>)[k], at === '' ? k : `${at}.${k}`, out);
    if (Object.keys(value).length === 0) out.set(at, '{}');
  } else {
    out.set(at, JSON.stringify(value));
  }
  return out;
}

/** Compares two maps key by key, naming every missing key and every differing field. */
function diffMaps(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>, labels: [string, string]): string[] {
  const out: string[] = [];
  const short = (v: string | undefined) => (v === undefined ? '(absent)' : v.length > 300 ? `${v.slice(0, 297)}...` : v);
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const [x, y] = [a.get(k), b.get(k)];
    if (x === undefined) {
      out.push(`${k}: only in ${labels[1]}`);
      continue;
    }
    if (y === undefined) {
      out.push(`${k}: only in ${labels[0]}`);
      continue;
    }
    const [lx, ly] = [leaves(x), leaves(y)];
    const fields = [...new Set([...lx.keys(), ...ly.keys()])].sort().filter((f) => lx.get(f) !== ly.get(f));
    for (const f of fields) out.push(`${k} ${f === '' ? '' : `[${f}]`}: ${labels[0]} ${short(lx.get(f))}, ${labels[1]} ${short(ly.get(f))}`);
  }
  return out;
}

// --- The tests --------------------------------------------------------------------------------

describe.skipIf(!hasShared)('structure: our schemas vs the official ones', () => {
  let official: SchemaFiles;
  let ours: SchemaFiles;
  const flat = new Map<string, { official: Flat; ours: Flat }>();

  beforeAll(() => {
    official = new SchemaFiles('official', officialDir);
    ours = new SchemaFiles('ours', schemaDir());
    for (const type of MESSAGE_TYPES) flat.set(type, { official: flatten(official, type), ours: flatten(ours, type) });
  });

  afterAll(() => {
    official?.dispose();
    ours?.dispose();
  });

  const get = (type: MessageType) => {
    const f = flat.get(type);
    if (f === undefined) throw new Error(`${type} not flattened`);
    return f;
  };

  it.each(MESSAGE_TYPES)('%s: same element paths with the same namespace, cardinality and facets', (type) => {
    const { official: o, ours: u } = get(type);
    // A flattening that found nothing would compare equal: the header alone has 10+ paths.
    expect(o.entries.size).toBeGreaterThan(10);
    const simple = [...o.entries.values()].filter((e) => e.content !== 'complex');
    expect(simple.length).toBeGreaterThan(5);
    const diff = diffMaps(o.entries, u.entries, ['official', 'ours']);
    expect(diff, `${type}: ${diff.length} path(s) differ:\n${diff.join('\n')}`).toEqual([]);
  });

  it.each(MESSAGE_TYPES)('%s: same named types on the same paths', (type) => {
    const { official: o, ours: u } = get(type);
    const diff = diffMaps(o.typeNames, u.typeNames, ['official', 'ours']);
    expect(diff, `${type}: ${diff.length} type name(s) differ:\n${diff.join('\n')}`).toEqual([]);
  });

  it.each([BASIS, ...MESSAGE_TYPES.map((t) => `${MESSAGES[t].prefix}.xsd`)])('%s: same appinfo entries', (file) => {
    const o = appinfo(official, file);
    expect(o.length, 'official appinfo entries').toBeGreaterThan(0);
    expect(appinfo(ours, file), `appinfo of our ${file} differs from the official one`).toEqual(o);
  });

  it.each([BASIS, ...MESSAGE_TYPES.map((t) => `${MESSAGES[t].prefix}.xsd`)])('%s: same targetNamespace, elementFormDefault and imports', (file) => {
    const pick = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:')));
    expect(pick(schemaAttributes(ours, file))).toEqual(pick(schemaAttributes(official, file)));
  });

  it('basisschema: the same global simple types with the same facets, and nothing extra', () => {
    const describeAll = (files: SchemaFiles) =>
      new Map(
        [...files.simple.entries()]
          .filter(([k]) => k.startsWith(`{${BASIS_NAMESPACE}}`))
          .map(([k, st]): [string, SimpleDescription] => [k, describeSimple(files, st)]),
      );
    const o = describeAll(official);
    expect(o.size).toBeGreaterThan(50);
    const diff = diffMaps(o, describeAll(ours), ['official', 'ours']);
    expect(diff, diff.join('\n')).toEqual([]);
  });

  it('basisschema: the same global complex types with the same children, and nothing extra', () => {
    const describeAll = (files: SchemaFiles) =>
      new Map(
        [...files.complex.entries()]
          .filter(([k]) => k.startsWith(`{${BASIS_NAMESPACE}}`))
          .map(([k, ct]): [string, string[]] => [
            k,
            xsChildren(ct).flatMap((seq) =>
              seq.name !== 'sequence'
                ? [`unsupported:${seq.name}`]
                : xsChildren(seq).map((e) => {
                    const t = attr(e, 'type');
                    const type = t === undefined ? 'anonymous' : `{${qname(e, t).ns}}${qname(e, t).local}`;
                    return `${e.name} ${attr(e, 'name')} ${type} ${attr(e, 'minOccurs') ?? '1'}..${attr(e, 'maxOccurs') ?? '1'}`;
                  }),
            ),
          ]),
      );
    const o = describeAll(official);
    expect(o.size).toBeGreaterThan(10);
    const diff = diffMaps(o, describeAll(ours), ['official', 'ours']);
    expect(diff, diff.join('\n')).toEqual([]);
  });

  it('notices a missing element, a changed cardinality, a changed facet and a changed appinfo entry', () => {
    // Guards the comparison itself: our generated schemas with four deliberate changes must
    // yield exactly the differences planted, each on the path where it was planted.
    const dir = mkdtempSync(path.join(tmpdir(), 'ijw-structure-'));
    const sabotaged = new SchemaFiles('sabotaged', dir);
    try {
      const plant = (text: string, from: string, to: string) => {
        const changed = text.replace(from, to);
        expect(changed, `could not plant ${JSON.stringify(from)}`).not.toBe(text);
        return changed;
      };
      for (const [name, text] of generateSchemas()) {
        let t = text;
        if (name === BASIS) {
          t = plant(t, '<xs:maxLength value="24"/>', '<xs:maxLength value="25"/>'); // LDT_Straatnaam
          t = plant(t, '<ijw:release>3.2</ijw:release>', '<ijw:release>3.3</ijw:release>');
        }
        if (name === 'jw301.xsd') {
          t = plant(t, '<xs:element name="Commentaar" type="ijw:LDT_Commentaar" minOccurs="0"/>', '<xs:element name="Commentaar" type="ijw:LDT_Commentaar"/>');
          t = plant(t, '<xs:element name="Volgorde" type="ijw:LDT_RelatieVolgorde" minOccurs="0"/>', '');
        }
        writeFileSync(path.join(dir, name), t);
      }
      const u = flatten(sabotaged, 'JW301');
      const diff = diffMaps(get('JW301').official.entries, u.entries, ['official', 'ours']);
      expect(diff.filter((d) => d.startsWith('Bericht/Client/Commentaar ') && d.includes('minOccurs'))).toHaveLength(1);
      expect(diff.filter((d) => d.startsWith('Bericht/Client/Relaties/Relatie/Volgorde: only in official'))).toHaveLength(1);
      const straatnaam = diff.filter((d) => /\/Straatnaam \[content\.steps\[0\]\.facets\.maxLength\]: official "24", ours "25"$/.test(d));
      expect(straatnaam.length).toBeGreaterThanOrEqual(2); // in Contact/Adres and Relatie/Contact/Adres
      expect(diff).toHaveLength(2 + straatnaam.length);
      expect(appinfo(sabotaged, BASIS)).not.toEqual(appinfo(official, BASIS));
    } finally {
      sabotaged.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
