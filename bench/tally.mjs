#!/usr/bin/env node
/**
 * e) What the quality tallies cost at ingest: accepted messages per second with the tallies, the
 * drill-down index and the reaction terms on, against the same with them off
 * (`new SqliteStore({ tally: false })`), in the same run, alternating round by round. Target:
 * overhead ≤ 5 % (the ratio on/off ≥ 0.95), judged on the ingest path.
 *
 *   node bench/tally.mjs [--rounds 10] [--messages 2000] [--concurrency 100]
 *                        [--ingest-rounds 20] [--ingest-messages 2000] [--only store|ingest] [--json FILE] [--check]
 *
 * 1. Ingest path (the verdict): the real `ingest()` in-process, with the real analyser on this
 *    thread (`localAnalyser`: XSD, in-message rules, answers), the sample mappings with their
 *    cross-message rules and a SqliteStore on a file in WAL mode with synchronous=FULL, 100
 *    messages in flight (so group commits of about 100). Bodies: bench c)'s distinct JW301s from
 *    Ede, all accepted. Everything runs on one thread, so every microsecond the tallies add is on
 *    the path that sets the rate; with analysis on worker threads (the gateway) they weigh less.
 * 2. Store write path (information: the tallies' cost without the analysis around it):
 *    `SqliteStore.save` with group commit, as the writer thread runs it, on a file (WAL,
 *    synchronous=FULL) and on ':memory:' (CPU only). Mix: 80 % accepted JW301 (4 KB bodies, keys
 *    offered and referenced), 10 % rejected with 1-3 rule violations, 10 % XSD-invalid with 5
 *    schema errors, 40 party pairs.
 *
 * Must run after `npm run build`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './generate.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const ROUNDS = Number(opt('--rounds', 10));
const MESSAGES = Number(opt('--messages', 2000));
const CONCURRENCY = Number(opt('--concurrency', 100));
const INGEST_ROUNDS = Number(opt('--ingest-rounds', 20));
const INGEST_MESSAGES = Number(opt('--ingest-messages', MESSAGES));
const ONLY = opt('--only', undefined);
const JSON_OUT = opt('--json', undefined);
const TARGET = 0.95;

const dist = (file) => import(pathToFileURL(join(REPO_ROOT, 'dist', file)).href);
const { SqliteStore } = await dist('store/sqlite.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const GEMEENTEN = ['0228', '0345', '0203', '0546', '0484', '0363', '0344', '0599'];
const AANBIEDERS = ['98041733', '98062519', '98073318', '98090127', '98085402'];
const BODY = Buffer.alloc(4200, 0x61);
const fout = (code, retourcode) => ({ code, retourcode, location: '/jw301:Bericht/jw301:Client', line: 12, message: 'melding', detail: 'detail' });

function record(id, i) {
  const g = GEMEENTEN[i % GEMEENTEN.length];
  const a = AANBIEDERS[i % AANBIEDERS.length];
  const kind = i % 10;
  const invalid = kind === 9;
  const rejected = kind === 8;
  const fouten = invalid ? Array.from({ length: 5 }, () => fout('XSD', '0001')) : rejected ? [fout('CD005', '0001'), ...(i % 3 === 0 ? [fout('CS089', '0001'), fout('TR006', '0001')] : [])] : [];
  return {
    id,
    // One working day of traffic, as a group commit sees it: every message of the batch on the same day.
    receivedAt: new Date(Date.UTC(2026, 2, 10, 8, 0, 0, i)).toISOString(),
    type: invalid ? null : 'JW301',
    origin: 'received',
    senderId: `gemeente:${g}`,
    recipientId: invalid ? null : `aanbieder:${a}`,
    afzender: invalid ? null : g,
    ontvanger: invalid ? null : a,
    identificatie: `B-${id}`,
    dagtekening: '2026-03-01',
    idempotencyKey: invalid ? null : `${g}|JW301|${id}`,
    sha256: 'a'.repeat(64),
    body: BODY,
    status: invalid ? 'invalid' : rejected ? 'rejected' : 'accepted',
    report: { type: invalid ? null : 'JW301', berichtIdentificatie: null, wellFormed: true, xsdValid: !invalid, valid: fouten.length === 0, fouten },
    answer: { statusCode: invalid ? 422 : 202, body: { id, outcome: 'accepted' } },
    retourcodes: [],
    offers: invalid ? [] : [`heen:JW301:${g}:B-${id}`],
    references: invalid ? [] : [{ kind: 'answers', key: `verzoek:${a}:R-${i}` }],
    links: [],
    deliverTo: invalid || rejected ? null : { partyId: `aanbieder:${a}`, mode: 'mailbox' },
    quality: { sender: g, regio: 'Food Valley', variant: null, eventDate: null, woonplaats: false },
  };
}

let seq = 0;
/** CPU microseconds per item of the last inFlight() call (this process, user + system). */
let lastCpuPerItem = NaN;

