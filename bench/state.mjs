#!/usr/bin/env node
/**
 * d) Cross-message state at scale: does checking against history stay an indexed look-up?
 *
 *   node bench/state.mjs [--toewijzingen 1000000] [--messages 400] [--rounds 15] [--big-runs 3]
 *                        [--cpu N | --no-pin] [--json FILE] [--check] [--keep]
 *
 * 1. Two SqliteStores on temp files (WAL, synchronous=FULL, as the gateway runs them) with the rules
 *    of src/state/ and the sample mappings: "empty" and "full".
 * 2. Measured sets: per round --messages generated clients, each with two toewijzingen (4 hours a
 *    week or 240 minutes a week, and 8 dagdelen or 6 etmalen a month, 2026-03-01 to 2026-12-31);
 *    for each client a JW305 (start of both) and a JW323 (April for both), as facts. Their
 *    toewijzingen go into both stores before anything is measured.
 * 3. "full" gets 1,000,000 more toewijzingen (12 gemeenten, 8 aanbieders, two per client) straight
 *    into the table in one transaction, through a connection of our own.
 * 4. Round by round the same JW305s, then the same JW323s, are admitted in both stores, alternately
 *    (SqliteStore.admit: every cross-message rule, then the state updates and the message row, in
 *    the store's group commit; a round's messages are in flight together, as on a busy gateway).
 *    Ratio = median rate with 1M in history / median rate in the almost empty store, by wall
 *    clock (the verdict; target ≥ 0.8) and by CPU time (for information: less noisy on a shared
 *    machine, blind to waiting for the disk).
 * 5. The 25 MB JW323 of bench/generate.mjs, each prestatie given a toewijzing of its own (its
 *    ToewijzingNummers renumbered, bytes unchanged: ~37,000 toewijzingen to look up, the worst
 *    case) whose dates are the prestatie's period, so the claim is admissible: the cross-message
 *    check (extractFacts + admit: all rules, ledger updates, message row) against the XSD
 *    validation of the same bytes (validateXsd, as in b), medians over --big-runs. Target ≤ 3×.
 *
 * The process pins itself to one CPU (taskset, re-exec) unless --no-pin. Imports from dist/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT, ensureGenerated } from './generate.mjs';
import { contractsOf } from '../dist/state/contracts.js';
import { extractFacts } from '../dist/state/facts.js';
import { checkerOptions } from '../dist/state/options.js';
import { SqliteStore } from '../dist/store/sqlite.js';
import { validateXsd } from '../dist/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from '../dist/validate/preflight.js';
import { checkMessage } from '../dist/validate/rules/run.js';
import { SchemaSet } from '../dist/validate/schema-set.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const TOEWIJZINGEN = Number(opt('--toewijzingen', 1_000_000));
const MESSAGES = Number(opt('--messages', 400));
const ROUNDS = Number(opt('--rounds', 15));
const BIG_RUNS = Number(opt('--big-runs', 3));
const JSON_FILE = opt('--json', null);
const TARGETS = { historyRatio: 0.8, bigVsXsd: 3 };

// Pin to one CPU like the rest of the bench (re-exec under taskset once).
if (!argv.includes('--no-pin') && process.env.IJW_BENCH_PINNED === undefined) {
  const cpu = opt('--cpu', String(Math.max(0, os.cpus().length - 1)));
  const r = spawnSync('taskset', ['-c', cpu, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, IJW_BENCH_PINNED: cpu },
  });
  if (!r.error) process.exit(r.status ?? 1);
  console.log('taskset not found: not pinned');
}

const log = (...a) => console.log(...a);
const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (n, w) => String(n).padStart(w, '0');

const GEMEENTEN = ['0363', '0599', '0518', '0344', '0772', '0014', '0855', '0034', '0758', '0268', '0202', '0193'];
const AANBIEDERS = ['41250017', '42420001', '45320885', '47110213', '48770065', '98071234', '98412003', '98830117'];
const PRODUCTEN = [
  { cat: '45', code: '45A04', eenheid: '04', freq: '2', volume: 4 },
  { cat: '41', code: '41A05', eenheid: '16', freq: '4', volume: 8 },
  { cat: '44', code: '44A07', eenheid: '14', freq: '4', volume: 6 },
  { cat: '45', code: '45A03', eenheid: '01', freq: '2', volume: 240 },
];

// ---------------------------------------------------------------------------------------------
// The store, and rows straight into its tables

const dir = mkdtempSync(join(os.tmpdir(), 'ijw-bench-state-'));
const options = checkerOptions(join(REPO_ROOT, 'mappings'));
let contracts = options.contracts;

const TOEWIJZING_COLUMNS = [
  'bericht_id', 'gemeente', 'nummer', 'aanbieder', 'bsn', 'referentie_aanbieder', 'categorie', 'code', 'versie',
  'ingangsdatum', 'einddatum', 'reden_wijziging', 'volume', 'eenheid', 'frequentie', 'budget',
];

/** A SqliteStore on a file of its own, and a connection of ours to put rows straight into its tables. */
function openStore(name) {
  const path = join(dir, `${name}.sqlite`);
  const store = new SqliteStore({
    path,
    checker: {
      ...options,
      // The big claim's products get a contract in its regio (set below), so TR418 runs on every prestatie.
      contracts: { covers: (r) => contracts.covers(r), tarieven: (...a) => contracts.tarieven(...a) },
    },
  });
  const bulk = new Database(path);
  bulk.pragma('busy_timeout = 5000');
  const insert = bulk.prepare(`INSERT INTO toewijzingen (${TOEWIJZING_COLUMNS.join(', ')}) VALUES (${TOEWIJZING_COLUMNS.map(() => '?').join(', ')})`);
  const put = (t) => insert.run(t.berichtId, t.gemeente, t.nummer, t.aanbieder, t.bsn, null, t.cat, t.code, t.versie ?? '2026-02-20T10:00:00', t.ingang, t.eind, null, t.volume, t.eenheid, t.freq, null);
  return { name, store, bulk, put, insertRows: bulk.transaction((rows) => rows.forEach(put)) };
}

