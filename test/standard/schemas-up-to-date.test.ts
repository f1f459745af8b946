/**
 * The committed schemas under schemas/ijw-3.2/ must be exactly what the model generates: the
 * schemas ship in the package and the validators read them, while the tests reason about the
 * model. No ../shared needed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../src/standard/catalogue.js';
import { generateSchemas } from '../../src/standard/generate/xsd.js';
import { schemaDir } from '../../src/standard/paths.js';

const HINT = 'run `npm run gen:schemas` and commit the result';

describe('committed schemas', () => {
  const generated = generateSchemas();
  const dir = schemaDir();

  it('are generated for the basisschema and all 14 message types', () => {
    expect(generated.size).toBe(MESSAGE_TYPES.length + 1);
    expect(existsSync(dir), `${dir} is missing: ${HINT}`).toBe(true);
  });

  it('are the same set of files as the generator writes', () => {
    const committed = readdirSync(dir).filter((f) => f.endsWith('.xsd')).sort();
    expect(committed, `schema files in ${dir} differ from the generated set: ${HINT}`).toEqual([...generated.keys()].sort());
  });

  it.each([...generated.keys()])('%s equals the generator output byte for byte', (name) => {
    const file = path.join(dir, name);
    expect(existsSync(file), `${file} is missing: ${HINT}`).toBe(true);
    const committed = readFileSync(file);
    const expected = Buffer.from(generated.get(name) ?? '', 'utf8');
    if (!committed.equals(expected)) {
      const a = committed.toString('utf8').split('\n');
      const b = expected.toString('utf8').split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      const at = line < 0 ? Math.min(a.length, b.length) : line;
      expect.fail(
        `${file} is out of date with the model (first difference at line ${at + 1}:\n` +
          `  committed: ${JSON.stringify(a[at] ?? '(end of file)')}\n  generated: ${JSON.stringify(b[at] ?? '(end of file)')}); ${HINT}`,
      );
    }
  });
});
