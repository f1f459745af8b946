/** Worker-thread entry for piscina: schema-validates one chunk of a large JW323 (see large.ts). */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { validateXsd } from './libxml2-engine.js';
import type { ChunkTask } from './large.js';
import type { ValidationResult } from './report.js';
import { SchemaSet } from './schema-set.js';

/**
 * While the chunks are validated here, the thread that asked runs the claim's rules: the longer
 * path. A lower scheduling priority for these threads lets the rules have a core of their own, and
 * the chunks take what is left and then every core. Linux only (a thread's id comes from
 * /proc/thread-self); elsewhere, or when refused, the threads keep the normal priority.
 */
function yieldToCaller(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: correct either way, only less well scheduled.
  }
}
yieldToCaller();

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