// ---------------------------------------------------------------------------------------------
// Measured sets: clients with two toewijzingen each, a JW305 and a JW323 per client

let seq = 0;
const VALID_REPORT = { type: null, berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: true, fouten: [] };

function record(type, afzender, ontvanger, identificatie, dagtekening, sender, recipient) {
  const id = `bench-${++seq}`;
  return {
    id,
    receivedAt: `${dagtekening}T09:00:00.000Z`,
    type,
    origin: 'received',
    senderId: sender,
    recipientId: recipient,
    afzender,
    ontvanger,
    identificatie,
    dagtekening,
    idempotencyKey: null,
    sha256: 'a'.repeat(64),
    body: Buffer.from(`<Bericht id="${id}"/>`),
    status: 'accepted',
    report: VALID_REPORT,
    answer: { statusCode: 202, body: { id, outcome: 'accepted' } },
    retourcodes: [],
    offers: [],
    references: [],
    links: [],
    deliverTo: { partyId: recipient, mode: 'mailbox' },
  };
}

/** One measured set: `n` clients of set `s`, their toewijzingen inserted, their JW305s and JW323s. */
function measuredSet(s, n) {
  const rows = [];
  const jw305 = [];
  const jw323 = [];
  for (let k = 0; k < n; k++) {
    const gemeente = GEMEENTEN[k % GEMEENTEN.length];
    const aanbieder = AANBIEDERS[(k * 5 + s) % AANBIEDERS.length];
    const bsn = `8${pad(s, 2)}${pad(k, 6)}`;
    const nummers = [`M${pad(s, 2)}${pad(k, 6)}1`, `M${pad(s, 2)}${pad(k, 6)}2`];
    const producten = [PRODUCTEN[k % 2 === 0 ? 0 : 3], PRODUCTEN[1 + (k % 2)]];
    producten.forEach((p, j) =>
      rows.push({ berichtId: `set-${s}`, gemeente, nummer: nummers[j], aanbieder, bsn, cat: p.cat, code: p.code, ingang: '2026-03-01', eind: '2026-12-31', volume: p.volume, eenheid: p.eenheid, freq: p.freq }),
    );
    const header = (identificatie, dagtekening, afzender, ontvanger) => ({ afzender, ontvanger, identificatie, dagtekening });
    const ident = `${s}${pad(k, 6)}`;
    jw305.push({
      record: record('JW305', aanbieder, gemeente, `S${ident}`, '2026-03-04', `aanbieder:${aanbieder}`, `gemeente:${gemeente}`),
      facts: {
        type: 'JW305',
        header: header(`S${ident}`, '2026-03-04', aanbieder, gemeente),
        client: { path: '/jw305:Bericht/jw305:Client', bsn },
        starts: producten.map((p, j) => ({
          path: `/jw305:Bericht/jw305:Client/jw305:StartProducten/jw305:StartProduct[${j + 1}]`,
          toewijzingNummer: nummers[j],
          product: { categorie: p.cat, code: p.code },
          toewijzingIngangsdatum: '2026-03-01',
          begindatum: '2026-03-02',
          status: '1',
        })),
      },
    });
    const prestaties = producten.map((p, j) => {
      const volume = p.eenheid === '01' ? 600 : p.freq === '2' ? 12 : 4;
      return {
        path: `/jw323:Bericht/jw323:Declaratie/jw323:Clienten/jw323:Client/jw323:Prestaties/jw323:Prestatie[${j + 1}]`,
        referentieNummer: `R${ident}${j}`,
        vorigReferentieNummer: null,
        toewijzingNummer: nummers[j],
        categorie: p.cat,
        code: p.code,
        begindatum: '2026-04-01',
        einddatum: '2026-04-30',
        volume,
        eenheid: p.eenheid,
        tarief: 100,
        bedrag: volume * 100,
        debetCredit: 'D',
      };
    });
    const totaal = prestaties.reduce((a, p) => a + p.bedrag, 0);
    jw323.push({
      record: record('JW323', aanbieder, gemeente, `D${ident}`, '2026-05-06', `aanbieder:${aanbieder}`, `gemeente:${gemeente}`),
      facts: {
        type: 'JW323',
        header: header(`D${ident}`, '2026-05-06', aanbieder, gemeente),
        xsdVersie: { basisschema: '1.0.0', bericht: '1.0.0' },
        berichtVersie: '3',
        berichtSubversie: '2',
        declaratie: {
          path: '/jw323:Bericht/jw323:Declaratie',
          nummer: `N${ident}`,
          periodeBegin: '2026-04-01',
          periodeEind: '2026-04-30',
          dagtekening: '2026-05-06',
          totaal,
          debetCredit: 'D',
        },
        clienten: [{ path: '/jw323:Bericht/jw323:Declaratie/jw323:Clienten/jw323:Client', bsn, prestaties }],
      },
    });
  }
  return { index: s, rows, jw305, jw323 };
}

