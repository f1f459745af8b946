/**
 * Reads mappings/ at startup. Any problem stops the gateway with every problem listed; a mapping
 * file is never skipped or half-applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayError } from '../errors.js';
import { packageRoot } from '../standard/paths.js';
import { buildDirectory } from './directory.js';
import { GEMEENTEN_FILE, PARTIES_FILE, REGIOS_FILE } from './schema.js';
import type { Directory } from './types.js';
import { FILE_ORDER, validateMappings, type MappingsIssue } from './validate.js';

/** IJW_ERR_MAPPINGS, with every problem as data in `issues` and as one line each in the message. */
export class MappingsError extends GatewayError {
  constructor(
    readonly dir: string,
    readonly issues: readonly MappingsIssue[],
  ) {
    const n = issues.length;
    const lines = issues.map((i) => `  ${i.file}: ${i.path}: ${i.message}`);
    super('IJW_ERR_MAPPINGS', [`invalid mappings in ${dir} (${n} problem${n === 1 ? '' : 's'}):`, ...lines].join('\n'));
    this.name = 'MappingsError';
  }
}

/** The mappings/ folder shipped with the package: the samples. */
export function defaultMappingsDir(): string {
  return join(packageRoot(), 'mappings');
}

type Read = { ok: true; value: unknown } | { ok: false; issue: MappingsIssue };

function readJson(dir: string, file: string): Read {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(cause);
    return { ok: false, issue: { file, path: '$', message: `cannot read: ${reason}` } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { ok: false, issue: { file, path: '$', message: `not valid JSON: ${(cause as Error).message}` } };
  }
}

export function loadMappings(dir: string): Directory {
  const files = [GEMEENTEN_FILE, PARTIES_FILE, REGIOS_FILE].map((file) => readJson(dir, file));
  const unreadable = files.flatMap((r) => (r.ok ? [] : [r.issue]));
  const [gemeenten, parties, regios] = files.map((r) => (r.ok ? r.value : undefined));
  const result = validateMappings({ gemeenten, parties, regios });
  if (unreadable.length > 0) {
    // Keep the problems of the files that did parse; drop the "is required" noise about the unreadable ones.
    const broken = new Set(unreadable.map((i) => i.file));
    const rest = result.ok ? [] : result.issues.filter((i) => !broken.has(i.file));
    const byFile = (i: MappingsIssue) => FILE_ORDER.indexOf(i.file);
    throw new MappingsError(dir, [...unreadable, ...rest].sort((a, b) => byFile(a) - byFile(b)));
  }
  if (!result.ok) throw new MappingsError(dir, result.issues);
  return buildDirectory(result.mappings);
}
