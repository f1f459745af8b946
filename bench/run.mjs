#!/usr/bin/env node
/**
 * The performance benchmarks of the issue, each as a ratio against xmllint measured in the same
 * run on the same files (house rule: no timed tests). `npm run bench` builds and runs this.
 *
 *   node bench/run.mjs [--count 2000] [--rounds 14] [--big-runs 5] [--batch 1000]
 *                      [--cpu N | --no-pin] [--no-fixtures] [--regen] [--check]
 *                      [--no-http] [--http-workers 1,2] [--http-duration 20] [--http-half-duration 15]
 *                      [--http-half-warmup 3] [--http-warmup 5] [--http-load wrk|autocannon] [--no-tally] [--no-state] [--only state] [--state-toewijzingen 1000000]
 *                      [--state-messages 400] [--state-rounds 15] [--state-big-runs 3]
 *
 * a) JW301 and JW305, 2,000 generated files each: messages/s of our engine, single thread, in a
 *    long-lived child process (after 2 warm-up passes), against `xmllint --noout --schema` on the
 *    same files, which compiles the schema once per invocation of --batch files. The work is cut
 *    in rounds: in each round our engine and then xmllint validate the same --batch files, so
 *    both see the same machine conditions; rates are medians over the rounds and the ratio is the
 *    median of the per-round ratios. Targets: ≥ 3,000 JW301/s and ≥ 0.5 × the xmllint rate.
 *    When fixtures/<type>/valid-*.xml exist, they are measured the same way, for information.
 * b) A 25 MB JW323: read + validate in a child process of its own (so that its peak RSS is that
 *    of this work alone): the first 25 MB message of the process and a repeat, alternating with
 *    `xmllint --stream --noout --schema` on the same file. Targets: ≤ 2 × the xmllint wall time
 *    and peak RSS ≤ 400 MiB, both judged on the first message of the process.
 *
 * d) Cross-message state (bench/state.mjs, its own process): JW305/JW323 admission rates with
 *    1,000,000 toewijzingen in history against an almost empty store (≥ 0.8×), and the 25 MB JW323
 *    checked against its toewijzingen against its XSD validation time (≤ 3×). `--only state` runs
 *    only this part; `--no-state` skips it.
 *
 * "ours" is measured twice: `full` = validateWithLibxml2 (what the gateway runs: XSD, then the
 * in-message rules) and `xsd` = validateXsd (preflight, parse, XSD: the work xmllint does). The
 * verdicts are on `full`. Every process (ours and xmllint) is pinned to one CPU with taskset.
 * The reference uses the official XSDs (../shared/ijw-3.2/xsd, or $IJW_OFFICIAL_XSD) when
 * present, else ours. Prints tables and writes bench/out/results.json. Exit status 1 when a file
 * does not validate or a tool fails; with --check also when a target is missed.
 */
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { lineChild } from './child.mjs';
import { BENCH_DIR, DEFAULT_OUT, REPO_ROOT, SIZE_LIMIT, ensureGenerated, referenceXsdDir, verifyGenerated } from './generate.mjs';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const COUNT = Number(opt('--count', 2000));
const ROUNDS = Number(opt('--rounds', 14));
const BIG_RUNS = Number(opt('--big-runs', 5));
const BATCH = Number(opt('--batch', 1000));
const CHECK = argv.includes('--check');
const TARGETS = { jw301PerSecond: 3000, smallRatio: 0.5, bigWallRatio: 2, bigRssMiB: 400 };

/** d) cross-message state at scale: bench/state.mjs in a process of its own (it pins itself). */
function runState() {
  const stateJson = join(DEFAULT_OUT, 'state-results.json');
  mkdirSync(DEFAULT_OUT, { recursive: true });
  rmSync(stateJson, { force: true });
  const passthrough = ['--json', stateJson];
  for (const [ours, theirs] of [['--state-toewijzingen', '--toewijzingen'], ['--state-messages', '--messages'], ['--state-rounds', '--rounds'], ['--state-big-runs', '--big-runs'], ['--cpu', '--cpu']]) {
    if (opt(ours, undefined) !== undefined) passthrough.push(theirs, opt(ours, undefined));
  }
  if (argv.includes('--no-pin')) passthrough.push('--no-pin');
  const r = spawnSync(process.execPath, [join(BENCH_DIR, 'state.mjs'), ...passthrough], { stdio: 'inherit', cwd: REPO_ROOT });
  const state = existsSync(stateJson) ? JSON.parse(readFileSync(stateJson, 'utf8')) : null;
  return { status: r.status, state };
}

