import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEYS, demoKeysInUse, isDemoKey } from '../../src/mappings/demo-keys.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';

const dir = loadMappings(defaultMappingsDir());
const readme = readFileSync(join(defaultMappingsDir(), 'README.md'), 'utf8');

/** Rows of the demo key table: | `party id` | name | `key` | */
function readmeTable(): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const m of readme.matchAll(/^\| `([a-z]+:[a-z0-9-]+)` \| [^|]+ \| `(demo-[^`]+)` \|$/gm)) {
    rows[m[1] as string] = m[2] as string;
  }
  return rows;
}

describe('demo API keys', () => {
  it('are the same in mappings/README.md and in DEMO_API_KEYS', () => {
    expect(readmeTable()).toEqual(DEMO_API_KEYS);
  });

  it('each authenticate as their party in the sample parties.json', () => {
    for (const [id, key] of Object.entries(DEMO_API_KEYS)) {
      expect(dir.byApiKey(key)?.id, key).toBe(id);
      expect(isDemoKey(key)).toBe(true);
    }
  });

  it('are all a sample party has: every configured key is a demo key', () => {
    const withKeys = dir.parties.filter((p) => p.apiKeySha256.length > 0).map((p) => p.id);
    expect(withKeys.sort()).toEqual(Object.keys(DEMO_API_KEYS).sort());
    expect(demoKeysInUse(dir)).toEqual(Object.keys(DEMO_API_KEYS).sort());
  });

  it('are told apart by their prefix', () => {
    expect(isDemoKey('k8Jq2mVx0d')).toBe(false);
    expect(isDemoKey('Demo-ede')).toBe(false);
  });
});
