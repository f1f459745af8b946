#!/usr/bin/env node
/**
 * c) HTTP end to end: 50 concurrent senders POST distinct, valid JW301s to the gateway over
 * loopback; accepted messages per second (auth, validate, rules, durable store, queued for
 * delivery) against the raw single-process validate rate of the same bodies, measured in the same
 * run (house rule: a ratio against a reference from the same run, never a timed test).
 *
 *   node bench/http.mjs [--workers 1,2] [--connections 50] [--warmup 5] [--duration 20]
 *                       [--half-duration 15] [--half-warmup 3] [--raw-count 4000] [--raw-passes 3]
 *                       [--raw-adjacent-passes 2]
 *                       [--load wrk|autocannon]
 *                       [--cpu-prof] [--json <file>] [--check]
 *
 * Started by bench/run.mjs (npm run bench) after scenarios a) and b); it runs on its own too
 * (after `npm run build`). For each worker count (IJW_WORKERS):
 *
 * 1. the gateway runs in a child process of its own (`startGateway` with the configuration of
 *    `ijw-gateway serve --port 0`, IJW_LOG_LEVEL=warn, a fresh data directory on disk), so that
 *    the load generator does not share its event loop;
 * 2. warm-up: wrk (one thread; autocannon when wrk is not installed or --load autocannon),
 *    --connections connections, --warmup seconds. wrk builds the bodies in Lua (wrkScript), checked
 *    byte for byte against bodyFactory() first; it needs less than half of autocannon's CPU per
 *    request, and on this 2-core machine the load generator's CPU is taken from the gateway;
 * 3. max: the same load, --connections connections, --duration seconds: accepted/s (202 with outcome
 *    "accepted" only), latency percentiles, CPU time of the gateway process (per thread) and of
 *    the load generator, event-loop utilisation of the gateway's main thread;
 * 4. half load, twice, at half of 3.'s accepted/s, --half-duration seconds each:
 *    - autocannon `overallRate` (what the issue names). autocannon enforces a rate as a quota per
 *      connection per second: each connection sends back to back at the start of every second
 *      until its quota is used, so the first part of each second is full load. Its latencies are
 *      taken as measured (ignoreCoordinatedOmission: its correction assumes an interval of
 *      ceil(1/rate) = 1 ms and fills in samples 1 ms apart below each latency, which lowers the
 *      percentiles);
 *    - a paced open-loop sender (undici Pool over the same number of connections): requests
 *      leave at evenly spaced instants and latency is measured from the instant a request was
 *      due (so queueing in the sender counts too: no coordinated omission). Its first
 *      --half-warmup seconds are sent at the same rate but not measured: the pool opens its
 *      connections and the sender's code warms up then, as the full-speed load has a warm-up of
 *      its own (without it, the first half second alone held 2 % of the answers over 25 ms);
 * 5. the gateway is stopped and its SQLite file opened: every id answered 202 "accepted" must be
 *    a row with status accepted and a pending delivery, and there are no more accepted rows than
 *    requests sent.
 *
 * Raw rate: a child process builds the same bodies, compiles the schemas and runs
 * `validateWithLibxml2` (XSD + in-message rules, one thread, in memory) over --raw-count of them,
 * a number of passes after a warm-up pass. The ratio of a gateway is taken against the raw rate
 * of the same minutes: such a child runs just before its warm-up and again just after its max
 * phase (--raw-adjacent-passes each), and the reference is the median of those passes, as a)
 * pairs ours and xmllint round by round. On this shared VM the machine's speed moves by a fifth
 * within minutes (one run: raw passes of 7,011-7,145/s before the gateways, 3,997-4,432/s after),
 * so a reference from other minutes moved the ratio by as much. For information the raw rate is
 * also measured --raw-passes times before the first gateway and after the last (formerly the
 * reference), and the ratio against the median of those is reported beside the
 * verdict. The child also runs `analyse` (what a gateway worker does per message: validation
 * plus header fields, correlation keys and answer), for information.
 *
 * Bodies: the 2,000 JW301s of bench/generate.mjs as templates, with Afzender 0228 (Ede, demo key
 * `demo-ede-0228-not-secret`), Ontvanger alternating between the configured aanbieders 98041733
 * and 98062519 (mailbox delivery), Identificatie `228` + the 9-digit sequence number and the
 * ToewijzingNummers moved by 1,000,000 per pass over the templates, so that every request is a
 * new message (a resend of an Identificatie would be answered from the store without work). A
 * sample spread over the sequence is checked with xmllint and `ijw-gateway validate` first, and
 * every body the raw child validates must be valid.
 *
 * Targets (issue): accepted ≥ 2,500/s on this 2-core machine and ≥ 0.5 × the raw rate; p99
 * latency at half that load ≤ 25 ms, judged on the paced sender (the autocannon figure has its
 * own verdict beside it). Verdicts on the worker count with the highest accepted/s.
 * --cpu-prof: the gateway child runs with --cpu-prof (main thread and workers); for each thread
 * the time per area (store commit, piscina, fastify, libxml2, rules, …) and the top functions are
 * printed, and the profiles are kept in bench/out/http-prof/ (open them in Chrome DevTools).
 * IJW_BENCH_ROOT=<dir>: measure the build in another checkout or copy (see ROOT below).
 * Writes bench/out/http-results.json (or --json <file>); exit status 1 when something fails and,
 * with --check, also when a target is missed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lineChild } from './child.mjs';
import { DEFAULT_OUT, REPO_ROOT, generateSmall, referenceXsdDir } from './generate.mjs';

const SELF = fileURLToPath(import.meta.url);
/**
 * The build measured: this repository's dist/, or that of the copy or checkout in
 * $IJW_BENCH_ROOT (a directory with dist/, schemas/ and mappings/), e.g. to compare a change
 * side by side with the same bench. The children inherit it.
 */
const ROOT = resolve(process.env.IJW_BENCH_ROOT ?? REPO_ROOT);
const dist = (file) => pathToFileURL(join(ROOT, 'dist', file)).href;
const SENDER = { code: '0228', name: 'Ede', apiKey: 'demo-ede-0228-not-secret' };
/** Configured aanbieders with mailbox delivery in mappings/parties.json. */
const RECIPIENTS = ['98041733', '98062519'];
const TEMPLATES = 2000;
const TARGETS = { acceptedPerSecond: 2500, ratio: 0.5, p99HalfLoadMs: 25 };

const out = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
/** Marks the gateway child's answers among its log lines on stdout. */
const PROTOCOL = '@bench ';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------------------------------------
// Bodies

/**
 * body(i) for i = 0, 1, 2, …: template i mod 2000 (without ReferentieAanbieder) with the sender, a recipient, Identificatie
 * `228` + (i + 1) in 9 digits and ToewijzingNummer + 1,000,000 × floor(i / 2000). Deterministic:
 * the raw child and the load generator build the same bodies.
 */
