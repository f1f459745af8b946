/**
 * GET /berichten at a realistic size: SqliteStore.list on a store of N messages (default 400,000,
 * about a year of a region's traffic), one party with nearly all of them and one with a few, for
 * the filters the API offers. Wall ms per call, on the thread that calls it (the store's read thread
 * in the gateway: bench/list-load.mjs). Information, not a target of `npm run bench`.
 *   npm run build && node bench/list.mjs [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../dist/store/migrations.js';
import { SqliteStore } from '../dist/store/sqlite.js';

const N = Number(process.argv[2] ?? 400_000);
const dir = mkdtempSync(join(tmpdir(), 'ijw-list-bench-'));
const path = join(dir, 'ijw.sqlite');
const db = new Database(path);
db.pragma('journal_mode = WAL');
migrate(db);
const insert = db.prepare(`INSERT INTO berichten (id, received_at, type, origin, sender_id, recipient_id, afzender, ontvanger,
  identificatie, sha256, size, body, status, report, retourcodes) VALUES (?, ?, ?, 'received', ?, ?, ?, ?, ?, 'h', 2000, ?, ?, '{}', '[]')`);
const body = Buffer.alloc(2000, 65);
// One message a minute from 1 January 2026; every 10,000th from a rare aanbieder to Ede, the rest from
// Ede to one aanbieder; a third are JW323s, one in fifty rejected.
db.transaction(() => {
  for (let i = 0; i < N; i++) {
    const rare = i % 10_000 === 0;
    insert.run(String(1e12 + i), new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), i % 3 ? 'JW301' : 'JW323',
      rare ? 'aanbieder:11111111' : 'gemeente:0228', rare ? 'gemeente:0228' : 'aanbieder:98041733',
      rare ? '11111111' : '0228', rare ? '0228' : '98041733', `X${i}`, body, i % 50 ? 'accepted' : 'rejected');
  }
})();
db.close();

const store = new SqliteStore({ path });
const cases = [
  ['a busy party, first page', { visibleTo: ['gemeente:0228'] }],
  ['a busy party, a later page', { visibleTo: ['gemeente:0228'], after: String(1e12 + N / 2) }],
  ['a busy party, status rejected', { visibleTo: ['gemeente:0228'], status: 'rejected' }],
  ['a busy party, one day', { visibleTo: ['aanbieder:98041733'], from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }],
  ['a busy party, five old months', { visibleTo: ['aanbieder:98041733'], from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }],
  ['a busy party, an afzender it never had', { visibleTo: ['aanbieder:98041733'], afzender: '9999' }],
  ['a rare party, first page', { visibleTo: ['aanbieder:11111111'] }],
  ['a rare party, type JW323', { visibleTo: ['aanbieder:11111111'], type: 'JW323' }],
  ['an intermediary for both, type JW323', { visibleTo: ['gemeente:0228', 'aanbieder:11111111'], type: 'JW323' }],
  ['the operator, an afzender nobody had', { afzender: '9999' }],
];
console.log(`SqliteStore.list, ${N.toLocaleString('en')} messages, pages of 50: ms per call (median of 5)`);
for (const [label, filter] of cases) {
  const times = [];
  let n = 0;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    n = store.list({ limit: 50, ...filter }).items.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(40)} ${times[2].toFixed(1).padStart(8)} ms  ${String(n).padStart(3)} items`);
}
store.close();
rmSync(dir, { recursive: true, force: true });
