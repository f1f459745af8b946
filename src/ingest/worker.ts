/**
 * Worker-thread entry for piscina: validation and rule checks are CPU work that would stall the
 * event loop (fastify serves ~25k no-op requests/s but only ~1,800/s with validation inline).
 * Each worker compiles the schemas once and then analyses messages as they come.
 */
import { workerData } from 'node:worker_threads';
import { ChunkPool, LARGE_BYTES } from '../validate/large.js';
import { SchemaSet } from '../validate/schema-set.js';
import { analyse, type Analysis } from './analyse.js';
import type { AnalyserSettings, AnalyseTask } from './pool.js';

const settings = workerData as AnalyserSettings;
const schemas = (settings.schemaDir === undefined ? SchemaSet.ours() : SchemaSet.fromDir(settings.schemaDir)).compileAll();

// A large declaratie is validated in chunks on threads of this worker's own; started on first need.
let chunkPool: ChunkPool | undefined;

export default function run(task: AnalyseTask): Promise<Analysis> {
  if (task.bytes.byteLength >= LARGE_BYTES) chunkPool ??= new ChunkPool(schemas.dir);
  return analyse(task.bytes, {
    ...task,
    schemas,
    maxBytes: settings.maxBytes,
    rules: settings.rules,
    ...(chunkPool === undefined ? {} : { chunkPool }),
  });
}