export function bodyTemplates() {
  return generateSmall({ count: TEMPLATES }).jw301.map(({ xml }) => {
    // Without ReferentieAanbieder: an assignment that answers no request, which the gateway admits
    // without an open VOT before it (TR379); everything else as generated.
    const fixed = xml
      .replace(/<jw301:Afzender>\d{4}</, `<jw301:Afzender>${SENDER.code}<`)
      .replace(/<jw301:ReferentieAanbieder>[^<]*<\/jw301:ReferentieAanbieder>\s*/g, '');
    const parts = [];
    const slots = [];
    let last = 0;
    for (const m of fixed.matchAll(/<jw301:Ontvanger>(\d{8})<|<ijw:Identificatie>(\d+)<|<jw301:ToewijzingNummer>(\d+)</g)) {
      const value = m[1] ?? m[2] ?? m[3];
      const start = m.index + m[0].indexOf('>') + 1;
      parts.push(fixed.slice(last, start));
      slots.push(m[1] !== undefined ? 'ontvanger' : m[2] !== undefined ? 'id' : Number(m[3]));
      last = start + value.length;
    }
    parts.push(fixed.slice(last));
    if (slots.filter((s) => s === 'id').length !== 1 || slots.filter((s) => s === 'ontvanger').length !== 1) {
      throw new Error('bench/generate.mjs changed: a JW301 template no longer has one Ontvanger and one Identificatie');
    }
    return { parts, slots };
  });
}

/** body(i), built from bodyTemplates(); the Lua of wrkScript() builds the same bytes. */
export function bodyFactory() {
  const templates = bodyTemplates();
  return (i) => {
    if (i >= 1_000_000_000 - 1 || i >= 990 * TEMPLATES) throw new Error(`body ${i}: out of distinct identifications`);
    const { parts, slots } = templates[i % TEMPLATES];
    const cycle = Math.floor(i / TEMPLATES);
    let s = parts[0];
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k];
      s += slot === 'id' ? `228${String(i + 1).padStart(9, '0')}` : slot === 'ontvanger' ? RECIPIENTS[i % RECIPIENTS.length] : String(slot + cycle * 1_000_000);
      s += parts[k + 1];
    }
    return s;
  };
}

/** A JavaScript string as a Lua string literal (bytes as they are: the file is written as UTF-8). */
function luaString(text) {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/**
 * The Lua script that makes wrk send body(start), body(start + 1), … (the bytes bodyFactory()
 * builds) and count the answers as record() does; done() writes the counts, the accepted ids and
 * wrk's latency percentiles to files in `outDir`. For one wrk thread (-t 1).
 */
/**
 * Calls `send(scheduled)` `total` times, evenly spaced at `rate` per second from now, and resolves
 * once every call has settled. An open loop: a slow answer does not hold up the next call.
 * `scheduled` is the performance.now() at which the call was due, the start of its latency.
 */
export async function pacedCalls(rate, total, send) {
  const t0 = performance.now();
  const inflight = new Set();
  let sent = 0;
  await new Promise((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000));
      while (sent < due) {
        const scheduled = t0 + (sent * 1000) / rate;
        sent++;
        const p = send(scheduled).finally(() => inflight.delete(p));
        inflight.add(p);
      }
      if (sent < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(inflight);
}

export function wrkScript(outDir) {
  const templates = bodyTemplates()
    .map(({ parts, slots }) => `{p={${parts.map(luaString).join(',')}},s={${slots.map((x) => (typeof x === 'number' ? String(x) : luaString(x))).join(',')}}}`)
    .join(',\n');
  return `-- Generated by bench/http.mjs: distinct JW301s for wrk, the same bytes as bodyFactory() builds.
local T = {
${templates}
}
local N = #T
local R = {${RECIPIENTS.map(luaString).join(',')}}
local HEADERS = { ["Content-Type"] = "application/xml", ["X-API-Key"] = ${luaString(SENDER.apiKey)} }
local OUT = ${luaString(outDir)}

nexti = 0
accepted = 0
ids = {}
other = {}
example = ""

function init(args)
  nexti = tonumber(args[1])
end

local function body(i)
  local t = T[(i % N) + 1]
  local cycle = math.floor(i / N)
  local out = { t.p[1] }
  for k = 1, #t.s do
    local slot = t.s[k]
    if slot == "id" then out[#out + 1] = string.format("228%09d", i + 1)
    elseif slot == "ontvanger" then out[#out + 1] = R[(i % #R) + 1]
    else out[#out + 1] = string.format("%d", slot + cycle * 1000000) end
    out[#out + 1] = t.p[k + 1]
  end
  return table.concat(out)
end

function request()
  local b = body(nexti)
  nexti = nexti + 1
  return wrk.format("POST", "/berichten", HEADERS, b)
end

function response(status, headers, text)
  if status == 202 and string.find(text, '"outcome":"accepted"', 1, true) then
    accepted = accepted + 1
    local id = string.match(text, '"id":"([^"]+)"')
    if id then ids[#ids + 1] = id end
  else
    local key = status .. " " .. (string.match(text, '"outcome":"([a-z]+)"') or "-")
    other[key] = (other[key] or 0) + 1
    if example == "" then example = string.sub(text, 1, 600) end
  end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local t = threads[1]
  local f = io.open(OUT .. "/stats.txt", "w")
  local e = summary.errors
  f:write("accepted\\t", t:get("accepted"), "\\n", "next\\t", t:get("nexti"), "\\n", "requests\\t", summary.requests, "\\n",
    "duration_us\\t", summary.duration, "\\n", "errors\\t", e.connect + e.read + e.write + e.status, "\\n", "timeouts\\t", e.timeout, "\\n",
    "mean\\t", latency.mean, "\\n", "max\\t", latency.max, "\\n")
  for _, q in ipairs({ 50, 90, 97.5, 99, 99.9 }) do f:write("p", q, "\\t", latency:percentile(q), "\\n") end
  for k, v in pairs(t:get("other")) do f:write("other\\t", k, "\\t", v, "\\n") end
  f:close()
  f = io.open(OUT .. "/ids.txt", "w")
  f:write(table.concat(t:get("ids"), "\\n"))
  f:close()
  f = io.open(OUT .. "/example.txt", "w")
  f:write(t:get("example"))
  f:close()
end
`;
}

// ---------------------------------------------------------------------------------------------
// Child process modes

/** CPU time per thread of this process (Linux /proc), in clock ticks. */
function threadTicks() {
  const list = [];
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      list.push({ tid: Number(tid), name, user: Number(f[11]), system: Number(f[12]) });
    }
  } catch {
    return null;
  }
  return list;
}

