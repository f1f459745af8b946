/**
 * Runs message analysis in worker threads, or in-process when asked for zero workers (tests, the
 * CLI). Both paths call the same `analyse`, so they cannot differ in verdict.
 */
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { packageRoot } from '../standard/paths.js';
import type { Fout } from '../validate/report.js';
import type { RuleOptions } from '../validate/rules/rule.js';
import { ChunkPool, LARGE_BYTES } from '../validate/large.js';
import { SchemaSet } from '../validate/schema-set.js';
import { analyse, type Analysis } from './analyse.js';

export interface AnalyserSettings {
  readonly maxBytes: number;
  readonly rules: RuleOptions;
  /** Defaults to our own schemas. */
  readonly schemaDir?: string;
}

export interface AnalyseTask {
  readonly bytes: Uint8Array;
  readonly answerId: string;
  readonly today: string;
  readonly headerCodes?: readonly string[];
  readonly crossViolations?: readonly Fout[];
}

export interface Analyser {
  analyse(task: AnalyseTask): Promise<Analysis>;
  close(): Promise<void>;
}

/**
 * Analysis on the calling thread: what each worker runs, and what zero workers means. A large
 * declaratie gets chunk threads of its own, started on first need.
 */
export function localAnalyser(settings: AnalyserSettings): Analyser {
  const schemas = (settings.schemaDir === undefined ? SchemaSet.ours() : SchemaSet.fromDir(settings.schemaDir)).compileAll();
  let chunkPool: ChunkPool | undefined;
  return {
    analyse: (task) => {
      if (task.bytes.byteLength >= LARGE_BYTES) chunkPool ??= new ChunkPool(schemas.dir);
      return analyse(task.bytes, {
        ...task,
        schemas,
        maxBytes: settings.maxBytes,
        rules: settings.rules,
        ...(chunkPool === undefined ? {} : { chunkPool }),
      });
    },
    close: async () => {
      await chunkPool?.close();
    },
  };
}

/**
 * Analysis on worker threads. The gateway with ingest threads (IJW_WORKERS ≥ 1) sends only large
 * declaraties here, one at a time; small messages are analysed on the ingest threads themselves.
 */
export function createAnalyser(settings: AnalyserSettings, workers: number): Analyser {
  if (workers === 0) return localAnalyser(settings);
  // Workers run the compiled JavaScript, also when the caller runs from the TypeScript sources.
  const pool = new Piscina({
    filename: join(packageRoot(), 'dist', 'ingest', 'worker.js'),
    workerData: settings,
    minThreads: workers,
    maxThreads: workers,
    // A few tasks queued per thread keeps the workers busy without hiding overload.
    concurrentTasksPerWorker: 2,
  });
  return {
    analyse: (task) => pool.run(task) as Promise<Analysis>,
    close: () => pool.destroy(),
  };
}

/**
 * An analyser made on its first use. The gateway with ingest threads keeps its pool only for large
 * declaraties, which many installations never receive: started at once, it would hold a thread
 * with compiled schemas from start-up on for nothing.
 */
export function lazyAnalyser(create: () => Analyser): Analyser {
  let made: Analyser | undefined;
  return {
    analyse: (task) => (made ??= create()).analyse(task),
    close: async () => {
      await made?.close();
    },
  };
}