if (opt('--only', undefined) === 'state') {
  const { status, state } = runState();
  process.exit(status !== 0 || state === null ? 1 : CHECK && !state.pass ? 1 : 0);
}

const log = (...a) => console.log(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (kib) => kib / 1024;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------------------------------------
// Tools: xmllint (installed when missing), taskset, /usr/bin/time

function toolVersion(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) return null;
  return `${r.stdout}${r.stderr}`.split('\n')[0].trim();
}

function ensureXmllint() {
  let v = toolVersion('xmllint', ['--version']);
  if (v !== null) return v;
  if (process.getuid?.() !== 0) throw new Error('xmllint is missing; install libxml2-utils (apt-get install libxml2-utils)');
  log('xmllint is missing: installing libxml2-utils …');
  execSync('apt-get update -qq && apt-get install -y -qq libxml2-utils', { stdio: 'inherit' });
  v = toolVersion('xmllint', ['--version']);
  if (v === null) throw new Error('xmllint is still missing after installing libxml2-utils');
  return v;
}

const xmllintVersion = ensureXmllint();

/** wrk, the load generator of c) at full speed: installed when missing and we are root; else c) uses autocannon. */
function ensureWrk() {
  if (toolVersion('wrk', ['--version']) !== null || process.getuid?.() !== 0) return;
  log('wrk is missing: installing it …');
  try {
    execSync('apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)', { stdio: 'inherit' });
  } catch {
    log('wrk could not be installed: c) runs its load with autocannon');
  }
}
const cpus = os.cpus();
const pinAvailable = toolVersion('taskset', ['--version']) !== null;
const pinCpu = argv.includes('--no-pin') || !pinAvailable ? null : Number(opt('--cpu', Math.max(0, cpus.length - 1)));
const timeAvailable = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;
const TIME_FILE = join(DEFAULT_OUT, '.time-v.txt');

const pinned = (cmd, args) => (pinCpu === null ? [cmd, ...args] : ['taskset', '-c', String(pinCpu), cmd, ...args]);

/**
 * Runs a command (pinned), timing its wall clock from here and, with measureRss, its peak RSS
 * and CPU time (user + system, 10 ms resolution) through /usr/bin/time -v.
 */