/** Child: raw <count> <passes>. */
async function rawChild(modeArgs) {
  // raw <count> <passes>: validateWithLibxml2 and analyse over body(0..count-1), in memory.
  const [countArg, passesArg] = modeArgs;
  const count = Number(countArg);
  const passes = Number(passesArg);
  const body = bodyFactory();
  const bytes = Array.from({ length: count }, (_, i) => Buffer.from(body(i)));
  const { loadConfig } = await import(dist('config.js'));
  const { SchemaSet } = await import(dist('validate/schema-set.js'));
  const { validateWithLibxml2 } = await import(dist('validate/libxml2-engine.js'));
  const { analyse } = await import(dist('ingest/analyse.js'));
  const config = loadConfig({}, {}); // the gateway's defaults: size limit and accepted XsdVersies
  const rules = { xsdVersies: { basisschema: config.xsdVersies, bericht: config.xsdVersies } };
  const schemas = SchemaSet.ours().compileAll();
  const engines = {
    full: (b) => validateWithLibxml2(b, { schemas, maxBytes: config.maxBytes, rules }),
    // analyse became async when large declaraties got chunked validation; await covers both.
    analyse: async (b) => (await analyse(b, { schemas, maxBytes: config.maxBytes, rules, answerId: 'G00000000001', today: new Date().toISOString().slice(0, 10) })).result,
  };
  const onePass = async (fn) => {
    let invalid = 0;
    let firstInvalid = null;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < bytes.length; i++) {
      let r = fn(bytes[i]);
      if (typeof r?.then === 'function') r = await r;
      if (!r.valid) {
        invalid++;
        firstInvalid ??= { i, fouten: r.fouten.slice(0, 3) };
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { perSecond: bytes.length / seconds, perCpuSecond: bytes.length / ((cpu.user + cpu.system) / 1e6), invalid, firstInvalid };
  };
  const warm = { full: await onePass(engines.full), analyse: await onePass(engines.analyse) };
  const result = { count, warmup: warm, full: [], analyse: [] };
  for (let p = 0; p < passes; p++) for (const e of ['full', 'analyse']) result[e].push(await onePass(engines[e]));
  out(result);
  process.exit(0);
}

/**
 * Starts `gatewayChild` in a process of its own with `workers` ingest threads on `dataDir` and
 * waits until it listens; `stats()` and `quit()` talk to it over stdin (bench/list-load.mjs too).
 */
export async function startGatewayChild(workers, dataDir, execArgv = []) {
  const child = spawn(process.execPath, [...execArgv, SELF, 'gateway', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, IJW_LOG_LEVEL: 'warn', IJW_WORKERS: String(workers) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr = [];
  child.stderr.on('data', (d) => {
    stderr.push(d.toString());
    if (stderr.length > 200) stderr.splice(0, stderr.length - 200);
  });
  // The gateway logs (pino, JSON) to stdout as well: our answers are the lines marked PROTOCOL.
  const io = lineChild(
    child,
    (line) => {
      if (line.startsWith(PROTOCOL)) return JSON.parse(line.slice(PROTOCOL.length));
      stderr.push(`${line}\n`);
      return undefined;
    },
    () => new Error(`the gateway child ended early:\n${stderr.join('').slice(-3000)}`),
  );
  const ready = await io.next();
  return { ...ready, stderr, stats: () => io.ask('stats'), quit: io.quit, kill: io.kill };
}

/** Child: gateway <dataDir>. */
async function gatewayChild(modeArgs) {
  // gateway <dataDir>: the gateway as `ijw-gateway serve --port 0 --data-dir <dataDir>` starts it
  // (configuration from the environment: IJW_WORKERS, IJW_LOG_LEVEL, …); answers "stats" and
  // "quit" on stdin with one JSON line each.
  const [dataDir] = modeArgs;
  const { loadConfig } = await import(dist('config.js'));
  const { startGateway } = await import(dist('main.js'));
  const config = loadConfig(process.env, { port: 0, dataDir });
  const gateway = await startGateway(config);
  const answer = (obj) => process.stdout.write(`${PROTOCOL}${JSON.stringify(obj)}\n`);
  answer({ ready: true, url: gateway.url, workers: config.workers, logLevel: config.logLevel, pid: process.pid });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === 'stats') {
      answer({ cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), threads: threadTicks(), rss: process.memoryUsage().rss });
    } else if (line.trim() === 'quit') break;
  }
  await gateway.close();
  answer({ closed: true, maxRssKiB: process.resourceUsage().maxRSS });
  process.exit(0); // writes the --cpu-prof profiles
}


// ---------------------------------------------------------------------------------------------
// Options and setup (the bench itself)

