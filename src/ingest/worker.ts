/**
 * Worker-thread entry for piscina: validation and rule checks are CPU work that would stall the
 * event loop (fastify serves ~25k no-op requests/s but only ~1,800/s with validation inline).
 * Each worker compiles the schemas once and then analyses messages as they come.
 */
import { workerData } from 'node:worker_threads';
import { localAnalyser, type AnalyserSettings, type AnalyseTask, type Settled } from './pool.js';

const analyser = localAnalyser(workerData as AnalyserSettings);

/** A batch of tasks (see createAnalyser), one after the other; a failure stays with its own task. */
export default async function run(tasks: readonly AnalyseTask[]): Promise<Settled[]> {
  const out: Settled[] = [];
  for (const task of tasks) {
    try {
      out.push({ ok: true, value: await analyser.analyse(task) });
    } catch (err) {
      out.push({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}
