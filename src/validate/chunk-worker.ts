/** Worker-thread entry for piscina: schema-validates one chunk of a large JW323 (see large.ts). */
import { workerData } from 'node:worker_threads';
import { validateXsd } from './libxml2-engine.js';
import type { ChunkTask } from './large.js';
import type { ValidationResult } from './report.js';
import { SchemaSet } from './schema-set.js';

const sets = new Map<string, SchemaSet>();
const warm = (workerData as { schemaDir?: string } | null)?.schemaDir;
if (warm !== undefined) sets.set(warm, SchemaSet.fromDir(warm).compileAll());

export default function run(task: ChunkTask): ValidationResult {
  let schemas = sets.get(task.schemaDir);
  if (schemas === undefined) {
    schemas = SchemaSet.fromDir(task.schemaDir);
    sets.set(task.schemaDir, schemas);
  }
  return validateXsd(task.bytes, { schemas, maxBytes: task.maxBytes }).result;
}
