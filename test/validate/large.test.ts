/**
 * A large JW323 validated in chunks must get exactly the report the whole-document path gives:
 * the same verdict, and every defect with the same code, location and line.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkWithLibxml2 } from '../../src/validate/libxml2-engine.js';
import { ChunkPool, LARGE_BYTES, checkLarge, planChunks } from '../../src/validate/large.js';
import { DEFAULT_MAX_BYTES } from '../../src/validate/preflight.js';
import type { Fout } from '../../src/validate/report.js';
import { DEFAULT_RULE_OPTIONS } from '../../src/validate/rules/run.js';
import { SchemaSet } from '../../src/validate/schema-set.js';
import { fixture } from '../support/fixtures.js';

const options = { schemas: SchemaSet.ours(), maxBytes: DEFAULT_MAX_BYTES, rules: DEFAULT_RULE_OPTIONS };
const pool = new ChunkPool(undefined, 2);
// Thousands of violations on ~3 MB with the whole-document path as reference: slower than most tests.
vi.setConfig({ testTimeout: 180_000 });
afterAll(() => pool.close());

const base = fixture('jw323/valid-march-three-clients-with-credit.xml').toString('utf8');
const open = base.indexOf('<jw323:Clienten>') + '<jw323:Clienten>'.length;
const close = base.indexOf('</jw323:Clienten>');
const clients = base.slice(open, close);

/** A claim of about 3 MB: the fixture's clients many times over, each copy edited by `edit`. */
function big(edit: (copy: string, i: number) => string = (c) => c, copies = 700): string {
  let body = '';
  for (let i = 0; i < copies; i++) body += edit(clients, i);
  return base.slice(0, open) + body + base.slice(close);
}

function key(f: Fout): string {
  return `${f.code}|${f.retourcode}|${f.location}|${f.line}|${f.message}|${f.detail}`;
}

async function same(text: string) {
  const bytes = Buffer.from(text);
  expect(bytes.byteLength).toBeGreaterThan(LARGE_BYTES);
  const whole = checkWithLibxml2(bytes, options).result;
  const chunked = (await checkLarge(bytes, options, pool)).result;
  expect({ ...chunked, fouten: chunked.fouten.map(key).sort() }).toEqual({ ...whole, fouten: whole.fouten.map(key).sort() });
  return whole;
}

describe('chunked validation of a large JW323', () => {
  it('plans chunks of whole clients with the right line and client offsets', () => {
    const plan = planChunks(Buffer.from(big()))!;
    expect(plan.chunks.length).toBeGreaterThan(2);
    const first = plan.chunks[0]!;
    const second = plan.chunks[1]!;
    expect(first.clientsBefore).toBe(0);
    expect(second.clientsBefore).toBeGreaterThan(0);
    expect(second.startLine).toBe(first.startLine + first.lines);
  });

  it('leaves small and non-JW323 messages to the whole-document path', () => {
    expect(planChunks(fixture('jw301/valid-specific-hours-per-week-after-vot.xml'))).toBeNull();
    expect(planChunks(Buffer.from(base))).toBeNull();
  });

  it('gives the whole-document report for a schema-valid claim, rules included', async () => {
    const r = await same(big());
    expect(r.xsdValid).toBe(true);
    // Copies repeat ReferentieNummers and BSNs: the rules must find that across chunks too.
    expect(r.fouten.some((f) => f.code === 'TR101')).toBe(true);
  });

  it('maps schema errors in several chunks and in the shared header back to their places', async () => {
    const r = await same(
      big((c, i) => (i % 250 === 7 ? c.replace('<ijw:Bedrag>', '<ijw:Bedrag>-') : c)).replace(
        '<jw323:DeclaratieNummer>JGV2026D0002<',
        '<jw323:DeclaratieNummer>JGV-2026-D2<',
      ),
    );
    expect(r.xsdValid).toBe(false);
    const locations = r.fouten.map((f) => f.location);
    expect(locations.some((l) => l.endsWith('DeclaratieNummer'))).toBe(true);
    expect(new Set(locations.filter((l) => l.includes('Client[')).map((l) => /Client\[(\d+)\]/.exec(l)?.[1])).size).toBe(3);
  });

  it('falls back to the whole document when a split point hides in a comment', async () => {
    const r = await same(big((c, i) => (i === 300 ? `<!-- </jw323:Client> -->${c}` : c)));
    expect(r.wellFormed).toBe(true);
  });

  it('reports a malformed claim as the whole-document path does', async () => {
    const r = await same(big((c, i) => (i === 400 ? c.replace('</jw323:Prestaties>', '') : c)));
    expect(r.wellFormed).toBe(false);
  });
});
