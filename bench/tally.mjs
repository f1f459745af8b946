#!/usr/bin/env node
/**
 * d) What the quality tallies cost at ingest: accepted messages per second through the store's
 * write path (SqliteStore.save, group commit, as the writer thread runs it) with the tallies, the
 * drill-down index and the reaction terms on, against the same store with them off, in the same
 * run, alternating round by round. Target: overhead ≤ 5 % (the ratio on/off ≥ 0.95).
 *
 *   node bench/tally.mjs [--rounds 10] [--messages 2000] [--concurrency 100] [--json FILE] [--check]
 *
 * Two places: a file in WAL mode with synchronous=FULL (the product: every group commit waits for
 * its fsync) and, for information, ':memory:' (no disk at all, so only the CPU the tallies add).
 * The mix: 80 % accepted JW301 (4 KB bodies, keys offered and referenced), 10 % rejected with 1-3
 * rule violations, 10 % XSD-invalid with 5 schema errors. Must run after `npm run build`.
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
const JSON_OUT = opt('--json', undefined);
const TARGET = 0.95;

const { SqliteStore } = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'store', 'sqlite.js')).href);

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
/** Saves MESSAGES records with CONCURRENCY saves in flight; returns messages per second. */
async function round(store) {
  const records = Array.from({ length: MESSAGES }, () => {
    seq++;
    return record(`m${String(seq).padStart(9, '0')}`, seq);
  });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < records.length) await store.save([records[next++]]);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return MESSAGES / ((performance.now() - started) / 1000);
}

async function measure(place) {
  const dir = mkdtempSync(join(tmpdir(), 'ijw-tally-bench-'));
  const path = (name) => (place === 'memory' ? ':memory:' : join(dir, `${name}.sqlite`));
  const on = new SqliteStore({ path: path('on'), tally: true });
  const off = new SqliteStore({ path: path('off'), tally: false });
  try {
    await round(on); // warm-up: JIT, page cache, statement caches
    await round(off);
    const rates = { on: [], off: [], ratio: [] };
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which goes first, so neither always meets the other's leftovers (checkpoints).
      const [a, b] = r % 2 === 0 ? [on, off] : [off, on];
      const first = await round(a);
      const second = await round(b);
      const rOn = a === on ? first : second;
      const rOff = a === on ? second : first;
      rates.on.push(rOn);
      rates.off.push(rOff);
      rates.ratio.push(rOn / rOff);
    }
    return { on: median(rates.on), off: median(rates.off), ratio: median(rates.ratio), rounds: rates };
  } finally {
    on.close();
    off.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const file = await measure('file');
const memory = await measure('memory');
const pass = file.ratio >= TARGET;
console.log(`\n=== d) Quality tallies at ingest: store write path, ${MESSAGES} messages per round, ${CONCURRENCY} in flight, median of ${ROUNDS} rounds ===`);
console.log('place                         tallies on msg/s  tallies off msg/s  on/off  overhead  target    result');
for (const [label, m, verdict] of [['file, WAL, synchronous=FULL', file, pass ? 'PASS' : 'FAIL'], [':memory: (CPU only, info)', memory, '']]) {
  console.log(`${label.padEnd(30)}${fmt(m.on).padStart(16)}${fmt(m.off).padStart(19)}${fmt(m.ratio, 3).padStart(8)}${`${fmt((1 - m.ratio) * 100, 1)} %`.padStart(10)}${(verdict === '' ? '' : '≤ 5 %').padStart(8)}    ${verdict}`);
}
console.log(`  on/off per round (file): ${file.rounds.ratio.map((r) => fmt(r, 3)).join(' ')}`);
console.log(`  on/off per round (memory): ${memory.rounds.ratio.map((r) => fmt(r, 3)).join(' ')}`);
const results = { date: new Date().toISOString(), settings: { rounds: ROUNDS, messages: MESSAGES, concurrency: CONCURRENCY }, target: TARGET, file, memory, pass };
if (JSON_OUT !== undefined) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
if (argv.includes('--check') && !pass) process.exitCode = 1;
