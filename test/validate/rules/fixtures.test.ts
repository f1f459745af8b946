/**
 * Fixture discipline for the in-message rules: every rule has fixtures that break it (named
 * `<code>-<what>.xml`) and fixtures that pass it at its boundary (`<code>-ok-<what>.xml`), all
 * schema-valid, and the scenario fixtures (`valid-*.xml`) break no rule at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWithLibxml2 } from '../../../src/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../../../src/validate/preflight.js';
import { MESSAGE_RULES } from '../../../src/validate/rules/index.js';
import { DEFAULT_RULE_OPTIONS } from '../../../src/validate/rules/run.js';
import { SchemaSet } from '../../../src/validate/schema-set.js';
import { fixtures } from '../../support/fixtures.js';
import { fixturesDir } from '../../support/paths.js';

const schemas = SchemaSet.ours();
const check = (bytes: Uint8Array) =>
  checkWithLibxml2(bytes, { schemas, maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS }).result;

interface RuleFixture {
  readonly file: string;
  readonly code: string;
  readonly ok: boolean;
}

function ruleFixtures(): RuleFixture[] {
  const codes = new Map(MESSAGE_RULES.map((r) => [r.meta.code.toLowerCase(), r.meta.code]));
  const out: RuleFixture[] = [];
  for (const dir of readdirSync(fixturesDir)) {
    if (!/^jw\d{3}$/.test(dir)) continue;
    for (const file of readdirSync(join(fixturesDir, dir))) {
      const m = /^([a-z]{2}\d{3}(?:x\d)?)-(ok-)?/.exec(file);
      const code = m?.[1] === undefined ? undefined : codes.get(m[1]);
      if (m !== null && code !== undefined) out.push({ file: `${dir}/${file}`, code, ok: m[2] !== undefined });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

const all = ruleFixtures();

describe('every rule has fixtures', () => {
  it.each(MESSAGE_RULES.map((r) => r.meta.code))('%s has a breaking and a passing fixture', (code) => {
    expect(all.filter((f) => f.code === code && !f.ok).length, 'breaking fixtures').toBeGreaterThan(0);
    expect(all.filter((f) => f.code === code && f.ok).length, 'passing fixtures').toBeGreaterThan(0);
  });
});

describe('rule fixtures', () => {
  it.each(all.filter((f) => !f.ok).map((f) => [f.file, f] as const))('%s breaks its rule', (_, f) => {
    const r = check(readFileSync(join(fixturesDir, f.file)));
    expect(r.xsdValid, JSON.stringify(r.fouten)).toBe(true);
    expect(r.valid).toBe(false);
    const hits = r.fouten.filter((e) => e.code === f.code);
    expect(hits.length, JSON.stringify(r.fouten)).toBeGreaterThan(0);
    for (const e of hits) {
      expect(e.location).toMatch(/^\/\S+/);
      expect(e.line).toBeGreaterThan(0);
    }
  });

  it.each(all.filter((f) => f.ok).map((f) => [f.file, f] as const))('%s passes its rule', (_, f) => {
    const r = check(readFileSync(join(fixturesDir, f.file)));
    expect(r.xsdValid, JSON.stringify(r.fouten)).toBe(true);
    expect(r.fouten.filter((e) => e.code === f.code)).toEqual([]);
  });
});

describe('scenario fixtures break no rule', () => {
  it.each(fixtures('valid-').map((f) => [f.name, f] as const))('%s', (_, f) => {
    expect(check(f.bytes).fouten).toEqual([]);
  });
});
