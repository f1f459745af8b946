/**
 * Fixture discipline for cross-message rules: fixtures/sequences/<rule>/breaks.txt lists messages
 * whose last one breaks that rule (every earlier one is admitted); passes.txt a sequence that ends
 * in an admitted message close to the breaking one.
 */
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../support/paths.js';
import { replayer, sequences } from './replay.js';

const all = sequences(fixturesDir);

describe.each(all)('$rule $kind', ({ rule, kind, files }) => {
  it(kind === 'breaks' ? `ends in a message rejected with ${rule}` : 'ends in an admitted message', async () => {
    const r = replayer();
    try {
      const steps = [];
      for (const f of files) steps.push(await r.send(f.name, f.bytes));
      const last = steps.at(-1)!;
      for (const s of steps.slice(0, -1)) {
        expect(s.admission.violations.map((v) => `${v.code} ${v.location}`), `${s.name} should be admitted`).toEqual([]);
      }
      const codes = last.admission.violations.map((v) => v.code);
      if (kind === 'breaks') {
        expect(codes, `${last.name} should break ${rule}`).toContain(rule);
        expect(last.admission.stored).toBe(false);
      } else {
        expect(last.admission.violations.map((v) => `${v.code} ${v.location}`), last.name).toEqual([]);
        expect(last.admission.stored).toBe(true);
      }
    } finally {
      await r.close();
    }
  });
});
