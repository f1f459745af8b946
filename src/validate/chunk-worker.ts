/** Worker-thread entry for piscina: schema-validates one chunk of a large JW323 (see large.ts). */
import { validateXsd } from './libxml2-engine.js';
import type { ChunkTask } from './large.js';
import type { ValidationResult } from './report.js';
import { SchemaSet } from './schema-set.js';

const sets = new Map<string, SchemaSet>();

export default function run(task: ChunkTask): ValidationResult {
  let schemas = sets.get(task.schemaDir);
  if (schemas === undefined) {
    schemas = SchemaSet.fromDir(task.schemaDir);
    sets.set(task.schemaDir, schemas);
  }
  return validateXsd(task.bytes, { schemas, maxBytes: task.maxBytes }).result;
}