/** The bench: raw rate, then one gateway per worker count under load. */
async function bench() {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
  };
  const WORKERS = String(opt('--workers', '1,2')).split(',').map(Number);
  const CONNECTIONS = Number(opt('--connections', 50));
  const WARMUP_S = Number(opt('--warmup', 5));
  const DURATION_S = Number(opt('--duration', 20));
  const HALF_S = Number(opt('--half-duration', 15));
  const HALF_WARMUP_S = Number(opt('--half-warmup', 3));
  const RAW_COUNT = Number(opt('--raw-count', 4000));
  const RAW_PASSES = Number(opt('--raw-passes', 3));
  const RAW_ADJACENT_PASSES = Number(opt('--raw-adjacent-passes', 2));
  const CPU_PROF = argv.includes('--cpu-prof');
  // The load at full speed (warm-up and max): wrk when installed, a C load generator that needs a
  // fraction of autocannon's CPU, which on this 2-core machine is CPU left to the gateway.
  const WRK_VERSION = (() => {
    const r = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
    return r.error ? null : `${r.stdout}${r.stderr}`.split('\n')[0].trim();
  })();
  const LOAD = opt('--load', WRK_VERSION !== null ? 'wrk' : 'autocannon');
  if (LOAD === 'wrk' && WRK_VERSION === null) throw new Error('--load wrk: wrk is not installed (apt-get install wrk)');
  if (LOAD !== 'wrk' && LOAD !== 'autocannon') throw new Error(`--load ${LOAD}: wrk or autocannon`);
  const TIME_AVAILABLE = spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { encoding: 'utf8' }).status === 0;
  const CHECK = argv.includes('--check');
  const JSON_OUT = resolve(opt('--json', join(DEFAULT_OUT, 'http-results.json')));
  const PROF_DIR = join(DEFAULT_OUT, 'http-prof');
  const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

  const log = (...a) => console.log(...a);
  const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

  for (const f of ['main.js', 'config.js', 'validate/libxml2-engine.js', 'ingest/analyse.js', 'cli/main.js']) {
    if (!existsSync(join(ROOT, 'dist', f))) throw new Error(`${join(ROOT, 'dist', f)} is missing: run npm run build first`);
  }
  const { default: autocannon } = await import('autocannon');
  const { Pool } = await import('undici');
  const { default: Database } = await import('better-sqlite3');

  function codeVersion() {
    const git = (...a) => spawnSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8' });
    const head = git('rev-parse', '--short', 'HEAD');
    if (head.error || head.status !== 0) return { commit: null, srcModified: null, modified: [] };
    const dirty = git('status', '--porcelain', '--', 'src', 'schemas');
    const modified = dirty.stdout.split('\n').filter(Boolean).map((l) => l.slice(3));
    return { commit: head.stdout.trim(), srcModified: modified.length > 0, modified };
  }

  const started = new Date();
  const loadAtStart = loadavg();
  const code = codeVersion();
  const versions = {
    node: process.version,
    autocannon: JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'autocannon', 'package.json'), 'utf8')).version,
    fastify: JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'fastify', 'package.json'), 'utf8')).version,
    wrk: WRK_VERSION,
  };
  const notes = [];
  log(`\n=== c) HTTP end to end: ${CONNECTIONS} connections over loopback, POST /berichten, distinct valid JW301s ===`);
  log(`${started.toISOString()}; ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length} CPUs; node ${process.version}; autocannon ${versions.autocannon}; load average ${loadAtStart.join(' ')}`);
  log(`load at full speed (warm-up, max): ${LOAD === 'wrk' ? `${WRK_VERSION}, one thread` : `autocannon ${versions.autocannon}`}; half load: autocannon overallRate and a paced undici sender`);
  log(`code: commit ${code.commit ?? '?'}${code.srcModified ? ` + uncommitted changes in ${code.modified.join(', ')}` : ''}`);
  if (ROOT !== REPO_ROOT) {
    log(`measuring the build in ${ROOT} (IJW_BENCH_ROOT), not this repository's dist/`);
    notes.push(`measured the build in ${ROOT} (IJW_BENCH_ROOT)`);
  }

  const body = bodyFactory();

  // A sample of the bodies, spread over the sequence numbers a run uses, checked with xmllint and
  // with our own CLI (XSD and in-message rules).
  {
    const dir = mkdtempSync(join(os.tmpdir(), 'ijw-http-sample-'));
    const picks = Array.from({ length: 120 }, (_, k) => (k * 2_503) % 300_000);
    const files = picks.map((i) => {
      const f = join(dir, `body-${String(i).padStart(7, '0')}.xml`);
      writeFileSync(f, body(i));
      return f;
    });
    const ref = referenceXsdDir();
    const x = spawnSync('xmllint', ['--noout', '--schema', join(ref.dir, 'jw301.xsd'), ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (x.error) notes.push(`xmllint not available: the sample was checked with our CLI only (${x.error.message})`);
    else if (x.status !== 0) throw new Error(`xmllint rejects a generated HTTP body:\n${x.stderr.split('\n').filter((l) => !l.endsWith(' validates')).slice(0, 5).join('\n')}`);
    const v = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'validate', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (v.status !== 0) throw new Error(`ijw-gateway validate rejects a generated HTTP body (exit ${v.status}):\n${(v.stdout + v.stderr).slice(0, 3000)}`);
    rmSync(dir, { recursive: true, force: true });
    log(`bodies: ${TEMPLATES} JW301 templates (bench/generate.mjs), ${SENDER.name} ${SENDER.code} → ${RECIPIENTS.join(' / ')}, distinct Identificatie per request; avg ${fmt(avgBytes(2000))} bytes;`);
    log(`        a sample of ${files.length} checked with xmllint (${ref.official ? 'official' : 'our'} XSD) and ijw-gateway validate: all valid`);
  }

  // wrk builds the bodies in Lua (wrkScript): they must be the bytes checked above. One connection
  // to a server here that keeps what it receives, compared with bodyFactory()'s bodies.
  const WRK_DIR = mkdtempSync(join(os.tmpdir(), 'ijw-http-wrk-'));
  const WRK_SCRIPT = join(WRK_DIR, 'bodies.lua');
  if (LOAD === 'wrk') {
    writeFileSync(WRK_SCRIPT, wrkScript(WRK_DIR));
    const http = await import('node:http');
    const received = [];
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (d) => chunks.push(d));
      req.on('end', () => {
        if (received.length < 200) received.push(Buffer.concat(chunks));
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"x","outcome":"accepted"}');
      });
    });
    await new Promise((res) => server.listen(0, '127.0.0.1', res));
    const start = 2 * TEMPLATES - 50; // across a pass over the templates: ToewijzingNummers move
    const w = spawn('wrk', ['-t1', '-c1', '-d1s', '-s', WRK_SCRIPT, `http://127.0.0.1:${server.address().port}/berichten`, '--', String(start)], { stdio: 'ignore' });
    await new Promise((res) => w.once('exit', res));
    await new Promise((res) => server.close(res));
    // wrk asks the script for one request it never sends: the bodies may start one index later.
    const skip = [0, 1, 2].find((k) => received[0]?.equals(Buffer.from(body(start + k))));
    const same = skip === undefined ? 0 : received.filter((b, k) => b.equals(Buffer.from(body(start + skip + k)))).length;
    if (received.length < 100 || same !== received.length) {
      throw new Error(`wrk's bodies differ from bodyFactory()'s: ${same} of ${received.length} identical (bench/http.mjs wrkScript)`);
    }
    log(`        wrk's Lua builds the same bytes: ${received.length} bodies compared, all identical`);
  }

  function avgBytes(n) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Buffer.byteLength(body(i));
    return sum / n;
  }

  // ---------------------------------------------------------------------------------------------
  // Raw rate

  function rawRate(label, passes = RAW_PASSES) {
    log(`[raw ${label}] validateWithLibxml2 and analyse, one thread, ${fmt(RAW_COUNT)} bodies × ${passes} passes after a warm-up pass …`);
    const r = spawnSync(process.execPath, [SELF, 'raw', String(RAW_COUNT), String(passes)], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`raw child exited ${r.status}: ${r.stderr.slice(0, 3000)}`);
    const res = JSON.parse(r.stdout.trim().split('\n').pop());
    for (const e of ['full', 'analyse']) {
      const bad = [res.warmup[e], ...res[e]].find((p) => p.invalid > 0);
      if (bad) throw new Error(`${bad.invalid} of the first ${RAW_COUNT} HTTP bodies are invalid (${e}): ${JSON.stringify(bad.firstInvalid)}`);
    }
    return res;
  }

  // ---------------------------------------------------------------------------------------------
  // The gateway child

  /** CPU and event-loop figures of the gateway between two `stats` answers. */
  function gatewayDelta(a, b, pid) {
    const cpuMs = (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000;
    const active = b.elu.active - a.elu.active;
    const idle = b.elu.idle - a.elu.idle;
    // CPU ms per thread kind, user and system (kernel: sockets, write, fsync) apart.
    const threads = {};
    if (a.threads && b.threads) {
      const before = new Map(a.threads.map((t) => [t.tid, t]));
      for (const t of b.threads) {
        const kind = t.tid === pid ? 'main' : t.name === 'node' ? 'other threads (validation workers, V8 helpers)' : t.name;
        const t0 = before.get(t.tid) ?? { user: 0, system: 0 };
        threads[kind] ??= { user: 0, system: 0 };
        threads[kind].user += ((t.user - t0.user) * 1000) / CLK_TCK;
        threads[kind].system += ((t.system - t0.system) * 1000) / CLK_TCK;
      }
    }
    return { cpuMs, mainElu: active / (active + idle), threadsMs: threads };
  }

  // ---------------------------------------------------------------------------------------------
  // Load

  const HEADERS = { 'content-type': 'application/xml', 'x-api-key': SENDER.apiKey };

  /** Counts answers; ids of the accepted ones are kept for the check against the store. */
  function newTally() {
    return { accepted: 0, otherOutcomes: {}, example: null, ids: [] };
  }
  function record(tally, status, text) {
    if (status === 202 && text.includes('"outcome":"accepted"')) {
      tally.accepted++;
      const m = /"id":"([^"]+)"/.exec(text);
      if (m) tally.ids.push(m[1]);
      return;
    }
    const outcome = /"outcome":"([a-z]+)"/.exec(text)?.[1] ?? '-';
    const key = `${status} ${outcome}`;
    tally.otherOutcomes[key] = (tally.otherOutcomes[key] ?? 0) + 1;
    tally.example ??= text.slice(0, 600);
  }

  async function cannon(url, nextIndex, { seconds, overallRate }) {
    const tally = newTally();
    const cpu0 = process.cpuUsage();
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      pipelining: 1,
      duration: seconds,
      timeout: 30,
      ...(overallRate ? { overallRate, ignoreCoordinatedOmission: true } : {}),
      requests: [
        {
          method: 'POST',
          path: '/berichten',
          headers: HEADERS,
          setupRequest: (req) => ({ ...req, body: body(nextIndex()) }),
          onResponse: (status, text) => record(tally, status, text),
        },
      ],
    });
    const cpu = process.cpuUsage(cpu0);
    const l = result.latency;
    return {
      tool: 'autocannon',
      overallRate: overallRate ?? null,
      seconds: result.duration,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      accepted: tally.accepted,
      acceptedPerSecond: tally.accepted / result.duration,
      otherOutcomes: tally.otherOutcomes,
      example: tally.example,
      latencyMs: { mean: l.mean, p50: l.p50, p90: l.p90, p97_5: l.p97_5, p99: l.p99, p99_9: l.p99_9, max: l.max },
      generatorCpuMs: (cpu.user + cpu.system) / 1000,
      ids: tally.ids,
    };
  }

  /**
   * wrk at full speed: one thread, CONNECTIONS connections, bodies from index seq.next on (the Lua
   * of wrkScript); answers counted as record() does. seq.next moves past every body wrk built.
   */
  async function wrkLoad(url, seq, { seconds }) {
    for (const f of ['stats.txt', 'ids.txt', 'example.txt']) rmSync(join(WRK_DIR, f), { force: true });
    const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '30s', '-s', WRK_SCRIPT, `${url}/berichten`, '--', String(seq.next)];
    const cpuFile = join(WRK_DIR, 'cpu.txt');
    const [cmd, cmdArgs] = TIME_AVAILABLE ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, 'wrk', ...args]] : ['wrk', args];
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const status = await new Promise((res) => child.once('exit', res));
    if (status !== 0 || !existsSync(join(WRK_DIR, 'stats.txt'))) throw new Error(`wrk exited ${status}:\n${output.slice(0, 2000)}`);
    const stats = {};
    const otherOutcomes = {};
    for (const line of readFileSync(join(WRK_DIR, 'stats.txt'), 'utf8').split('\n').filter(Boolean)) {
      const [k, a, b] = line.split('\t');
      if (k === 'other') otherOutcomes[a] = Number(b);
      else stats[k] = Number(a);
    }
    seq.next = stats.next;
    const idsText = readFileSync(join(WRK_DIR, 'ids.txt'), 'utf8');
    const ids = idsText === '' ? [] : idsText.split('\n');
    const cpu = TIME_AVAILABLE ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : null;
    const duration = stats.duration_us / 1e6;
    const ms = (us) => us / 1000;
    return {
      tool: WRK_VERSION,
      overallRate: null,
      seconds: duration,
      requests: stats.requests,
      non2xx: Object.entries(otherOutcomes).filter(([k]) => !k.startsWith('2')).reduce((n, [, v]) => n + v, 0),
      errors: stats.errors,
      timeouts: stats.timeouts,
      accepted: stats.accepted,
      acceptedPerSecond: stats.accepted / duration,
      otherOutcomes,
      example: readFileSync(join(WRK_DIR, 'example.txt'), 'utf8') || null,
      latencyMs: { mean: ms(stats.mean), p50: ms(stats.p50), p90: ms(stats.p90), p97_5: ms(stats['p97.5']), p99: ms(stats.p99), p99_9: ms(stats['p99.9']), max: ms(stats.max) },
      generatorCpuMs: cpu === null ? NaN : (cpu[0] + cpu[1]) * 1000,
      ids,
    };
  }

  /**
   * Open loop at `rate` requests/s, evenly spaced, over CONNECTIONS keep-alive connections. The
   * first `warmup` seconds go out at the same rate without a gap, but only the calls due after them
   * are measured; every answer counts for the durability check.
   */
  async function paced(url, nextIndex, { seconds, rate, warmup }) {
    const tally = newTally();
    const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
    const latencies = [];
    let errors = 0;
    let accepted = 0;
    const warmupCalls = Math.round(rate * warmup);
    const total = Math.round(rate * seconds);
    let cpu0 = process.cpuUsage();
    let t0 = performance.now();
    let call = 0;
    await pacedCalls(rate, warmupCalls + total, (scheduled) => {
      const counted = call++ >= warmupCalls;
      if (counted && call === warmupCalls + 1) {
        cpu0 = process.cpuUsage();
        t0 = scheduled;
      }
      return pool
        .request({ path: '/berichten', method: 'POST', headers: HEADERS, body: body(nextIndex()) })
        .then(async (res) => {
          const text = await res.body.text();
          if (counted && res.statusCode >= 200 && res.statusCode < 300) latencies.push(performance.now() - scheduled);
          const before = tally.accepted;
          record(tally, res.statusCode, text);
          if (counted && tally.accepted > before) accepted++;
        })
        .catch(() => {
          errors++;
        });
    });
    const elapsed = (performance.now() - t0) / 1000;
    await pool.close();
    const cpu = process.cpuUsage(cpu0);
    latencies.sort((a, b) => a - b);
    const pct = (q) => (latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]);
    return {
      tool: 'paced (undici)',
      rate,
      warmupSeconds: warmup,
      seconds: elapsed,
      warmupRequests: warmupCalls,
      requests: total,
      errors,
      accepted,
      acceptedPerSecond: accepted / elapsed,
      // The gateway's CPU figures of this phase (gatewayDelta) span the warm-up too.
      acceptedWithWarmup: tally.accepted,
      otherOutcomes: tally.otherOutcomes,
      example: tally.example,
      latencyMs: {
        mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
        p50: pct(0.5),
        p90: pct(0.9),
        p97_5: pct(0.975),
        p99: pct(0.99),
        p99_9: pct(0.999),
        max: latencies.at(-1),
      },
      generatorCpuMs: (cpu.user + cpu.system) / 1000,
      ids: tally.ids,
    };
  }

  /** Every accepted id must be committed as accepted with a pending delivery. */
  function checkStore(dataDir, acceptedIds, requestsSent) {
    const db = new Database(join(dataDir, 'ijw-gateway.sqlite'), { readonly: true });
    try {
      const byStatus = Object.fromEntries(db.prepare('SELECT status, COUNT(*) AS n FROM berichten GROUP BY status').all().map((r) => [r.status, r.n]));
      const pending = db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'pending'").get().n;
      const one = db.prepare("SELECT b.status, (SELECT COUNT(*) FROM deliveries d WHERE d.bericht_id = b.id AND d.state = 'pending') AS pending FROM berichten b WHERE b.id = ?");
      let missing = 0;
      let example = null;
      for (const id of acceptedIds) {
        const row = one.get(id);
        if (row === undefined || row.status !== 'accepted' || row.pending !== 1) {
          missing++;
          example ??= { id, row: row ?? null };
        }
      }
      const acceptedRows = byStatus.accepted ?? 0;
      return {
        rowsByStatus: byStatus,
        pendingDeliveries: pending,
        acceptedAnswers: acceptedIds.length,
        acceptedRows,
        answeredButNotCommitted: missing,
        example,
        // Rows beyond the answers are requests still in flight when a load phase stopped (≤ connections each).
        committedWithoutAnswer: acceptedRows - (acceptedIds.length - missing),
        ok: missing === 0 && acceptedRows <= requestsSent && new Set(acceptedIds).size === acceptedIds.length,
      };
    } finally {
      db.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One gateway per worker count

  async function session(workers) {
    const dataDir = mkdtempSync(join(os.tmpdir(), `ijw-http-bench-w${workers}-`));
    log(`[workers ${workers}] gateway child (IJW_WORKERS=${workers}, IJW_LOG_LEVEL=warn, data ${dataDir}) …`);
    const gw = await startGatewayChild(workers, dataDir, CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(PROF_DIR, `workers-${workers}`)] : []);
    const seq = { next: 0 };
    const nextIndex = () => seq.next++;
    const full = (opts) => (LOAD === 'wrk' ? wrkLoad(gw.url, seq, opts) : cannon(gw.url, nextIndex, opts));
    const phases = {};
    const strip = ({ ids, ...rest }) => rest;
    const allIds = [];
    const keep = (p) => {
      allIds.push(...p.ids);
      return strip(p);
    };
    try {
      const load0 = loadavg();
      // The reference of this gateway's ratio: the raw rate of the same minutes (see the head comment).
      const rawJustBefore = rawRate(`workers ${workers}, just before its load`, RAW_ADJACENT_PASSES);
      phases.warmup = keep(await full({ seconds: WARMUP_S }));
      const s0 = await gw.stats();
      const max = await full({ seconds: DURATION_S });
      const s1 = await gw.stats();
      phases.max = { ...keep(max), gateway: gatewayDelta(s0, s1, gw.pid), loadAverage: loadavg() };
      const m = phases.max;
      log(`  max: ${fmt(m.acceptedPerSecond)} accepted/s (${fmt(m.accepted)} in ${fmt(m.seconds, 1)} s); latency p50 ${fmt(m.latencyMs.p50)} ms, p99 ${fmt(m.latencyMs.p99)} ms; ` +
        `gateway CPU ${fmt(m.gateway.cpuMs / m.accepted, 3)} ms/msg, main-thread ELU ${fmt(m.gateway.mainElu, 2)}; generator CPU ${fmt(m.generatorCpuMs / m.accepted, 3)} ms/msg`);
      const rawJustAfter = rawRate(`workers ${workers}, just after its max phase`, RAW_ADJACENT_PASSES);
      const adjacent = [...rawJustBefore.full, ...rawJustAfter.full];
      const rawAdjacent = {
        passesBefore: rawJustBefore.full.map((p) => p.perSecond),
        passesAfter: rawJustAfter.full.map((p) => p.perSecond),
        fullPerSecond: median(adjacent.map((p) => p.perSecond)),
        fullPerCpuSecond: median(adjacent.map((p) => p.perCpuSecond)),
      };
      log(`  raw rate of the same minutes: ${fmt(rawAdjacent.fullPerSecond)} msg/s (median of ${rawAdjacent.passesBefore.map((x) => fmt(x)).join(' ')} before, ` +
        `${rawAdjacent.passesAfter.map((x) => fmt(x)).join(' ')} after): ratio ${fmt(m.acceptedPerSecond / rawAdjacent.fullPerSecond, 2)}`);
      const half = Math.max(1, Math.round(m.acceptedPerSecond / 2));
      const s2 = await gw.stats();
      phases.halfAutocannon = keep(await cannon(gw.url, nextIndex, { seconds: HALF_S, overallRate: half }));
      const s3 = await gw.stats();
      phases.halfAutocannon.gateway = gatewayDelta(s2, s3, gw.pid);
      phases.halfPaced = keep(await paced(gw.url, nextIndex, { seconds: HALF_S, rate: half, warmup: HALF_WARMUP_S }));
      const s4 = await gw.stats();
      phases.halfPaced.gateway = gatewayDelta(s3, s4, gw.pid);
      for (const [name, p] of [['half (autocannon overallRate)', phases.halfAutocannon], ['half (paced)', phases.halfPaced]]) {
        log(`  ${name} at ${fmt(half)}/s: ${fmt(p.acceptedPerSecond)} accepted/s; latency p50 ${fmt(p.latencyMs.p50, 1)} ms, p99 ${fmt(p.latencyMs.p99, 1)} ms, max ${fmt(p.latencyMs.max)} ms`);
      }
      const closed = await gw.quit();
      const sent = Object.values(phases).reduce((s, p) => s + p.requests + (p.warmupRequests ?? 0), 0) + CONNECTIONS * Object.keys(phases).length;
      const store = checkStore(dataDir, allIds, sent);
      log(`  store: ${fmt(store.acceptedRows)} accepted rows, ${fmt(store.pendingDeliveries)} pending deliveries; ${fmt(store.acceptedAnswers)} answered 202 accepted, ` +
        `${store.answeredButNotCommitted} of those not committed ${verdict(store.ok)}`);
      const errors = gw.stderr.join('').split('\n').filter((l) => /"level":(5|6)0/.test(l) || /^(Error|TypeError)/.test(l));
      if (errors.length > 0) notes.push(`workers ${workers}: the gateway logged ${errors.length} error(s), e.g. ${errors[0].slice(0, 500)}`);
      const problems = Object.entries(phases).filter(([, p]) => Object.keys(p.otherOutcomes).length > 0 || p.errors > 0 || (p.timeouts ?? 0) > 0);
      for (const [name, p] of problems) notes.push(`workers ${workers}, ${name}: other answers ${JSON.stringify(p.otherOutcomes)}, errors ${p.errors}, timeouts ${p.timeouts ?? 0}; e.g. ${p.example}`);
      return { workers, phases, rawAdjacent, halfRate: half, store, gatewayPeakRssKiB: closed.maxRssKiB, loadAverageAtStart: load0, logLines: gw.stderr.join('').split('\n').filter(Boolean).length };
    } finally {
      gw.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // CPU profiles (--cpu-prof): self time per function and per area, per thread

  /**
   * Where a thread's time went: each sample is put in the first of these areas that any frame of
   * its stack matches (so a sample in piscina's postTask called from the ingest called from a
   * fastify handler counts as piscina), plus the top functions by self time.
   */
  const AREAS = [
    ['idle (event loop waiting)', (st) => st[0].fn === '(idle)'],
    ['waiting for a task (piscina Atomics.wait)', (st) => st.some((f) => f.fn === 'atomicsWaitLoop')],
    ['GC', (st) => st[0].fn === '(garbage collector)'],
    ['start-up (module loading, schema compilation)', (st) => st.some((f) => /^node:internal\/modules|^node:internal\/bootstrap/.test(f.url) || f.fn === 'compileAll')],
    ['store: group commit (#flush: BEGIN, inserts, savepoints, COMMIT + fsync)', (st) => st.some((f) => f.fn === '#flush')],
    ['store: look-ups (idempotency key, push queue poll)', (st) => st.some((f) => f.url.includes('dist/store/'))],
    ['ingest today(): new Intl.DateTimeFormat per request', (st) => st.some((f) => f.fn === 'today' && f.url.includes('dist/ingest/'))],
    ['libxml2-wasm (parse, XSD validation)', (st) => st.some((f) => f.url.startsWith('wasm://') || f.url.includes('libxml2-wasm'))],
    ['rules and typed read (dist/validate/rules, read)', (st) => st.some((f) => /dist\/validate\/(rules|read)/.test(f.url))],
    ['validate: other (preflight, report)', (st) => st.some((f) => f.url.includes('dist/validate/'))],
    ['analyse: keys, answer (dist/ingest/analyse, retour)', (st) => st.some((f) => /dist\/ingest\/analyse|dist\/retour/.test(f.url))],
    ['piscina: tasks to and answers from workers', (st) => st.some((f) => f.url.includes('node_modules/piscina'))],
    ['ingest: sha256, ids, route, decisions', (st) => st.some((f) => /dist\/(ingest|route)\//.test(f.url))],
    ['metrics (prom-client)', (st) => st.some((f) => f.url.includes('node_modules/prom-client'))],
    ['logging (pino)', (st) => st.some((f) => /node_modules\/(pino|sonic-boom)/.test(f.url))],
    ['fastify: routing, hooks, body parser, reply, JSON', (st) => st.some((f) => /node_modules\/(fastify|@fastify|find-my-way|fast-json-stringify|avvio|light-my-request)/.test(f.url))],
    ['our HTTP code (dist/http)', (st) => st.some((f) => f.url.includes('dist/http/'))],
    ['node http/net (parsing, sockets, streams)', (st) => st.some((f) => /^node:(_http|net|internal\/streams|internal\/stream_base|stream)/.test(f.url) || f.fn === 'writev' || f.fn === 'writeBuffer')],
    ['(program): native, not attributed', (st) => st[0].fn === '(program)'],
    ['other', () => true],
  ];

  function summariseProfile(file) {
    const prof = JSON.parse(readFileSync(file, 'utf8'));
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const dt = new Map();
    for (let k = 0; k < prof.samples.length; k++) dt.set(prof.samples[k], (dt.get(prof.samples[k]) ?? 0) + (prof.timeDeltas[k] ?? 0));
    const frame = (n) => ({ fn: n.callFrame.functionName || '(anonymous)', url: n.callFrame.url.replace(/^file:\/\//, '').replace(`${REPO_ROOT}/`, ''), line: n.callFrame.lineNumber + 1 });
    const self = new Map();
    const areas = new Map();
    let total = 0;
    for (const [id, us] of dt) {
      const stack = [];
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(frame(byId.get(cur)));
      const leaf = stack[0];
      const key = `${leaf.fn}${leaf.url ? ` ${leaf.url}:${leaf.line}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + us);
      const area = AREAS.find(([, test]) => test(stack))[0];
      areas.set(area, (areas.get(area) ?? 0) + us);
      total += us;
    }
    const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
    return {
      file,
      totalMs: total / 1000,
      areas: sorted(areas).map(([area, us]) => ({ area, ms: us / 1000, share: us / total })),
      top: sorted(self).slice(0, 25).map(([fn, us]) => ({ fn, ms: us / 1000, share: us / total })),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Run

  const rawBefore = rawRate('before');
  const sessions = [];
  let failed = null;
  for (const w of WORKERS) {
    if (CPU_PROF) rmSync(join(PROF_DIR, `workers-${w}`), { recursive: true, force: true });
    try {
      sessions.push(await session(w));
    } catch (err) {
      failed = err;
      log(`  workers ${w}: ${err.stack ?? err}`);
      break;
    }
  }
  const rawAfter = rawRate('after');
  const rawPasses = { full: [...rawBefore.full, ...rawAfter.full], analyse: [...rawBefore.analyse, ...rawAfter.analyse] };
  const raw = {
    count: RAW_COUNT,
    passes: rawPasses.full.length,
    fullPerSecond: median(rawPasses.full.map((p) => p.perSecond)),
    fullPerSecondPasses: rawPasses.full.map((p) => p.perSecond),
    fullPerCpuSecond: median(rawPasses.full.map((p) => p.perCpuSecond)),
    analysePerSecond: median(rawPasses.analyse.map((p) => p.perSecond)),
    analysePerSecondPasses: rawPasses.analyse.map((p) => p.perSecond),
    analysePerCpuSecond: median(rawPasses.analyse.map((p) => p.perCpuSecond)),
  };

  for (const s of sessions) {
    const m = s.phases.max;
    s.ratio = m.acceptedPerSecond / s.rawAdjacent.fullPerSecond;
    s.ratioToRunMedian = m.acceptedPerSecond / raw.fullPerSecond;
    s.gatewayCpuMsPerMessage = m.gateway.cpuMs / m.accepted;
    s.rawCpuMsPerMessage = 1000 / s.rawAdjacent.fullPerCpuSecond;
    s.passRate = m.acceptedPerSecond >= TARGETS.acceptedPerSecond;
    s.passRatio = s.ratio >= TARGETS.ratio;
    s.passP99Autocannon = s.phases.halfAutocannon.latencyMs.p99 <= TARGETS.p99HalfLoadMs;
    s.passP99Paced = s.phases.halfPaced.latencyMs.p99 <= TARGETS.p99HalfLoadMs;
    s.passStore = s.store.ok;
  }
  const best = sessions.length === 0 ? null : sessions.reduce((a, b) => (b.phases.max.acceptedPerSecond > a.phases.max.acceptedPerSecond ? b : a));

  // Report
  const table = (rows) => {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
    return rows
      .map((r, k) => {
        const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
        return k === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
      })
      .join('\n');
  };
  log(`\nraw single-process rate, same bodies (median of ${raw.passes} passes of ${fmt(RAW_COUNT)} before the first gateway and after the last; info): validateWithLibxml2 ${fmt(raw.fullPerSecond)} msg/s ` +
    `(${raw.fullPerSecondPasses.map((x) => fmt(x)).join(' ')}); analyse (a worker's task) ${fmt(raw.analysePerSecond)} msg/s`);
  log(`ratio = accepted/s ÷ the raw rate of the same minutes (${RAW_ADJACENT_PASSES} passes just before the gateway's warm-up and ${RAW_ADJACENT_PASSES} just after its max phase); ` +
    `ratio (run) = ÷ the median above, for information`);
  const rows = [['workers', 'accepted/s', 'raw (same minutes)', 'ratio', 'ratio (run)', 'p50 ms', 'p99 ms', 'gw CPU ms/msg', 'main ELU', 'half rate', 'p99 half (autocannon)', 'p99 half (paced)', 'store']];
  for (const s of sessions) {
    const m = s.phases.max;
    rows.push([
      s.workers,
      fmt(m.acceptedPerSecond),
      fmt(s.rawAdjacent.fullPerSecond),
      fmt(s.ratio, 2),
      fmt(s.ratioToRunMedian, 2),
      fmt(m.latencyMs.p50),
      fmt(m.latencyMs.p99),
      fmt(s.gatewayCpuMsPerMessage, 3),
      fmt(m.gateway.mainElu, 2),
      fmt(s.halfRate),
      fmt(s.phases.halfAutocannon.latencyMs.p99, 1),
      fmt(s.phases.halfPaced.latencyMs.p99, 1),
      verdict(s.passStore),
    ]);
  }
  log(table(rows));
  for (const s of sessions) {
    const t = s.phases.max.gateway.threadsMs;
    const n = s.phases.max.accepted;
    const per = Object.entries(t)
      .filter(([, c]) => c.user + c.system > 0)
      .sort((a, b) => b[1].user + b[1].system - (a[1].user + a[1].system))
      .map(([k, c]) => `${k} ${fmt((c.user + c.system) / n, 3)} (user ${fmt(c.user / n, 3)}, system ${fmt(c.system / n, 3)})`)
      .join(', ');
    log(`  workers ${s.workers}: gateway CPU per accepted message by thread (ms): ${per}; load generator ${fmt(s.phases.max.generatorCpuMs / s.phases.max.accepted, 3)} ms/msg; ` +
      `raw validate ${fmt(s.rawCpuMsPerMessage, 3)} CPU-ms/msg; load average after max ${s.phases.max.loadAverage.join(' ')}`);
  }
  const result = {
    date: started.toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? null, cpus: os.cpus().length, loadAtStart, loadAtEnd: loadavg() },
    code,
    versions,
    settings: { load: LOAD, workers: WORKERS, connections: CONNECTIONS, warmupSeconds: WARMUP_S, durationSeconds: DURATION_S, halfDurationSeconds: HALF_S, halfWarmupSeconds: HALF_WARMUP_S, rawCount: RAW_COUNT, rawPasses: RAW_PASSES, rawAdjacentPasses: RAW_ADJACENT_PASSES, cpuProf: CPU_PROF },
    bodies: { templates: TEMPLATES, sender: SENDER.code, recipients: RECIPIENTS, avgBytes: Math.round(avgBytes(2000)) },
    targets: TARGETS,
    raw,
    sessions,
    best: best === null ? null : best.workers,
    notes,
  };
  if (best !== null) {
    result.pass = best.passRate && best.passRatio && best.passP99Paced && best.passStore;
    result.passWithAutocannonP99 = best.passRate && best.passRatio && best.passP99Autocannon && best.passStore;
    const m = best.phases.max;
    log(`  best: ${best.workers} worker(s). Targets: accepted ≥ ${fmt(TARGETS.acceptedPerSecond)}/s → ${fmt(m.acceptedPerSecond)} ${verdict(best.passRate)}; ` +
      `≥ ${TARGETS.ratio}× raw (same minutes) → ${fmt(best.ratio, 2)}× ${verdict(best.passRatio)} (against the run's median ${fmt(best.ratioToRunMedian, 2)}×); p99 at half load ≤ ${TARGETS.p99HalfLoadMs} ms → ` +
      `paced ${fmt(best.phases.halfPaced.latencyMs.p99, 1)} ms ${verdict(best.passP99Paced)}, autocannon overallRate ${fmt(best.phases.halfAutocannon.latencyMs.p99, 1)} ms ${verdict(best.passP99Autocannon)}; ` +
      `every 2xx committed ${verdict(best.passStore)}`);
  } else result.pass = false;
  if (failed !== null) {
    result.error = String(failed.stack ?? failed);
    result.pass = false;
  }
  if (CPU_PROF) {
    result.profiles = {};
    for (const w of WORKERS) {
      const dir = join(PROF_DIR, `workers-${w}`);
      if (!existsSync(dir)) continue;
      const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
      result.profiles[w] = files.map((f) => summariseProfile(join(dir, f)));
      const session = sessions.find((x) => x.workers === w);
      const messages = session === undefined ? null : Object.values(session.phases).reduce((n, p) => n + p.accepted, 0);
      log(`\n  CPU profiles, ${w} worker(s): the whole life of the gateway child (${messages === null ? '?' : fmt(messages)} accepted messages), ${dir}`);
      log('  (file …-<pid>.0.… is the main thread, the others are worker threads)');
      for (const p of result.profiles[w]) {
        log(`    ${p.file.split('/').pop()}: ${fmt(p.totalMs)} ms sampled`);
        for (const a of p.areas.filter((x) => x.share >= 0.005)) {
          log(`      ${fmt(a.share * 100, 1).padStart(5)}%  ${messages ? `${fmt((a.ms * 1000) / messages).padStart(5)} µs/msg  ` : ''}${a.area}`);
        }
        log('      top functions by self time:');
        for (const t of p.top.slice(0, 12)) log(`      ${fmt(t.share * 100, 1).padStart(5)}%  ${t.fn}`);
      }
    }
  }
  for (const n of notes) log(`note: ${n}`);
  if (loadAtStart[0] > 0.5) log(`note: the machine was busy when this scenario started (load average ${loadAtStart.join(' ')}); absolute rates are low.`);
  rmSync(WRK_DIR, { recursive: true, force: true });
  mkdirSync(DEFAULT_OUT, { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify(result, null, 2)}\n`);
  log(`\nHTTP results: ${JSON_OUT.replace(`${REPO_ROOT}/`, '')} — ${verdict(result.pass)} (p99 verdict on the paced sender; with autocannon's overallRate ${verdict(result.passWithAutocannonP99)})`);
  if (failed !== null) process.exitCode = 1;
  else if (CHECK && !result.pass) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const [mode, ...modeArgs] = process.argv.slice(2);
  if (mode === 'raw') await rawChild(modeArgs);
  else if (mode === 'gateway') await gatewayChild(modeArgs);
  else if (mode === undefined || mode.startsWith('--')) await bench();
  else {
    process.stderr.write('usage: node bench/http.mjs [options] (modes raw and gateway are for its own children)\n');
    process.exit(2);
  }
}
