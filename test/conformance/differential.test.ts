/**
 * Differential conformance: every fixture and well over a thousand generated mutants are validated
 * with libxml2 against our generated schemas and against the official iJw 3.2 schemas in
 * ../shared/ijw-3.2/xsd/. The two verdicts must be identical for every case. No verdict is
 * assumed: the official schemas are the oracle.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, type MessageType } from '../../src/standard/catalogue.js';
import { BASISSCHEMA_FILE, generateSchemas } from '../../src/standard/generate/xsd.js';
import type { ValidationResult } from '../../src/validate/report.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import {
  collectSeeds,
  describeFouten,
  fixtureCases,
  mutantCases,
  seedCases,
  validate,
  type Case,
  type SeedReport,
} from '../support/conformance-cases.js';
import { repoRoot } from '../support/paths.js';

const shared = path.resolve(repoRoot, '../shared/ijw-3.2');
const hasShared = existsSync(path.join(shared, 'xsd', 'basisschema.xsd'));
if (!hasShared) {
  console.warn(
    `[differential.test] skipped: ${shared}/xsd (the official iJw 3.2 schemas) is absent, ` +
      'so there is nothing to compare our schemas with.',
  );
}

const MIN_MUTANTS = 1000;
const MIN_PER_TYPE = 70;

interface Outcome {
  readonly c: Case;
  readonly official: ValidationResult;
  readonly ours: ValidationResult;
}

function same(a: ValidationResult, b: ValidationResult): boolean {
  return a.wellFormed === b.wellFormed && a.xsdValid === b.xsdValid && a.valid === b.valid && a.type === b.type;
}

function mismatchReport(outcomes: readonly Outcome[], what: string): string {
  const bad = outcomes.filter((o) => !same(o.official, o.ours));
  const shown = bad.slice(0, 25).map((o) =>
    [`* ${o.c.name}`, describeFouten('official', o.official), describeFouten('ours', o.ours)].join('\n'),
  );
  return `${bad.length} of ${outcomes.length} ${what} get different verdicts from our schemas and the official ones` +
    (bad.length > shown.length ? ` (first ${shown.length} shown)` : '') +
    `:\n${shown.join('\n')}`;
}

describe.skipIf(!hasShared)('differential: our schemas vs the official ones (libxml2)', () => {
  let official: SchemaSet;
  let ours: SchemaSet;
  let seeds: SeedReport;
  let mutants: Case[];
  let generatedMs = 0;
  const run = (cases: readonly Case[]): Outcome[] =>
    cases.map((c) => ({ c, official: validate(c.bytes, official), ours: validate(c.bytes, ours) }));

  beforeAll(() => {
    official = SchemaSet.fromDir(path.join(shared, 'xsd'), 'official').compileAll();
    ours = SchemaSet.ours().compileAll();
    seeds = collectSeeds(official);
    const started = performance.now();
    mutants = mutantCases(seeds.seeds);
    generatedMs = performance.now() - started;
    const badFixtures = seeds.refused.filter((r) => r.label.startsWith('fixtures/'));
    if (badFixtures.length > 0) {
      console.warn(
        `[differential.test] ${badFixtures.length} valid-*.xml fixture(s) are refused by the official schemas ` +
          `and are not used as mutation seeds:\n${badFixtures.map((r) => `  ${r.label}: ${r.reason}`).join('\n')}`,
      );
    }
  });

  afterAll(() => {
    ours?.dispose();
    official?.dispose();
  });

  it('gives every fixture the same verdict', () => {
    const started = performance.now();
    const outcomes = run(fixtureCases());
    const ms = performance.now() - started;
    const valid = outcomes.filter((o) => o.official.xsdValid).length;
    console.log(
      `[differential] fixtures: ${outcomes.length} (${valid} schema-valid, ${outcomes.length - valid} not, per the official schemas) ` +
        `in ${ms.toFixed(0)} ms`,
    );
    expect(outcomes.length, 'no fixtures found under fixtures/').toBeGreaterThan(0);
    expect(outcomes.filter((o) => !same(o.official, o.ours)), mismatchReport(outcomes, 'fixtures')).toEqual([]);
  });

  it('gives the official examples and the messages synthesized from our model the same verdict', () => {
    const outcomes = run(seedCases(seeds.extra));
    expect(outcomes.length).toBeGreaterThanOrEqual(MESSAGE_TYPES.length * 2);
    expect(outcomes.filter((o) => !same(o.official, o.ours)), mismatchReport(outcomes, 'seed messages')).toEqual([]);
  });

  it('has the official schemas accept every message synthesized from our model', () => {
    // Full (every optional element, two of every repeating one) and minimal, for all 14 types:
    // a model element the official schemas do not know, or a sample value they refuse, fails here.
    const synthesized = run(seedCases(seeds.extra.filter((s) => s.origin === 'synthesized')));
    expect(synthesized.length).toBe(MESSAGE_TYPES.length * 2);
    const refused = synthesized.filter((o) => !o.official.xsdValid);
    expect(refused.map((o) => `${o.c.name}\n${describeFouten('official', o.official)}`)).toEqual([]);
  });

  it(`gives at least ${MIN_MUTANTS} mutants, over all ${MESSAGE_TYPES.length} types, the same verdict`, () => {
    const cases = mutants;
    const started = performance.now();
    const outcomes = run(cases);
    const validated = performance.now() - started;

    const perType = new Map<MessageType, { all: number; fromFixtures: number }>();
    for (const c of cases) {
      if (c.type === null) continue;
      const t = perType.get(c.type) ?? { all: 0, fromFixtures: 0 };
      t.all++;
      if (c.origin === 'fixture') t.fromFixtures++;
      perType.set(c.type, t);
    }
    const invalid = outcomes.filter((o) => !o.official.xsdValid).length;
    const valid = outcomes.length - invalid;
    const byKind = new Map<string, { valid: number; invalid: number }>();
    for (const o of outcomes) {
      const k = byKind.get(o.c.kind) ?? { valid: 0, invalid: 0 };
      if (o.official.xsdValid) k.valid++;
      else k.invalid++;
      byKind.set(o.c.kind, k);
    }
    const guessed = outcomes.filter((o) => o.c.intent !== 'either' && (o.c.intent === 'valid') !== o.official.xsdValid);
    console.log(
      [
        `[differential] mutants: ${outcomes.length} (${invalid} schema-invalid, ${valid} schema-valid per the official schemas); ` +
          `generated in ${generatedMs.toFixed(0)} ms, validated twice in ${validated.toFixed(0)} ms ` +
          `(${((outcomes.length * 2) / (validated / 1000)).toFixed(0)} validations/s)`,
        `[differential] per type (all/from fixtures): ${MESSAGE_TYPES.map((t) => `${t} ${perType.get(t)?.all ?? 0}/${perType.get(t)?.fromFixtures ?? 0}`).join(', ')}`,
        `[differential] per kind (valid/invalid): ${[...byKind].map(([k, v]) => `${k} ${v.valid}/${v.invalid}`).join(', ')}`,
        `[differential] generator guesses that the official schemas overrule: ${guessed.length} (informational)`,
      ].join('\n'),
    );

    expect(outcomes.length).toBeGreaterThanOrEqual(MIN_MUTANTS);
    const fixtureSeedTypes = new Set(seeds.seeds.filter((s) => s.origin === 'fixture').map((s) => s.type));
    for (const type of MESSAGE_TYPES) {
      const t = perType.get(type) ?? { all: 0, fromFixtures: 0 };
      expect(t.all, `${type}: mutants`).toBeGreaterThanOrEqual(MIN_PER_TYPE);
      if (fixtureSeedTypes.has(type)) expect(t.fromFixtures, `${type}: mutants of fixtures`).toBeGreaterThanOrEqual(MIN_PER_TYPE);
    }
    // The corpus must really exercise both outcomes, and every family of mutation.
    expect(invalid / outcomes.length, 'share of invalid mutants').toBeGreaterThanOrEqual(0.5);
    expect(valid / outcomes.length, 'share of valid mutants').toBeGreaterThanOrEqual(0.05);
    for (const kind of [
      'delete',
      'duplicate',
      'swap',
      'insert-unknown',
      'insert-optional',
      'rename',
      'wrong-namespace',
      'empty-complex',
      'value-date',
      'value-time',
      'value-integer',
      'value-code',
      'value-text',
      'value-pattern',
      'value-berichtcode',
      'value-version',
      'root-namespace',
      'not-well-formed',
      'formatting',
    ]) {
      expect(byKind.has(kind), `no mutant of kind ${kind}`).toBe(true);
    }

    expect(outcomes.filter((o) => !same(o.official, o.ours)), mismatchReport(outcomes, 'mutants')).toEqual([]);
  });

  it('notices a schema set that differs from the official one in a single facet', () => {
    // Guards the comparison itself: our schemas with LDT_Datum's pattern `[^:Z]*` removed (dates
    // with a time zone let through) must produce mismatches on the same corpus.
    const dir = mkdtempSync(path.join(tmpdir(), 'ijw-sabotaged-'));
    let sabotaged: SchemaSet | undefined;
    try {
      for (const [name, text] of generateSchemas()) {
        const changed = name === BASISSCHEMA_FILE ? text.replace('<xs:pattern value="[^:Z]*"/>', '') : text;
        if (name === BASISSCHEMA_FILE) expect(changed, 'LDT_Datum pattern not found to remove').not.toBe(text);
        writeFileSync(path.join(dir, name), changed);
      }
      sabotaged = SchemaSet.fromDir(dir, 'sabotaged');
      const set = sabotaged;
      const differing = mutants.filter((c) => !same(validate(c.bytes, official), validate(c.bytes, set)));
      expect(differing.length).toBeGreaterThan(0);
      for (const c of differing) expect(c.kind, c.name).toBe('value-date');
    } finally {
      sabotaged?.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
