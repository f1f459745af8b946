/**
 * What a slow list does to intake: a gateway child (2 ingest threads) on a store of N messages
 * (default 400,000, nearly all Ede's), paced POSTs of valid JW301s from Ede at RATE/s, and every
 * second a GET /berichten?afzender=9999 from Ede, a filter that matches none of its messages and so
 * reads all of them. Prints the POSTs' latency and each GET's time. Information, not a target of
 * `npm run bench`; IJW_BENCH_ROOT=<dir> measures another build, as for bench/http.mjs.
 *   npm run build && node bench/list-load.mjs [N] [RATE] [SECONDS]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { bodyFactory, pacedCalls, startGatewayChild } from './http.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(process.env.IJW_BENCH_ROOT ?? join(HERE, '..'));
const { migrate } = await import(join(ROOT, 'dist', 'store', 'migrations.js'));
const N = Number(process.argv[2] ?? 400_000);
const RATE = Number(process.argv[3] ?? 800);
const SECONDS = Number(process.argv[4] ?? 12);
const HEADERS = { 'content-type': 'application/xml', 'x-api-key': 'demo-ede-0228-not-secret' };

const dataDir = mkdtempSync(join(tmpdir(), 'ijw-list-load-'));
const db = new Database(join(dataDir, 'ijw-gateway.sqlite'));
db.pragma('journal_mode = WAL');
migrate(db);
const insert = db.prepare(`INSERT INTO berichten (id, received_at, type, origin, sender_id, recipient_id, afzender, ontvanger,
  identificatie, sha256, size, body, status, report, retourcodes)
  VALUES (?, ?, 'JW301', 'received', 'gemeente:0228', 'aanbieder:98041733', '0228', '98041733', ?, 'h', 2000, ?, 'accepted', '{}', '[]')`);
const filler = Buffer.alloc(2000, 65);
// One a minute from 1 January 2025; ids below the gateway's own, which start with the time in base 36.
db.transaction(() => {
  for (let i = 0; i < N; i++) insert.run(`0${1e11 + i}`, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), `X${i}`, filler);
})();
db.close();

const gateway = await startGatewayChild(2, dataDir);
const url = gateway.url;
const posts = new Pool(url, { connections: 50 });
const reads = new Pool(url, { connections: 1 });
const body = bodyFactory();
let next = 0;

async function run(seconds, withReads) {
  const latencies = [];
  const getTimes = [];
  let stop = false;
  const reader = (async () => {
    while (withReads && !stop) {
      await new Promise((r) => setTimeout(r, 1000));
      if (stop) break;
      const t = performance.now();
      const res = await reads.request({ path: '/berichten?afzender=9999&limit=50', method: 'GET', headers: HEADERS });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`GET /berichten answered ${res.statusCode}`);
      getTimes.push(performance.now() - t);
    }
  })();
  await pacedCalls(RATE, RATE * seconds, (scheduled) =>
    posts.request({ path: '/berichten', method: 'POST', headers: HEADERS, body: body(next++) }).then(async (res) => {
      await res.body.text();
      if (res.statusCode !== 202) throw new Error(`POST /berichten answered ${res.statusCode}`);
      latencies.push(performance.now() - scheduled);
    }),
  );
  stop = true;
  await reader;
  return { latencies: latencies.sort((a, b) => a - b), getTimes };
}

try {
  await run(3, false);
  const { latencies, getTimes } = await run(SECONDS, true);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)].toFixed(1);
  console.log(`${N.toLocaleString('en')} messages stored; POST at ${RATE}/s for ${SECONDS} s with a slow GET each second`);
  console.log(`  POST latency: n ${latencies.length}, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`  GET /berichten?afzender=9999: ${getTimes.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
} finally {
  await posts.close();
  await reads.close();
  await gateway.quit();
  rmSync(dataDir, { recursive: true, force: true });
}