/** Runs `send(i)` for `count` items with CONCURRENCY in flight; returns items per second. */
async function inFlight(count, send) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  const lane = async () => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const used = process.cpuUsage(cpu);
  lastCpuPerItem = (used.user + used.system) / count;
  return count / ((performance.now() - started) / 1000);
}

/** Saves MESSAGES records with CONCURRENCY saves in flight; returns messages per second. */
function storeRound(store) {
  const records = Array.from({ length: MESSAGES }, () => {
    seq++;
    return record(`m${String(seq).padStart(9, '0')}`, seq);
  });
  return inFlight(MESSAGES, (i) => store.save([records[i]]));
}

/**
 * One store with the tallies and one without, a warm-up round each, then ROUNDS rounds each,
 * alternating which goes first so neither always meets the other's leftovers (checkpoints).
 */
async function compare(on, off, round, rounds) {
  await round(on); // warm-up: JIT, page cache, statement caches
  await round(off);
  const rates = { on: [], off: [], ratio: [], cpuOn: [], cpuOff: [] };
  for (let r = 0; r < rounds; r++) {
    const [a, b] = r % 2 === 0 ? [on, off] : [off, on];
    const first = await round(a);
    const cpuFirst = lastCpuPerItem;
    const second = await round(b);
    const rOn = a === on ? first : second;
    const rOff = a === on ? second : first;
    rates.on.push(rOn);
    rates.off.push(rOff);
    rates.ratio.push(rOn / rOff);
    rates.cpuOn.push(a === on ? cpuFirst : lastCpuPerItem);
    rates.cpuOff.push(a === on ? lastCpuPerItem : cpuFirst);
  }
  // CPU time per message is steadier than the rate on a shared machine: a cross-check, no verdict.
  const cpu = { onUs: median(rates.cpuOn), offUs: median(rates.cpuOff) };
  return { on: median(rates.on), off: median(rates.off), ratio: median(rates.ratio), cpu: { ...cpu, ratio: cpu.offUs / cpu.onUs }, rounds: rates };
}

