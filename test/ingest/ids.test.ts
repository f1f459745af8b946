import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { answerStamps, systemIds } from '../../src/ingest/ids.js';
import { packageRoot } from '../../src/standard/paths.js';

const FROZEN = Date.parse('2026-03-02T08:00:00.000Z');

describe('systemIds', () => {
  it('hands out answer identifications of at most 12 characters (LDT_IdentificatieBericht), unique within one millisecond', () => {
    const ids = systemIds(() => Date.parse('2026-03-02T08:00:00.000Z'));
    const answers = Array.from({ length: 5_000 }, () => ids.answer());
    expect(new Set(answers).size).toBe(answers.length);
    for (const a of answers.slice(0, 50)) expect(a).toMatch(/^G[0-9A-Z]{11}$/);
  });

  it('stays at 12 characters and unique when one millisecond asks for more than 46,656 answers', () => {
    const ids = systemIds(() => FROZEN);
    const answers = Array.from({ length: 46_656 + 100 }, () => ids.answer());
    expect(new Set(answers).size).toBe(answers.length);
    expect(answers.filter((a) => !/^G[0-9A-Z]{11}$/.test(a))).toEqual([]);
    // Borrowed from the next millisecond, so still increasing.
    expect(answers.at(-1)! > answers[0]!).toBe(true);
  });

  it('hands out no answer identification twice among instances that share their stamps, as the threads of one gateway do', () => {
    const shared = answerStamps();
    const a = systemIds(() => FROZEN, shared);
    const b = systemIds(() => FROZEN, shared);
    const answers = Array.from({ length: 2_000 }, (_, i) => (i % 2 === 0 ? a : b).answer());
    expect(new Set(answers).size).toBe(answers.length);
    // Without sharing, two instances in one millisecond repeat each other: what the sharing is for.
    const [c, d] = [systemIds(() => FROZEN), systemIds(() => FROZEN)];
    expect(c.answer()).toBe(d.answer());
  });

  it('hands out no answer identification twice across worker threads that share their stamps', async () => {
    const shared = answerStamps();
    const ids = pathToFileURL(join(packageRoot(), 'dist', 'ingest', 'ids.js')).href;
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        const worker = new Worker(
          `const { workerData, parentPort } = require('node:worker_threads');
           import(${JSON.stringify(ids)}).then(({ systemIds }) => {
             const ids = systemIds(() => ${FROZEN}, workerData);
             parentPort.postMessage(Array.from({ length: 20000 }, () => ids.answer()));
           });`,
          { eval: true, workerData: shared },
        );
        worker.once('message', (m: string[]) => {
          resolve(m);
          void worker.terminate();
        });
        worker.once('error', reject);
      });
    const [first, second] = await Promise.all([run(), run()]);
    const all = [...first!, ...second!];
    expect(all).toHaveLength(40_000);
    expect(new Set(all).size).toBe(40_000);
  });

  it('hands out store ids that sort by time and do not repeat', () => {
    let now = Date.parse('2026-03-02T08:00:00.000Z');
    const ids = systemIds(() => now);
    const seen: string[] = [];
    for (let i = 0; i < 100; i++) {
      now += 1;
      seen.push(ids.bericht());
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toMatch(/^[0-9a-z]{9}[0-9a-f]{16}$/);
  });
});