function run(cmd, args, { measureRss = false, pin = true } = {}) {
  let full = pin ? pinned(cmd, args) : [cmd, ...args];
  if (measureRss && timeAvailable) full = ['/usr/bin/time', '-v', '-o', TIME_FILE, ...full];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8', maxBuffer: 256 << 20, cwd: REPO_ROOT });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  let maxRssKiB = null;
  let cpuMs = null;
  if (measureRss && timeAvailable) {
    const v = readFileSync(TIME_FILE, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(v);
    maxRssKiB = m ? Number(m[1]) : null;
    const user = /User time \(seconds\): ([\d.]+)/.exec(v);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(v);
    cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : null;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wallMs, maxRssKiB, cpuMs };
}

/** A one-shot worker.mjs child; its JSON answer plus wall time and /usr/bin/time's peak RSS. */
function worker(args, opts) {
  const r = run(process.execPath, [join(BENCH_DIR, 'worker.mjs'), ...args], opts);
  if (r.status !== 0) throw new Error(`worker ${args[0]} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), wallMs: r.wallMs, timeRssKiB: r.maxRssKiB };
}

/** A long-lived `worker.mjs serve` child: pass(engine, from, to) validates a slice of the list. */
function serveWorker(listFile) {
  const full = pinned(process.execPath, [join(BENCH_DIR, 'worker.mjs'), 'serve', listFile]);
  const child = spawn(full[0], full.slice(1), { stdio: ['pipe', 'pipe', 'inherit'], cwd: REPO_ROOT });
  const io = lineChild(
    child,
    (line) => {
      const answer = JSON.parse(line);
      if (answer.error) throw new Error(answer.error);
      return answer;
    },
    () => new Error('the serve worker ended early'),
  );
  return {
    ready: io.next(),
    pass: (engine, from, to) => io.ask(`pass ${engine} ${from} ${to}`),
    quit: io.quit,
    stop: io.kill,
  };
}

/**
 * One xmllint invocation over files (all must validate): its wall time in seconds, and its CPU
 * time from bash's `times` (user + system of the children, millisecond resolution).
 */
function xmllintOnce(xsd, files) {
  const script = 'xmllint "$@"; s=$?; times; exit $s';
  const r = run('bash', ['-c', script, 'bash', '--noout', '--schema', xsd, ...files]);
  if (r.status !== 0) {
    const why = r.stderr.split('\n').filter((l) => l && !l.endsWith(' validates')).slice(0, 5).join('\n');
    throw new Error(`xmllint rejects a file:\n${why}`);
  }
  const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout);
  const cpuSeconds = m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : null;
  return { seconds: r.wallMs / 1000, cpuSeconds };
}

// ---------------------------------------------------------------------------------------------
// Setup

mkdirSync(DEFAULT_OUT, { recursive: true });
const ref = referenceXsdDir();
const refLabel = ref.official ? 'official XSD' : 'our XSD';
const oursXsdDir = join(REPO_ROOT, 'schemas', 'ijw-3.2');
const libxml2WasmVersion = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'libxml2-wasm', 'package.json'), 'utf8')).version;
const started = new Date();
const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));
const loadAtStart = loadavg();
/** Which code was measured: the commit and whether src/ differs from it (read-only git calls). */
function codeVersion() {
  const git = (...a) => spawnSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.error || head.status !== 0) return { commit: null, srcModified: null };
  const dirty = git('status', '--porcelain', '--', 'src', 'schemas');
  return { commit: head.stdout.trim(), srcModified: dirty.stdout.trim() !== '' };
}
const code = codeVersion();
const notes = [];
if (!ref.official) notes.push('Official XSDs not found (../shared/ijw-3.2/xsd): the xmllint reference uses our schemas (schemas/ijw-3.2).');
if (pinCpu === null) notes.push(pinAvailable ? 'Pinning disabled (--no-pin).' : 'taskset not found: processes are not pinned to one CPU.');
if (!timeAvailable) notes.push('/usr/bin/time not found: xmllint peak RSS unknown; ours comes from process.resourceUsage().');

log(`ijw-gateway bench — ${started.toISOString()}`);
log(`machine: ${cpus[0]?.model ?? '?'} × ${cpus.length} CPUs, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; node ${process.version}; libxml2-wasm ${libxml2WasmVersion}; ${xmllintVersion}`);
log(`code: commit ${code.commit ?? '?'}${code.srcModified ? ' + uncommitted changes in src/ or schemas/' : ''}`);
log(`pinned to CPU: ${pinCpu ?? 'no'}; reference schemas: ${ref.official ? 'official' : 'ours'} (${ref.dir}); load average ${loadAtStart.join(' ')}`);

const manifest = ensureGenerated({ count: COUNT, force: argv.includes('--regen'), log });
if (manifest.fresh || manifest.verified === null) verifyGenerated(manifest, { log });
else log(`inputs: bench/out (generated ${manifest.generated}, verified with xmllint against ${manifest.verified.official ? 'the official' : 'our'} XSDs)`);

// ---------------------------------------------------------------------------------------------
// a) small messages

/**
 * Rounds over `files` in slices of BATCH: each round our engines (full, then xsd) and xmllint
 * (reference XSD, then ours) validate the same slice. Before that, 2 warm-up passes per engine.
 */
async function smallScenario(label, type, files, rounds) {
  const listFile = join(DEFAULT_OUT, `${label}.list`);
  writeFileSync(listFile, `${files.join('\n')}\n`);
  const refXsd = join(ref.dir, `${type}.xsd`);
  const oursXsd = join(oursXsdDir, `${type}.xsd`);
  log(`[${label}] ${files.length} files: warm-up, then ${rounds} rounds of ${Math.min(BATCH, files.length)} files (ours, xmllint) …`);
  const w = serveWorker(listFile);
  try {
    return await measureRounds(w, label, files, rounds, refXsd, oursXsd);
  } finally {
    w.stop();
  }
}

async function measureRounds(w, label, files, rounds, refXsd, oursXsd) {
  const listFile = join(DEFAULT_OUT, `${label}.list`);
  const { compileMs, engines } = await w.ready;
  const check = (p) => {
    if (p.invalid > 0) throw new Error(`our engine rejects ${p.invalid} ${label} file(s): ${JSON.stringify(p.firstInvalid)}`);
    return p;
  };
  for (const e of engines) for (let i = 0; i < 2; i++) check(await w.pass(e, 0, files.length));
  for (let i = 0; i < files.length; i += BATCH) xmllintOnce(refXsd, files.slice(i, i + BATCH)); // page cache, loader
  const keys = [...engines, 'xmllint', 'xmllintOurXsd'];
  const seconds = Object.fromEntries(keys.map((k) => [k, []]));
  const cpuSeconds = Object.fromEntries(keys.map((k) => [k, []]));
  const sizes = [];
  const record = (k, m) => {
    seconds[k].push(m.seconds);
    cpuSeconds[k].push(m.cpuSeconds);
  };
  for (let r = 0; r < rounds; r++) {
    const from = (r * BATCH) % files.length;
    const to = Math.min(from + BATCH, files.length);
    sizes.push(to - from);
    for (const e of engines) record(e, check(await w.pass(e, from, to)));
    record('xmllint', xmllintOnce(refXsd, files.slice(from, to)));
    record('xmllintOurXsd', xmllintOnce(oursXsd, files.slice(from, to)));
  }
  const { maxRssKiB } = await w.quit();
  const steps = worker(['breakdown', listFile, '1']);
  const rates = (k) => seconds[k].map((s, i) => sizes[i] / s);
  const cpuRates = (k) => (cpuSeconds[k].every((c) => c !== null && c > 0) ? cpuSeconds[k].map((s, i) => sizes[i] / s) : null);
  const result = {
    files: files.length,
    avgBytes: Math.round(files.reduce((sum, f) => sum + readFileSync(f).byteLength, 0) / files.length),
    rounds,
    batch: BATCH,
    compileAllMs: compileMs,
    workerPeakRssKiB: maxRssKiB,
    stepsPerMessageUs: steps.perMessageUs,
    perSecondMedian: {},
    perSecondRounds: {},
    ratio: {},
    ratioRounds: {},
    perCpuSecondMedian: {},
    cpuRatio: {},
  };
  for (const k of keys) {
    result.perSecondRounds[k] = rates(k);
    result.perSecondMedian[k] = median(rates(k));
    const c = cpuRates(k);
    result.perCpuSecondMedian[k] = c === null ? null : median(c);
  }
  for (const e of engines) {
    result.ratioRounds[e] = seconds[e].map((s, i) => seconds.xmllint[i] / s);
    result.ratio[e] = median(result.ratioRounds[e]);
    result.cpuRatio[e] = result.perCpuSecondMedian[e] === null || result.perCpuSecondMedian.xmllint === null
      ? null
      : median(cpuSeconds[e].map((s, i) => cpuSeconds.xmllint[i] / s));
  }
  return result;
}

const small = {};
for (const type of ['jw301', 'jw305']) {
  const s = await smallScenario(type, type, manifest.files[type], ROUNDS);
  s.source = 'generated (bench/generate.mjs)';
  s.pass = s.ratio.full >= TARGETS.smallRatio && (type !== 'jw301' || s.perSecondMedian.full >= TARGETS.jw301PerSecond);
  s.passXsd = s.ratio.xsd === undefined ? null : s.ratio.xsd >= TARGETS.smallRatio && (type !== 'jw301' || s.perSecondMedian.xsd >= TARGETS.jw301PerSecond);
  small[type] = s;
}

// For information: the hand-written valid fixtures, cycled to the same number of validations.
const fixtureRuns = {};
if (!argv.includes('--no-fixtures')) {
  for (const type of ['jw301', 'jw305']) {
    const dir = join(REPO_ROOT, 'fixtures', type);
    const valid = existsSync(dir) ? readdirSync(dir).filter((f) => /^valid-.*\.xml$/.test(f)).sort().map((f) => join(dir, f)) : [];
    if (valid.length === 0) continue;
    const cycled = Array.from({ length: Math.min(COUNT, BATCH) }, (_, i) => valid[i % valid.length]);
    try {
      fixtureRuns[type] = { ...(await smallScenario(`fixtures-${type}`, type, cycled, Math.max(4, ROUNDS >> 1))), distinctFiles: valid.length };
    } catch (err) {
      notes.push(`fixtures/${type}: not measured (${String(err.message).split('\n')[0]})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// b) the 25 MB JW323

const bigFile = manifest.files.jw323;
const bigInfo = manifest.jw323;
const refJw323 = join(ref.dir, 'jw323.xsd');
log(`[jw323] ${fmt(bigInfo.bytes)} bytes (limit ${fmt(SIZE_LIMIT)}), ${fmt(bigInfo.clients)} clients, ${fmt(bigInfo.prestaties)} prestaties; ${BIG_RUNS} runs …`);
const baseline = worker(['baseline'], { measureRss: true });
const breakdown = worker(['breakdown', bigFile]);
run('xmllint', ['--noout', '--stream', '--schema', refJw323, bigFile]); // page cache
const bigEngines = small.jw301.perSecondMedian.xsd === undefined ? ['full'] : ['full', 'xsd'];
const bigRuns = Object.fromEntries(bigEngines.map((e) => [e, []]));
const streamRuns = [];
for (let i = 0; i < BIG_RUNS; i++) {
  for (const e of bigEngines) {
    // Not pinned: a large claim is validated on every core by design (chunks on worker threads,
    // rules meanwhile), and the target is wall time. CPU time is reported beside it.
    const o = worker(['big', bigFile, e], { measureRss: true, pin: false });
    if (!o.first.valid || !o.repeat.valid) throw new Error(`our engine (${e}) rejects the generated JW323: ${JSON.stringify(o.first.fouten)}`);
    bigRuns[e].push(o);
  }
  const x = run('xmllint', ['--noout', '--stream', '--schema', refJw323, bigFile], { measureRss: true });
  if (x.status !== 0) throw new Error(`xmllint --stream rejects the JW323: ${x.stderr.slice(0, 2000)}`);
  streamRuns.push(x);
}
const dom = run('xmllint', ['--noout', '--schema', refJw323, bigFile], { measureRss: true });
if (dom.status !== 0) throw new Error(`xmllint rejects the JW323: ${dom.stderr.slice(0, 2000)}`);
rmSync(TIME_FILE, { force: true });

const streamMs = median(streamRuns.map((x) => x.wallMs));
const big = {
  file: 'bench/out/jw323-25mb.xml',
  ...bigInfo,
  runs: BIG_RUNS,
  xmllintStream: {
    schemas: ref.official ? 'official' : 'ours',
    wallMsMedian: streamMs,
    wallMsRuns: streamRuns.map((x) => x.wallMs),
    cpuMsMedian: streamRuns.every((x) => x.cpuMs !== null) ? median(streamRuns.map((x) => x.cpuMs)) : null,
    peakRssKiB: streamRuns[0].maxRssKiB,
  },
  xmllintDom: { wallMs: dom.wallMs, cpuMs: dom.cpuMs, peakRssKiB: dom.maxRssKiB },
  baselinePeakRssKiB: baseline.timeRssKiB ?? baseline.maxRssKiB,
  breakdownMs: breakdown.ms,
  ours: {},
  targets: { wallRatio: TARGETS.bigWallRatio, peakRssMiB: TARGETS.bigRssMiB },
};
for (const e of bigEngines) {
  const runs = bigRuns[e];
  const firstRatios = runs.map((o, i) => o.first.totalMs / streamRuns[i].wallMs);
  const repeatRatios = runs.map((o, i) => o.repeat.totalMs / streamRuns[i].wallMs);
  const b = {
    firstMsMedian: median(runs.map((o) => o.first.totalMs)),
    firstMsRuns: runs.map((o) => o.first.totalMs),
    firstReadMsMedian: median(runs.map((o) => o.first.readMs)),
    repeatMsMedian: median(runs.map((o) => o.repeat.totalMs)),
    repeatMsRuns: runs.map((o) => o.repeat.totalMs),
    ratio: median(firstRatios),
    ratioRuns: firstRatios,
    repeatRatio: median(repeatRatios),
    repeatRatioRuns: repeatRatios,
    firstCpuMsMedian: median(runs.map((o) => o.first.cpuMs)),
    cpuRatio: streamRuns.every((x) => x.cpuMs) ? median(runs.map((o, i) => o.first.cpuMs / streamRuns[i].cpuMs)) : null,
    peakRssFirstKiB: Math.max(...runs.map((o) => o.first.maxRssKiB)),
    peakRssRepeatKiB: Math.max(...runs.map((o) => o.timeRssKiB ?? o.repeat.maxRssKiB)),
    processWallMsMedian: median(runs.map((o) => o.wallMs)),
    compileAllMsMedian: median(runs.map((o) => o.compileMs)),
  };
  b.passWall = b.ratio <= TARGETS.bigWallRatio;
  b.passRss = mib(b.peakRssFirstKiB) <= TARGETS.bigRssMiB;
  b.pass = b.passWall && b.passRss;
  big.ours[e] = b;
}
big.pass = big.ours.full.pass;

// ---------------------------------------------------------------------------------------------
// Report

const table = (rows) => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
};
const ENGINE_LABEL = { full: 'ours full (XSD + rules)', xsd: 'ours XSD only' };

log(`\n=== a) Small messages: one core, ${COUNT} generated files per type, median of ${ROUNDS} rounds of ${Math.min(BATCH, COUNT)} ===`);
const smallRows = [['type', 'avg bytes', 'engine', 'msg/s (wall)', 'ratio*', 'target', 'result', 'msg/CPU-s', 'CPU ratio']];
const cpuCell = (x, d = 0) => (x === null || x === undefined ? 'n/a' : fmt(x, d));
for (const [type, s] of Object.entries(small)) {
  const target = type === 'jw301' ? `≥${fmt(TARGETS.jw301PerSecond)}/s and ≥${TARGETS.smallRatio}×` : `≥${TARGETS.smallRatio}×`;
  smallRows.push([type.toUpperCase(), fmt(s.avgBytes), ENGINE_LABEL.full, fmt(s.perSecondMedian.full), fmt(s.ratio.full, 2), target, verdict(s.pass), cpuCell(s.perCpuSecondMedian.full), cpuCell(s.cpuRatio.full, 2)]);
  if (s.ratio.xsd !== undefined) smallRows.push(['', '', ENGINE_LABEL.xsd, fmt(s.perSecondMedian.xsd), fmt(s.ratio.xsd, 2), '(info)', verdict(s.passXsd), cpuCell(s.perCpuSecondMedian.xsd), cpuCell(s.cpuRatio.xsd, 2)]);
  smallRows.push(['', '', `xmllint --noout --schema (${refLabel})`, fmt(s.perSecondMedian.xmllint), '1.00', 'reference', '', cpuCell(s.perCpuSecondMedian.xmllint), '1.00']);
  smallRows.push(['', '', 'xmllint --noout --schema (our XSD, info)', fmt(s.perSecondMedian.xmllintOurXsd), '', '', '', cpuCell(s.perCpuSecondMedian.xmllintOurXsd), '']);
}
log(table(smallRows));
log(`  * ratio = median over the rounds of (our rate / xmllint's rate on the same ${Math.min(BATCH, COUNT)} files in the same round).`);
log('    Verdicts use wall time; the CPU columns (process CPU time, all threads) are less sensitive to other load on the machine.');
for (const [type, s] of Object.entries(small)) {
  log(`  ${type.toUpperCase()} per round: full ${s.perSecondRounds.full.map((r) => fmt(r)).join(' ')}`);
  log(`  ${' '.repeat(type.length)}            xmllint ${s.perSecondRounds.xmllint.map((r) => fmt(r)).join(' ')}`);
  log(`  ${' '.repeat(type.length)}            ratio ${s.ratioRounds.full.map((r) => fmt(r, 2)).join(' ')}`);
  if (s.stepsPerMessageUs) log(`  ${' '.repeat(type.length)}            one message step by step (µs): ${Object.entries(s.stepsPerMessageUs).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
}
if (Object.keys(fixtureRuns).length > 0) {
  log(`\n  For information, the valid fixtures (fixtures/<type>/valid-*.xml) cycled to ${Math.min(COUNT, BATCH)} validations:`);
  const rows = [['fixtures', 'files', 'avg bytes', 'full msg/s', 'xsd msg/s', 'xmllint/s', 'ratio full']];
  for (const [type, f] of Object.entries(fixtureRuns)) {
    rows.push([type.toUpperCase(), f.distinctFiles, fmt(f.avgBytes), fmt(f.perSecondMedian.full), f.perSecondMedian.xsd === undefined ? 'n/a' : fmt(f.perSecondMedian.xsd), fmt(f.perSecondMedian.xmllint), fmt(f.ratio.full, 2)]);
  }
  log(table(rows).replace(/^/gm, '  '));
}

log(`\n=== b) JW323: ${fmt(bigInfo.bytes)} bytes, ${fmt(bigInfo.clients)} clients, ${fmt(bigInfo.prestaties)} prestaties, ours on all cores (xmllint has one), median of ${BIG_RUNS} runs ===`);
const bigRows = [['measurement', 'wall ms', 'ratio', 'peak RSS MiB', 'result', 'CPU ms', 'CPU ratio']];
const cpuMsCell = (x) => (x === null || x === undefined ? 'n/a' : fmt(x));
for (const e of bigEngines) {
  const b = big.ours[e];
  bigRows.push([`${ENGINE_LABEL[e]}: read + validate, first in the process`, fmt(b.firstMsMedian), fmt(b.ratio, 2), fmt(mib(b.peakRssFirstKiB)), e === 'full' ? verdict(b.pass) : `(info: ${verdict(b.pass)})`, cpuMsCell(b.firstCpuMsMedian), b.cpuRatio === null ? 'n/a' : fmt(b.cpuRatio, 2)]);
  bigRows.push([`${ENGINE_LABEL[e]}: repeat in the same process (info)`, fmt(b.repeatMsMedian), fmt(b.repeatRatio, 2), fmt(mib(b.peakRssRepeatKiB)), '', '', '']);
}
bigRows.push([`xmllint --stream --noout --schema (${refLabel})`, fmt(streamMs), '1.00', big.xmllintStream.peakRssKiB === null ? 'n/a' : fmt(mib(big.xmllintStream.peakRssKiB)), 'reference', cpuMsCell(big.xmllintStream.cpuMsMedian), '1.00']);
bigRows.push([`xmllint --noout --schema, whole document (info)`, fmt(dom.wallMs), fmt(dom.wallMs / streamMs, 2), dom.maxRssKiB === null ? 'n/a' : fmt(mib(dom.maxRssKiB)), '', cpuMsCell(dom.cpuMs), '']);
bigRows.push(['our child process with compiled schemas, no message (info)', '', '', fmt(mib(big.baselinePeakRssKiB)), '', '', '']);
log(table(bigRows));
const bf = big.ours.full;
log(`  targets: ≤ ${TARGETS.bigWallRatio}× xmllint --stream → ${fmt(bf.ratio, 2)}× ${verdict(bf.passWall)}; peak RSS ≤ ${TARGETS.bigRssMiB} MiB → ${fmt(mib(bf.peakRssFirstKiB))} MiB ${verdict(bf.passRss)}`);
log('  ratio = median over the runs of (our time / xmllint --stream time in the same run); verdicts use wall time.');
if (big.ours.xsd !== undefined) {
  const rulesRatios = big.ours.full.firstMsRuns.map((ms, i) => ms / big.ours.xsd.firstMsRuns[i]);
  big.rulesOverXsd = { ratioRuns: rulesRatios, ratio: median(rulesRatios), pass: median(rulesRatios) <= 1.5 };
  log(`  rules on top of XSD validation (full ÷ XSD only, per run): ${rulesRatios.map((r) => fmt(r, 2)).join(' ')}; median ${fmt(big.rulesOverXsd.ratio, 2)} → target ≤ 1.50 ${verdict(big.rulesOverXsd.pass)}`);
}
for (const e of bigEngines) log(`  ${ENGINE_LABEL[e]} per run, first: ${big.ours[e].firstMsRuns.map((x) => fmt(x)).join(' ')} ms; repeat: ${big.ours[e].repeatMsRuns.map((x) => fmt(x)).join(' ')} ms`);
log(`  xmllint --stream per run: ${big.xmllintStream.wallMsRuns.map((x) => fmt(x)).join(' ')} ms`);
if (breakdown.ms) log(`  one validation step by step (ms): ${Object.entries(breakdown.ms).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
const loadAtEnd = loadavg();
if (loadAtStart[0] > 0.5) notes.push(`The machine was busy when the bench started (load average ${loadAtStart[0]}): absolute rates are low, ratios less affected.`);
for (const n of notes) log(`note: ${n}`);

// ---------------------------------------------------------------------------------------------
// c) HTTP end to end: bench/http.mjs in a process of its own (it starts the gateway as a child and
// runs the load generator itself); not pinned, it needs both cores. --no-http skips it.

let http = null;
if (!argv.includes('--no-http')) {
  const httpJson = join(DEFAULT_OUT, 'http-results.json');
  rmSync(httpJson, { force: true });
  const passthrough = [];
  ensureWrk();
  for (const [ours, theirs] of [['--http-workers', '--workers'], ['--http-duration', '--duration'], ['--http-half-duration', '--half-duration'], ['--http-half-warmup', '--half-warmup'], ['--http-warmup', '--warmup'], ['--http-load', '--load']]) {
    if (opt(ours, undefined) !== undefined) passthrough.push(theirs, opt(ours, undefined));
  }
  const r = spawnSync(process.execPath, [join(BENCH_DIR, 'http.mjs'), '--json', httpJson, ...passthrough], { stdio: 'inherit', cwd: REPO_ROOT });
  if (existsSync(httpJson)) http = JSON.parse(readFileSync(httpJson, 'utf8'));
  if (r.status !== 0 || http === null || http.error !== undefined) {
    notes.push(`c) HTTP end to end failed (exit ${r.status}${http?.error ? `: ${http.error.split('\n')[0]}` : ''})`);
    process.exitCode = 1;
  }
}

// d) Cross-message state with 1,000,000 toewijzingen in history; --no-state skips it.
let state = null;
if (!argv.includes('--no-state')) {
  const r = runState();
  state = r.state;
  if (r.status !== 0 || state === null) {
    notes.push(`d) cross-message state failed (exit ${r.status})`);
    process.exitCode = 1;
  }
}

// e) What the quality tallies cost at ingest: bench/tally.mjs, tallies on against off in the same
// run (a process of its own, so its heap and statement caches are its own). --no-tally skips it.
let tally = null;
if (!argv.includes('--no-tally')) {
  const tallyJson = join(DEFAULT_OUT, 'tally-results.json');
  rmSync(tallyJson, { force: true });
  const r = spawnSync(process.execPath, [join(BENCH_DIR, 'tally.mjs'), '--json', tallyJson], { stdio: 'inherit', cwd: REPO_ROOT });
  if (existsSync(tallyJson)) tally = JSON.parse(readFileSync(tallyJson, 'utf8'));
  if (r.status !== 0 || tally === null) {
    notes.push(`e) quality tallies failed (exit ${r.status})`);
    process.exitCode = 1;
  }
}

const results = {
  date: started.toISOString(),
  machine: { cpu: cpus[0]?.model ?? null, cpus: cpus.length, memGiB: os.totalmem() / 2 ** 30, platform: `${os.type()} ${os.release()}`, loadAtStart, loadAtEnd },
  code,
  versions: { node: process.version, libxml2Wasm: libxml2WasmVersion, xmllint: xmllintVersion },
  settings: { count: COUNT, rounds: ROUNDS, batch: BATCH, bigRuns: BIG_RUNS, pinnedCpu: pinCpu, referenceSchemas: ref.dir, referenceOfficial: ref.official },
  targets: TARGETS,
  small,
  fixtures: fixtureRuns,
  big,
  http,
  state,
  tally,
  pass:
    small.jw301.pass &&
    small.jw305.pass &&
    big.pass &&
    (http === null || http.pass === true) &&
    (state === null || state.pass === true) &&
    (tally === null || tally.pass === true),
  notes,
};
writeFileSync(join(DEFAULT_OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`\nresults: bench/out/results.json — overall ${verdict(results.pass)} (verdicts on ours full${http === null ? '; c) not run' : ''})`);
if (CHECK && !results.pass) process.exitCode = 1;
