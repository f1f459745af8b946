/**
 * Worker-thread entry for piscina: validation and rule checks are CPU work that would stall the
 * event loop (fastify serves ~25k no-op requests/s but only ~1,800/s with validation inline).
 * Each worker compiles the schemas once and then analyses messages as they come.
 */
import { workerData } from 'node:worker_threads';
import type { Analysis } from './analyse.js';
import { localAnalyser, type AnalyserSettings, type AnalyseTask } from './pool.js';

const analyser = localAnalyser(workerData as AnalyserSettings);

export default function run(task: AnalyseTask): Promise<Analysis> {
  return analyser.analyse(task);
}
