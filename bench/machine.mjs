/**
 * What this machine does to work that arrives spread out, apart from the gateway: the evidence
 * behind c)'s half-load figures (bench/README.md, c), "Twelfth session").
 *
 *   node bench/machine.mjs [--rounds 6] [--gap-seconds 30]
 *
 * 1. One JW301 validation (validateWithLibxml2, as the raw rate of c) measures it) timed after a
 *    pause of 1 and 3 ms, three ways: none (back to back), a busy loop of register arithmetic in
 *    which the thread keeps its CPU and touches no memory, and asleep (Atomics.wait). Median wall
 *    time per validation over 600 in each of --rounds rounds. A busy loop that touches no memory
 *    should leave the caches as they were and the next validation as fast as back to back; on
 *    this VM it does not, so something outside the guest evicts them.
 * 2. Two processes, one per vCPU, read the clock in a loop for --gap-seconds and report every gap
 *    over 2 ms: the time the host or the guest's scheduler took their CPU away.
 *
 * Needs `npm run build` (dist/). Run it alone: anything else on the machine changes both answers.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bodyFactory } from './http.mjs';

const SELF = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};

if (argv[0] === 'gaps') {
  const end = performance.now() + Number(argv[1]) * 1000;
  let last = performance.now();
  const gaps = [];
  for (;;) {
    const t = performance.now();
    if (t - last > 2) gaps.push(t - last);
    last = t;
    if (t > end) break;
  }
  gaps.sort((a, b) => b - a);
  process.stdout.write(`${JSON.stringify({ gaps: gaps.length, lostMs: Math.round(gaps.reduce((a, b) => a + b, 0)), longestMs: gaps.slice(0, 5).map((g) => +g.toFixed(1)) })}\n`);
  process.exit(0);
}

const ROUNDS = Number(opt('--rounds', 6));
const GAP_SECONDS = Number(opt('--gap-seconds', 30));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { loadConfig } = await import(dist('config.js'));
const { SchemaSet } = await import(dist('validate/schema-set.js'));
const { validateWithLibxml2 } = await import(dist('validate/libxml2-engine.js'));
const config = loadConfig({}, {});
const settings = { schemas: SchemaSet.ours().compileAll(), maxBytes: config.maxBytes, rules: { xsdVersies: { basisschema: config.xsdVersies, bericht: config.xsdVersies } } };
const body = bodyFactory();
const bodies = Array.from({ length: 600 }, (_, i) => Buffer.from(body(i)));
const validate = (b) => {
  if (!validateWithLibxml2(b, settings).valid) throw new Error('a generated JW301 is not valid');
};

const cell = new Int32Array(new SharedArrayBuffer(4));
function busy(ms) {
  const end = performance.now() + ms;
  let x = 1;
  for (;;) {
    for (let i = 0; i < 2000; i++) x = (x * 1103515245 + 12345) | 0;
    if (performance.now() >= end) return x;
  }
}
const pauses = { 'back to back': () => {}, 'busy loop': busy, asleep: (ms) => Atomics.wait(cell, 0, 0, ms) };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

for (let w = 0; w < 3; w++) for (const b of bodies) validate(b);
console.log(`1. One JW301 validation after a pause: median ms over ${bodies.length} per round, ${ROUNDS} rounds`);
for (const ms of [1, 3]) {
  const rounds = Object.fromEntries(Object.keys(pauses).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [kind, pause] of Object.entries(pauses)) {
      const times = bodies.map((b) => {
        pause(ms);
        const t0 = performance.now();
        validate(b);
        return performance.now() - t0;
      });
      rounds[kind].push(median(times));
    }
  }
  for (const [kind, m] of Object.entries(rounds)) console.log(`   pause ${ms} ms, ${kind.padEnd(12)} ${m.map((x) => x.toFixed(3)).join(' ')}`);
}

console.log(`2. Two processes reading the clock for ${GAP_SECONDS} s, gaps over 2 ms:`);
const runs = [0, 1].map(
  () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SELF, 'gaps', String(GAP_SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`gaps child exited ${code}`))));
    }),
);
for (const r of await Promise.all(runs)) console.log(`   ${r.gaps} gaps, ${r.lostMs} ms in all, longest ${r.longestMs.join(', ')} ms`);