const violationCounts = new Map();
/** Admits the messages all in flight together; messages per second. */
async function admitAll(store, messages) {
  const c0 = process.cpuUsage();
  const t0 = now();
  const admissions = await Promise.all(messages.map((m) => store.admit({ record: m.record, facts: m.facts, today: m.record.dagtekening })));
  const seconds = (now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  for (const a of admissions) for (const v of a.violations) violationCounts.set(v.code, (violationCounts.get(v.code) ?? 0) + 1);
  return { rate: messages.length / seconds, cpuRate: messages.length / ((cpu.user + cpu.system) / 1e6), rejected: admissions.filter((a) => !a.stored).length };
}

/**
 * Round by round, the same messages go to the almost empty store and to the one with 1M in history,
 * alternately, so both see the same machine conditions. The first round warms up and is not counted.
 */
async function measure(sets, stores) {
  const out = Object.fromEntries(stores.map((s) => [s.name, { jw305: [], jw323: [], jw305Cpu: [], jw323Cpu: [], rejected: 0 }]));
  for (const set of sets) {
    for (const kind of ['jw305', 'jw323']) {
      for (const s of set.index % 2 === 0 ? stores : [...stores].reverse()) {
        const a = await admitAll(s.store, set[kind]);
        out[s.name][kind].push(a.rate);
        out[s.name][`${kind}Cpu`].push(a.cpuRate);
        out[s.name].rejected += a.rejected;
      }
    }
  }
  const summary = {};
  for (const [name, o] of Object.entries(out)) {
    for (const k of ['jw305', 'jw323', 'jw305Cpu', 'jw323Cpu']) o[k].shift();
    summary[name] = { jw305: median(o.jw305), jw323: median(o.jw323), jw305Cpu: median(o.jw305Cpu), jw323Cpu: median(o.jw323Cpu), rounds: o, rejected: o.rejected };
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Run

log(`d) cross-message state — ${new Date().toISOString()}, pinned to CPU ${process.env.IJW_BENCH_PINNED ?? 'no'}`);
const sets = [];
for (let s = 0; s <= ROUNDS; s++) sets.push(measuredSet(s, MESSAGES));
const emptyStore = openStore('empty');
const fullStore = openStore('full');
for (const s of [emptyStore, fullStore]) s.insertRows(sets.flatMap((set) => set.rows));

// 1,000,000 toewijzingen of other clients, 1–3 per client, in one transaction.
let t0 = now();
fullStore.bulk.exec('BEGIN');
for (let i = 0; i < TOEWIJZINGEN; i++) {
  const client = Math.floor(i / 2);
  const p = PRODUCTEN[i % PRODUCTEN.length];
  const month = pad(1 + (client % 12), 2);
  fullStore.put({
    berichtId: `bulk-${client}`,
    gemeente: GEMEENTEN[client % GEMEENTEN.length],
    nummer: String(10_000_000 + i),
    aanbieder: AANBIEDERS[client % AANBIEDERS.length],
    bsn: String(100_000_000 + client),
    cat: p.cat,
    code: p.code,
    versie: '2025-01-01T10:00:00',
    ingang: `2025-${month}-01`,
    eind: `2026-${month}-28`,
    volume: p.volume,
    eenheid: p.eenheid,
    freq: p.freq,
  });
}
fullStore.bulk.exec('COMMIT');
fullStore.bulk.pragma('wal_checkpoint(TRUNCATE)');
const loadSeconds = (now() - t0) / 1000;
const total = fullStore.bulk.prepare('SELECT COUNT(*) AS n FROM toewijzingen').get().n;
log(`  loaded ${fmt(TOEWIJZINGEN)} toewijzingen in ${fmt(loadSeconds, 1)} s (${fmt(total)} in the table)`);

const measured = await measure(sets, [emptyStore, fullStore]);
const { empty, full } = measured;
for (const [label, m] of [['almost empty store', empty], ['1M in history', full]]) {
  log(`  ${label}: ${fmt(m.jw305)} JW305/s, ${fmt(m.jw323)} JW323/s; per CPU-second ${fmt(m.jw305Cpu)} and ${fmt(m.jw323Cpu)} (median of ${ROUNDS} rounds of ${MESSAGES}; ${m.rejected} rejected)`);
}
const ratio = { jw305: full.jw305 / empty.jw305, jw323: full.jw323 / empty.jw323 };
const cpuRatio = { jw305: full.jw305Cpu / empty.jw305Cpu, jw323: full.jw323Cpu / empty.jw323Cpu };
log(`  ratio 1M / empty: JW305 ${fmt(ratio.jw305, 2)}, JW323 ${fmt(ratio.jw323, 2)} (target ≥ ${TARGETS.historyRatio}); by CPU time ${fmt(cpuRatio.jw305, 2)} and ${fmt(cpuRatio.jw323, 2)}`);

// ---------------------------------------------------------------------------------------------
// The 25 MB JW323 against its toewijzingen

const manifest = ensureGenerated({ log });
const original = readFileSync(manifest.files.jw323, 'utf8');
let renumbered = 0;
// Each prestatie its own toewijzing: 7-digit numbers stay 7 digits, so the bytes keep their size.
const text = original.replace(/<jw323:ToewijzingNummer>\d{7}<\/jw323:ToewijzingNummer>/g, () => `<jw323:ToewijzingNummer>${5_000_000 + renumbered++}</jw323:ToewijzingNummer>`);
const bytes = Buffer.from(text, 'utf8');
if (bytes.length !== Buffer.byteLength(original)) throw new Error('renumbering changed the size of the JW323');
const schemas = SchemaSet.ours().compileAll();
const checked = checkMessage('JW323', text);
if (checked.violations.length > 0) throw new Error(`the big JW323 breaks message rules: ${checked.violations.slice(0, 3).map((v) => v.code)}`);
const bigFacts = extractFacts(checked);
const bigRows = [];
const tariffs = new Map();
/** Run r claims on toewijzingen of its own, so no run's prestaties stand in the way of the next's. */
const nummerOf = (nummer, run) => String(Number(nummer) + run * 100_000);
for (const c of bigFacts.clienten) {
  for (const p of c.prestaties) {
    bigRows.push({
      berichtId: 'big-toewijzingen',
      gemeente: bigFacts.header.ontvanger,
      nummer: p.toewijzingNummer,
      aanbieder: bigFacts.header.afzender,
      bsn: c.bsn,
      cat: p.categorie,
      code: p.code,
      ingang: p.begindatum,
      eind: p.einddatum,
      volume: p.volume * 2,
      eenheid: p.eenheid,
      freq: '6',
    });
    tariffs.set(`${p.categorie}/${p.code}/${p.eenheid}`, { categorie: p.categorie, code: p.code, eenheid: p.eenheid, tarief: p.tarief });
  }
}
const regio = options.regioOf(bigFacts.header.ontvanger);
contracts = contractsOf([...tariffs.values()].map((t) => ({ ...t, regio, aanbieder: null, van: '2020-01-01', tot: null })));
t0 = now();
for (let run = 0; run < BIG_RUNS; run++) fullStore.insertRows(bigRows.map((t) => ({ ...t, nummer: nummerOf(t.nummer, run) })));
log(`  big JW323: ${fmt(bytes.length)} bytes, ${fmt(bigRows.length)} prestaties, as many toewijzingen per run (${BIG_RUNS} runs, inserted in ${fmt((now() - t0) / 1000, 1)} s); contract for regio ${regio}`);

const runs = [];
for (let run = 0; run < BIG_RUNS; run++) {
  const cpuMs = (c) => (c.user + c.system) / 1000;
  let c0 = process.cpuUsage();
  const x0 = now();
  const xsd = validateXsd(bytes, { schemas, maxBytes: DEFAULT_MAX_BYTES }).result;
  const xsdMs = now() - x0;
  const xsdCpuMs = cpuMs(process.cpuUsage(c0));
  if (!xsd.valid) throw new Error('the big JW323 is not schema-valid');
  c0 = process.cpuUsage();
  const f0 = now();
  const facts = extractFacts(checked);
  const extractMs = now() - f0;
  let checkCpuMs = cpuMs(process.cpuUsage(c0));
  // Each run its own Identificatie, DeclaratieNummer, ReferentieNummers and toewijzingen (not timed).
  const mine = {
    ...facts,
    header: { ...facts.header, identificatie: `BIG-${run}` },
    declaratie: { ...facts.declaratie, nummer: `BIGR${run}` },
    clienten: facts.clienten.map((c) => ({ ...c, prestaties: c.prestaties.map((p) => ({ ...p, referentieNummer: `${p.referentieNummer}-${run}`, toewijzingNummer: nummerOf(p.toewijzingNummer, run) })) })),
  };
  const rec = record('JW323', facts.header.afzender, facts.header.ontvanger, `BIG-${run}`, facts.header.dagtekening, `aanbieder:${facts.header.afzender}`, `gemeente:${facts.header.ontvanger}`);
  c0 = process.cpuUsage();
  const a0 = now();
  const admission = await fullStore.store.admit({ record: rec, facts: mine, today: facts.header.dagtekening });
  const admitMs = now() - a0;
  checkCpuMs += cpuMs(process.cpuUsage(c0));
  const codes = [...new Set(admission.violations.map((v) => v.code))];
  runs.push({ xsdMs, extractMs, admitMs, xsdCpuMs, checkCpuMs, stored: admission.stored, violations: admission.violations.length, codes });
  log(
    `    run ${run + 1}: XSD ${fmt(xsdMs)} ms; facts ${fmt(extractMs)} ms + admit ${fmt(admitMs)} ms = ${fmt(extractMs + admitMs)} ms (${fmt((extractMs + admitMs) / xsdMs, 2)}×; ` +
      `by CPU time ${fmt(checkCpuMs)} / ${fmt(xsdCpuMs)} ms = ${fmt(checkCpuMs / xsdCpuMs, 2)}×)${admission.stored ? '' : `; REJECTED ${admission.violations.length}× ${codes.join(' ')}`}`,
  );
}
const big = {
  bytes: bytes.length,
  prestaties: bigRows.length,
  xsdMs: median(runs.map((r) => r.xsdMs)),
  extractMs: median(runs.map((r) => r.extractMs)),
  admitMs: median(runs.map((r) => r.admitMs)),
  ratio: median(runs.map((r) => (r.extractMs + r.admitMs) / r.xsdMs)),
  cpuRatio: median(runs.map((r) => r.checkCpuMs / r.xsdCpuMs)),
  runs,
};
log(`  big JW323 cross-message check / XSD validation: ${fmt(big.ratio, 2)}× (median of ${BIG_RUNS}; target ≤ ${TARGETS.bigVsXsd})`);

const pass = ratio.jw305 >= TARGETS.historyRatio && ratio.jw323 >= TARGETS.historyRatio && big.ratio <= TARGETS.bigVsXsd && runs.every((r) => r.stored);
if (violationCounts.size > 0) log(`  violations in the measured sets (should be none): ${[...violationCounts].map(([c, n]) => `${c}×${n}`).join(' ')}`);
log(`  d) ${pass ? 'PASS' : 'FAIL'}`);

const results = {
  started: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}`,
  pinned: process.env.IJW_BENCH_PINNED ?? null,
  params: { toewijzingen: TOEWIJZINGEN, messages: MESSAGES, rounds: ROUNDS, bigRuns: BIG_RUNS },
  targets: TARGETS,
  empty,
  full,
  loadSeconds,
  ratio,
  cpuRatio,
  big,
  violations: Object.fromEntries(violationCounts),
  pass,
};
if (JSON_FILE !== null) writeFileSync(JSON_FILE, `${JSON.stringify(results, null, 2)}\n`);
for (const s of [emptyStore, fullStore]) {
  s.bulk.close();
  s.store.close();
}
if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
if (argv.includes('--check') && !pass) process.exit(1);
