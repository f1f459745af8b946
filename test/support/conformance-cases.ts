/**
 * The corpus of the conformance tests: every fixture on disk at run time, plus deterministic
 * mutants of the messages that the official schemas accept. Shared by the differential test
 * (libxml2, our schemas vs the official ones) and the Xerces test (Xerces vs libxml2).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MESSAGE_TYPES, isMessageType, type MessageType } from '../../src/standard/catalogue.js';
import { validateWithLibxml2 } from '../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import type { ValidationResult } from '../../src/validate/report.js';
import type { SchemaSet } from '../../src/validate/schema-set.js';
import { synthesize, takeMutants, type Intent } from './mutants.js';
import { fixturesDir, repoRoot, sharedDir } from './paths.js';

export type CaseSource = 'fixture' | 'seed' | 'mutant';

export interface Case {
  /** Fixture path relative to the repo, or a mutant's name. */
  readonly name: string;
  readonly source: CaseSource;
  /** The message type the case was made for (the fixture's folder); null for hostile input. */
  readonly type: MessageType | null;
  /** Mutation kind, 'fixture' or 'seed'. */
  readonly kind: string;
  /** The generator's guess; only for statistics. */
  readonly intent: Intent | null;
  /** Where a mutant's seed came from. */
  readonly origin: SeedOrigin | null;
  readonly bytes: Uint8Array;
}

export type SeedOrigin = 'fixture' | 'voorbeeld' | 'synthesized';

export interface Seed {
  readonly label: string;
  readonly type: MessageType;
  readonly origin: SeedOrigin;
  readonly xml: string;
}

const encoder = new TextEncoder();

function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...walkFiles(full));
    else if (st.isFile()) out.push(full);
  }
  return out;
}

/**
 * Every XML fixture, found at run time: fixtures/**\/*.xml, plus every file in fixtures/hostile/
 * whatever its extension (hostile input need not look like XML), except notes (.md, .json, .txt).
 */
export function fixtureFiles(): string[] {
  const hostile = join(fixturesDir, 'hostile') + sep;
  return walkFiles(fixturesDir).filter((f) =>
    f.startsWith(hostile) ? !/\.(md|json|txt)$/i.test(f) : /\.xml$/i.test(f),
  );
}

/** The message type a fixture is for, from its folder (fixtures/jw301/…); null elsewhere. */
export function fixtureType(file: string): MessageType | null {
  const top = relative(fixturesDir, file).split(sep)[0] ?? '';
  const type = top.toUpperCase();
  return isMessageType(type) ? type : null;
}

export function fixtureCases(): Case[] {
  return fixtureFiles().map((file) => ({
    name: relative(repoRoot, file).split(sep).join('/'),
    source: 'fixture',
    type: fixtureType(file),
    kind: 'fixture',
    intent: null,
    origin: null,
    bytes: readFileSync(file),
  }));
}

export function validate(bytes: Uint8Array, schemas: SchemaSet): ValidationResult {
  return validateWithLibxml2(bytes, { schemas, maxBytes: DEFAULT_MAX_BYTES });
}

/** A result reduced to what must agree between schema sets and engines. */
export function verdict(r: ValidationResult): string {
  return `type=${r.type ?? '-'} wellFormed=${r.wellFormed} xsdValid=${r.xsdValid} valid=${r.valid}`;
}

export function describeFouten(label: string, r: ValidationResult): string {
  const lines = r.fouten.map((f) => `    - [${f.code}] line ${f.line} ${f.location}: ${f.detail}`);
  return [`  ${label}: ${verdict(r)}`, ...(lines.length === 0 ? ['    (no fouten)'] : lines)].join('\n');
}

export interface SeedReport {
  readonly seeds: Seed[];
  /** Candidate seeds the official schemas refuse, with the reason; they are not mutated. */
  readonly refused: Array<{ label: string; reason: string }>;
  /** Every candidate that is not a fixture (examples and synthesized messages), accepted or not. */
  readonly extra: Seed[];
}

/**
 * Messages to mutate, per type: the valid-*.xml fixtures, the official examples in ../shared and
 * two messages synthesized from our model (full and minimal), each kept only when the official
 * schemas accept it: a mutant is only informative when its seed is valid.
 */
