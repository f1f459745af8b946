import { describe, expect, it } from 'vitest';
import { systemIds } from '../../src/ingest/ids.js';

describe('systemIds', () => {
  it('hands out answer identifications of at most 12 characters (LDT_IdentificatieBericht), unique within one millisecond', () => {
    const ids = systemIds(() => Date.parse('2026-03-02T08:00:00.000Z'));
    const answers = Array.from({ length: 5_000 }, () => ids.answer());
    expect(new Set(answers).size).toBe(answers.length);
    for (const a of answers.slice(0, 50)) expect(a).toMatch(/^G[0-9A-Z]{11}$/);
  });

  it('hands out store ids that sort by time and do not repeat', () => {
    let now = Date.parse('2026-03-02T08:00:00.000Z');
    const ids = systemIds(() => now);
    const seen: string[] = [];
    for (let i = 0; i < 100; i++) {
      now += 1;
      seen.push(ids.bericht());
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toMatch(/^[0-9a-z]{9}[0-9a-f]{16}$/);
  });
});
