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

/** A worker's answer for one task of a batch: the analysis, or why it failed. */
export type Settled = { readonly ok: true; readonly value: Analysis } | { readonly ok: false; readonly error: string };

interface Waiting {
  readonly task: AnalyseTask;
  readonly resolve: (a: Analysis) => void;
  readonly reject: (e: Error) => void;
}

/**
 * Analysis on worker threads. The tasks that arrive in one turn of the event loop travel to the
 * workers together, split over them: one hand-off (a structured clone, a wake-up of the thread and
 * piscina's bookkeeping) per worker per turn instead of per message. Under load a turn brings many
 * messages, and that hand-off cost the event loop as much as the rest of a message's handling.
 * A large declaratie goes alone: it takes seconds and must not hold up the small ones.
 */
export function createAnalyser(settings: AnalyserSettings, workers: number): Analyser {
  if (workers === 0) return localAnalyser(settings);
  // Workers run the compiled JavaScript, also when the caller runs from the TypeScript sources.
  const pool = new Piscina({
    filename: join(packageRoot(), 'dist', 'ingest', 'worker.js'),
    workerData: settings,
    minThreads: workers,
    maxThreads: workers,
    // A batch queued behind the one running keeps a worker busy without hiding overload.
    concurrentTasksPerWorker: 2,
  });
  let waiting: Waiting[] = [];
  const send = (batch: readonly Waiting[]): void => {
    (pool.run(batch.map((w) => w.task)) as Promise<Settled[]>).then(
      (settled) => {
        for (const [i, s] of settled.entries()) {
          const w = batch[i]!;
          if (s.ok) w.resolve(s.value);
          else w.reject(new Error(s.error));
        }
      },
      (err: Error) => {
        for (const w of batch) w.reject(err);
      },
    );
  };
  const flush = (): void => {
    const all = waiting;
    waiting = [];
    // Contiguous slices, one per worker: the earliest arrivals are answered first.
    const slices = Math.min(workers, all.length);
    const size = Math.ceil(all.length / slices);
    for (let start = 0; start < all.length; start += size) send(all.slice(start, start + size));
  };
  return {
    analyse: (task) =>
      new Promise<Analysis>((resolve, reject) => {
        if (task.bytes.byteLength >= LARGE_BYTES) {
          send([{ task, resolve, reject }]);
          return;
        }
        if (waiting.length === 0) setImmediate(flush);
        waiting.push({ task, resolve, reject });
      }),
    close: () => pool.destroy(),
  };
}
