/**
 * Every rule the standard scopes as checkable inside one message is either implemented or listed,
 * with a reason, as not applicable; and implemented rules cover the message types the standard
 * names for them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../../src/standard/catalogue.js';
import { RetourCode } from '../../../src/standard/codelijsten/index.js';
import { MESSAGE_RULES, NOT_APPLICABLE, PARTIAL_COVERAGE } from '../../../src/validate/rules/index.js';
import { parseCsv } from '../../support/csv.js';
import { sharedDir, warnIfNoShared } from '../../support/paths.js';

const csvPath = join(sharedDir, 'index', 'rules.csv');
const present = existsSync(csvPath);
warnIfNoShared('rules coverage');

describe('rule catalogue is well-formed', () => {
  it('has unique codes with Dutch and English texts and a known retourcode', () => {
    const codes = MESSAGE_RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { meta } of MESSAGE_RULES) {
      expect(meta.code).toMatch(/^(CD|CS|TR|OP|IV)\d{3}(x\d)?$/);
      expect(meta.code.startsWith(meta.kind)).toBe(true);
      expect(Object.hasOwn(RetourCode.codes, meta.retourcode), meta.code).toBe(true);
      expect(meta.nl.length, meta.code).toBeGreaterThan(15);
      expect(meta.en.length, meta.code).toBeGreaterThan(15);
    }
  });

  it('lists no rule both as implemented and as not applicable', () => {
    for (const { meta } of MESSAGE_RULES) expect(NOT_APPLICABLE[meta.code], meta.code).toBeUndefined();
    for (const [code, reason] of Object.entries(NOT_APPLICABLE)) expect(reason.length, code).toBeGreaterThan(30);
  });
});

describe.skipIf(!present)('coverage of rules.csv (scope: message)', () => {
  const rows = present ? parseCsv(readFileSync(csvPath, 'utf8')).filter((r) => r.scope === 'message') : [];
  const implemented = new Map(MESSAGE_RULES.map((r) => [r.meta.code, r]));

  it('reads the 82 message-scope rules', () => {
    expect(rows).toHaveLength(82);
  });

  it.each(rows.map((r) => [r.code ?? '', r] as const))('%s is implemented or reasoned out', (code, row) => {
    const rule = implemented.get(code);
    if (rule === undefined) {
      expect(NOT_APPLICABLE[code], `${code} (${row.summary}) is neither implemented nor listed as not applicable`).toBeDefined();
      return;
    }
    if (row.retourcode !== undefined && /^[0-9S]\d{3}$/.test(row.retourcode)) expect(rule.meta.retourcode).toBe(row.retourcode);
    const listed = (row.applies_to ?? '').split(';').filter((t) => (MESSAGE_TYPES as string[]).includes(t));
    const missing = listed.filter((t) => !(t in rule.checks) && PARTIAL_COVERAGE[`${code}/${t}`] === undefined);
    expect(missing, `${code} applies to ${listed.join(', ')}`).toEqual([]);
  });

  it('lists as not applicable only codes that exist in rules.csv', () => {
    const all = new Set(parseCsv(readFileSync(csvPath, 'utf8')).map((r) => r.code));
    for (const code of Object.keys(NOT_APPLICABLE)) expect(all.has(code), code).toBe(true);
  });
});
