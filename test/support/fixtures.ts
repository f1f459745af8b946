import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from './paths.js';

export interface Fixture {
  /** Path relative to fixtures/, e.g. 'jw301/valid-specifiek.xml'. */
  readonly name: string;
  /** Upper-case message type from the folder, e.g. 'JW301'; null for hostile/ and the like. */
  readonly type: string | null;
  readonly bytes: Buffer;
}

/** Every fixture whose file name starts with `prefix` (e.g. 'valid-', 'xsd-'), across all type folders. */
export function fixtures(prefix: string): Fixture[] {
  const out: Fixture[] = [];
  for (const dir of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const type = /^jw\d{3}$/.test(dir.name) ? dir.name.toUpperCase() : null;
    for (const file of readdirSync(join(fixturesDir, dir.name)).sort()) {
      if (file.startsWith(prefix) && file.endsWith('.xml')) {
        out.push({ name: `${dir.name}/${file}`, type, bytes: readFileSync(join(fixturesDir, dir.name, file)) });
      }
    }
  }
  return out;
}

export function fixture(name: string): Buffer {
  return readFileSync(join(fixturesDir, name));
}