export function collectSeeds(official: SchemaSet): SeedReport {
  const seeds: Seed[] = [];
  const refused: Array<{ label: string; reason: string }> = [];
  const extra: Seed[] = [];
  const consider = (label: string, type: MessageType, origin: SeedOrigin, xml: string) => {
    if (origin !== 'fixture') extra.push({ label, type, origin, xml });
    const r = validate(encoder.encode(xml), official);
    // Schema validity is what matters for a seed; in-message rules are beside the point here.
    if (r.xsdValid && r.type === type) seeds.push({ label, type, origin, xml });
    else refused.push({ label, reason: r.fouten.map((f) => f.detail).join('; ') || verdict(r) });
  };
  for (const file of fixtureFiles()) {
    const type = fixtureType(file);
    if (type === null || !/^valid-.*\.xml$/i.test(file.slice(file.lastIndexOf(sep) + 1))) continue;
    consider(relative(repoRoot, file).split(sep).join('/'), type, 'fixture', readFileSync(file, 'utf8'));
  }
  const examples = join(sharedDir, 'voorbeelden');
  for (const type of MESSAGE_TYPES) {
    const file = join(examples, `${type}.xml`);
    if (existsSync(file)) consider(`../shared/ijw-3.2/voorbeelden/${type}.xml`, type, 'voorbeeld', readFileSync(file, 'utf8'));
  }
  for (const type of MESSAGE_TYPES) {
    for (const mode of ['full', 'minimal'] as const) consider(`synthesized/${type}-${mode}`, type, 'synthesized', synthesize(type, mode));
  }
  return { seeds, refused, extra };
}

export interface MutantPlan {
  /** Mutants per type taken from fixture seeds when the type has any. */
  readonly fromFixtures: number;
  /** Mutants per type taken from the other seeds (all of them when a type has no fixture seed). */
  readonly fromOthers: number;
}

export const DEFAULT_PLAN: MutantPlan = { fromFixtures: 80, fromOthers: 40 };

/** Takes `n` mutants round-robin over the seeds, so each seed contributes about equally. */
function roundRobin(seeds: readonly Seed[], n: number): Case[] {
  const gens = seeds.map((s) => ({ seed: s, it: takeMutants(s.xml, s.type, Math.ceil(n / seeds.length) + 20, { label: s.label })[Symbol.iterator]() }));
  const out: Case[] = [];
  while (out.length < n && gens.length > 0) {
    for (const g of [...gens]) {
      if (out.length >= n) break;
      const step = g.it.next();
      if (step.done === true) {
        gens.splice(gens.indexOf(g), 1);
        continue;
      }
      const m = step.value;
      out.push({
        name: m.name,
        source: 'mutant',
        type: g.seed.type,
        kind: m.kind,
        intent: m.intent,
        origin: g.seed.origin,
        bytes: encoder.encode(m.xml),
      });
    }
  }
  return out;
}

export function mutantCases(seeds: readonly Seed[], plan: MutantPlan = DEFAULT_PLAN): Case[] {
  const out: Case[] = [];
  for (const type of MESSAGE_TYPES) {
    const ofType = seeds.filter((s) => s.type === type);
    const fixtures = ofType.filter((s) => s.origin === 'fixture');
    const others = ofType.filter((s) => s.origin !== 'fixture');
    if (fixtures.length > 0) {
      out.push(...roundRobin(fixtures, plan.fromFixtures));
      out.push(...roundRobin(others, plan.fromOthers));
    } else {
      out.push(...roundRobin(others, plan.fromFixtures + plan.fromOthers));
    }
  }
  return out;
}

/** The examples and synthesized messages themselves, accepted by the official schemas or not. */
export function seedCases(extra: readonly Seed[]): Case[] {
  return extra.map((s) => ({
    name: s.label,
    source: 'seed',
    type: s.type,
    kind: 'seed',
    intent: s.origin === 'synthesized' ? 'valid' : null,
    origin: s.origin,
    bytes: encoder.encode(s.xml),
  }));
}