async function measureStore(place) {
  const dir = mkdtempSync(join(tmpdir(), 'ijw-tally-bench-'));
  const path = (name) => (place === 'memory' ? ':memory:' : join(dir, `${name}.sqlite`));
  const on = new SqliteStore({ path: path('on'), tally: true });
  const off = new SqliteStore({ path: path('off'), tally: false });
  try {
    return await compare(on, off, storeRound, ROUNDS);
  } finally {
    on.close();
    off.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The real ingest(): analysis on this thread, cross-message rules, a store on a file. */
async function measureIngest() {
  const { ingest } = await dist('ingest/ingest.js');
  const { localAnalyser } = await dist('ingest/pool.js');
  const { systemIds } = await dist('ingest/ids.js');
  const { defaultMappingsDir, loadMappings } = await dist('mappings/load.js');
  const { checkerOptions } = await dist('state/options.js');
  const { DEFAULT_MAX_BYTES } = await dist('validate/preflight.js');
  const { bodyFactory } = await import('./http.mjs');
  const mappings = defaultMappingsDir();
  const directory = loadMappings(mappings);
  const ede = directory.partyById('gemeente:0228');
  const versies = ['0.1.0', '1.0.0'];
  const analyser = localAnalyser({ maxBytes: DEFAULT_MAX_BYTES, rules: { xsdVersies: { basisschema: versies, bericht: versies } } });
  const body = bodyFactory();
  const dir = mkdtempSync(join(tmpdir(), 'ijw-tally-ingest-'));
  const stores = new Map();
  const deps = (tally) => {
    const store = new SqliteStore({ path: join(dir, `${tally ? 'on' : 'off'}.sqlite`), tally, checker: checkerOptions(mappings) });
    stores.set(store, { store, directory, analyser, ids: systemIds(), clock: () => new Date() });
    return store;
  };
  const on = deps(true);
  const off = deps(false);
  let n = 0;
  let notAccepted = 0;
  const round = (store) => {
    const d = stores.get(store);
    // Distinct bodies across both stores and all rounds, built before the clock starts.
    const bodies = Array.from({ length: INGEST_MESSAGES }, () => Buffer.from(body(n++), 'utf8'));
    return inFlight(INGEST_MESSAGES, async (i) => {
      const answer = await ingest(bodies[i], ede, d);
      if (answer.body.outcome !== 'accepted') notAccepted++;
    });
  };
  try {
    const result = await compare(on, off, round, INGEST_ROUNDS);
    if (notAccepted > 0) throw new Error(`${notAccepted} of the ingest bench's messages were not accepted: the bodies no longer fit the rules`);
    return result;
  } finally {
    on.close();
    off.close();
    await analyser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const ingestPath = ONLY === 'store' ? null : await measureIngest();
const file = ONLY === 'ingest' ? null : await measureStore('file');
const memory = ONLY === 'ingest' ? null : await measureStore('memory');
const pass = ingestPath === null ? null : ingestPath.ratio >= TARGET;
const rows = [
  ['ingest(), file (verdict)', ingestPath, pass === null ? '' : pass ? 'PASS' : 'FAIL', INGEST_MESSAGES, INGEST_ROUNDS],
  ['store.save, file (info)', file, '', MESSAGES, ROUNDS],
  ['store.save, :memory: (info)', memory, '', MESSAGES, ROUNDS],
].filter(([, m]) => m !== null);
console.log(`\n=== e) Quality tallies at ingest: accepted messages per second, tallies on against off, ${CONCURRENCY} in flight, median of the rounds ===`);
console.log('path                             msgs x rounds  tallies on msg/s  tallies off msg/s  on/off  overhead  target    result');
for (const [label, m, verdict, msgs, rounds] of rows) {
  console.log(
    `${label.padEnd(33)}${`${msgs} x ${rounds}`.padStart(13)}${fmt(m.on).padStart(18)}${fmt(m.off).padStart(19)}${fmt(m.ratio, 3).padStart(8)}${`${fmt((1 - m.ratio) * 100, 1)} %`.padStart(10)}${(verdict === '' ? '' : '≤ 5 %').padStart(8)}    ${verdict}`,
  );
}
for (const [label, m] of rows) {
  console.log(`  ${label}: CPU µs per message on ${fmt(m.cpu.onUs, 1)}, off ${fmt(m.cpu.offUs, 1)} (${m.cpu.onUs >= m.cpu.offUs ? '+' : ''}${fmt(m.cpu.onUs - m.cpu.offUs, 1)} µs, off/on ${fmt(m.cpu.ratio, 3)})`);
  console.log(`    on/off per round: ${m.rounds.ratio.map((r) => fmt(r, 3)).join(' ')}`);
}
const results = {
  date: new Date().toISOString(),
  settings: { rounds: ROUNDS, messages: MESSAGES, concurrency: CONCURRENCY, ingestRounds: INGEST_ROUNDS, ingestMessages: INGEST_MESSAGES },
  target: TARGET,
  ingest: ingestPath,
  file,
  memory,
  // The verdict is on the ingest path; a store-only run (--only store) judges nothing.
  pass: pass ?? true,
};
if (JSON_OUT !== undefined) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
if (argv.includes('--check') && pass === false) process.exitCode = 1;
