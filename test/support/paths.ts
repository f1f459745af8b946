import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(repoRoot, 'fixtures');
export const sharedDir = resolve(repoRoot, '..', 'shared', 'ijw-3.2');
export const officialXsdDir = join(sharedDir, 'xsd');
export const hasShared = existsSync(join(officialXsdDir, 'basisschema.xsd'));

/** Call at the top of a suite that needs ../shared, so a skip never goes unexplained. */
export function warnIfNoShared(suite: string): void {
  if (!hasShared) {
    console.warn(`[${suite}] skipped: ../shared/ijw-3.2 (the official iJw 3.2 material) is not beside the repo.`);
  }
}
