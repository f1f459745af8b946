import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether we run from src/ (tests) or dist/ (installed). */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function schemaDir(): string {
  return join(packageRoot(), 'schemas', 'ijw-3.2');
}
