/**
 * Every rule the standard scopes as needing earlier messages is either checked here or listed,
 * with a reason, as not a rejection ground we check; every checked rule answers with the
 * standard's retourcode and has a breaking and a passing fixture sequence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RetourCode } from '../../src/standard/codelijsten/index.js';
import { CROSS_NOT_APPLICABLE, CROSS_RULES } from '../../src/state/index.js';
import { MESSAGE_RULES } from '../../src/validate/rules/index.js';
import { parseCsv } from '../support/csv.js';
import { fixturesDir, sharedDir, warnIfNoShared } from '../support/paths.js';

const csvPath = join(sharedDir, 'index', 'rules.csv');
const present = existsSync(csvPath);
warnIfNoShared('cross-message rules coverage');

describe('cross-message rule catalogue', () => {
  it('has unique codes, texts in both languages and known retourcodes, none also a message rule', () => {
    const codes = CROSS_RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
    const messageCodes = new Set(MESSAGE_RULES.map((r) => r.meta.code));
    for (const { meta } of CROSS_RULES) {
      expect(meta.code).toMatch(/^(CD|CS|TR|OP|IV)\d{3}(x\d)?$/);
      expect(Object.hasOwn(RetourCode.codes, meta.retourcode), meta.code).toBe(true);
      expect(meta.nl.length, meta.code).toBeGreaterThan(15);
      expect(meta.en.length, meta.code).toBeGreaterThan(15);
      expect(messageCodes.has(meta.code), `${meta.code} is also a message rule`).toBe(false);
      expect(Object.hasOwn(CROSS_NOT_APPLICABLE, meta.code), `${meta.code} is both checked and not applicable`).toBe(false);
    }
  });

  it('has a breaking and a passing sequence for every rule', () => {
    for (const { meta } of CROSS_RULES) {
      const dir = join(fixturesDir, 'sequences', meta.code.toLowerCase());
      expect(existsSync(join(dir, 'breaks.txt')), `${dir}/breaks.txt`).toBe(true);
      expect(existsSync(join(dir, 'passes.txt')), `${dir}/passes.txt`).toBe(true);
    }
  });

  it.skipIf(!present)('covers every history-scope rule of rules.csv, with its retourcode', () => {
    const all = parseCsv(readFileSync(csvPath, 'utf8'));
    const rows = all.filter((r) => r.scope === 'history');
    expect(rows.length).toBeGreaterThan(100);
    const checked = new Map(CROSS_RULES.map((r) => [r.meta.code, r.meta]));
    const missing: string[] = [];
    for (const row of rows) {
      const code = row.code ?? '';
      const meta = checked.get(code);
      if (meta !== undefined) {
        if (row.retourcode !== '') expect(meta.retourcode, code).toBe(row.retourcode);
      } else if (!Object.hasOwn(CROSS_NOT_APPLICABLE, code)) missing.push(code);
    }
    expect(missing, 'history rules neither checked nor reasoned out').toEqual([]);
    const known = new Set(rows.map((r) => r.code));
    // Rules on external data (scope 'external', e.g. TR418 against contract tariffs) may be cross rules too.
    const external = new Map(all.filter((r) => r.scope === 'external').map((r) => [r.code, r]));
    for (const code of Object.keys(CROSS_NOT_APPLICABLE)) expect(known.has(code), `${code} is not a history rule`).toBe(true);
    for (const [code, meta] of checked) {
      const ext = external.get(code);
      if (ext !== undefined) expect(meta.retourcode, code).toBe(ext.retourcode);
      else expect(known.has(code), `${code} is not a history or external rule`).toBe(true);
    }
    // A rule that is a rejection ground (it has a retourcode) is never only reasoned out.
    for (const row of rows) {
      if (row.retourcode !== '' && row.code !== 'TR056') expect(checked.has(row.code ?? ''), `${row.code} (${row.retourcode}) must be checked`).toBe(true);
    }
  });
});
