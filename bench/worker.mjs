#!/usr/bin/env node
/**
 * Measurements in a process of their own, started by bench/run.mjs; each answer is one JSON line.
 *
 *   node bench/worker.mjs serve <list-file>
 *       compiles the schemas, prints {"ready":…}, then answers commands on stdin:
 *         "pass <engine> <from> <to>"  reads and validates files from..to-1 of the list (one path
 *                                      a line) once, in process, single thread: {"seconds":…,
 *                                      "cpuSeconds":…} (wall time, and CPU time of all threads)
 *         "quit"                        prints {"done":…, maxRssKiB} and ends.
 *       run.mjs alternates these passes with xmllint on the same files, so that both see the same
 *       machine conditions.
 *   node bench/worker.mjs big <file> <engine>
 *       compiles the schemas (as the gateway does at start-up), then reads and validates the file
 *       twice: the first 25 MB message of the process (libxml2's WebAssembly memory still has to
 *       grow) and a repeat. Reports both times and the peak RSS after each.
 *   node bench/worker.mjs baseline
 *       compiles the schemas and stops: the peak RSS of the process without any message.
 *   node bench/worker.mjs breakdown <file | list-file> [warm-up passes]
 *       validation step by step (read, preflight, libxml2 parse, type detection, XSD validate,
 *       dispose, in-message rules), summed over the files, for diagnosis only.
 *
 * Engines: "full" is validateWithLibxml2 (what the gateway runs: XSD, then the in-message rules on
 * a schema-valid message); "xsd" is validateXsd (preflight, parse, XSD only: the same work as
 * xmllint). Imports from dist/ (npm run bench builds first).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { XmlDocument } from 'libxml2-wasm';
import * as engine from '../dist/validate/libxml2-engine.js';
import { DEFAULT_MAX_BYTES, preflight } from '../dist/validate/preflight.js';
import { SchemaSet } from '../dist/validate/schema-set.js';

const [mode, ...args] = process.argv.slice(2);
const now = () => performance.now();
const maxRssKiB = () => process.resourceUsage().maxRSS; // kilobytes on Linux

function out(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function compile() {
  const t0 = now();
  const schemas = SchemaSet.ours().compileAll();
  return { schemas, compileMs: now() - t0 };
}

/** The engines this build of dist/ offers, as bytes → ValidationResult. */
function engines(schemas) {
  const options = { schemas, maxBytes: DEFAULT_MAX_BYTES };
  const list = { full: (bytes) => engine.validateWithLibxml2(bytes, options) };
  if (typeof engine.validateXsd === 'function') list.xsd = (bytes) => engine.validateXsd(bytes, options).result;
  return list;
}

if (mode === 'serve') {
  const [listFile] = args;
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const { schemas, compileMs } = compile();
  const validate = engines(schemas);
  out({ ready: true, files: files.length, compileMs, engines: Object.keys(validate) });
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [cmd, name, fromArg, toArg] = line.trim().split(/\s+/);
    if (cmd === 'quit') break;
    const fn = validate[name];
    if (cmd !== 'pass' || fn === undefined) {
      out({ error: `unknown command ${line}` });
      continue;
    }
    const slice = files.slice(Number(fromArg), Number(toArg));
    let invalid = 0;
    let firstInvalid = null;
    const cpu0 = process.cpuUsage();
    const t0 = now();
    for (const f of slice) {
      const r = fn(readFileSync(f));
      if (!r.valid) {
        invalid++;
        firstInvalid ??= { file: f, fouten: r.fouten.slice(0, 3) };
      }
    }
    const seconds = (now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0); // all threads of the process: JS, GC helpers, compilers
    out({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, files: slice.length, invalid, firstInvalid });
  }
  out({ done: true, maxRssKiB: maxRssKiB() });
  lines.close();
} else if (mode === 'big') {
  const [file, name = 'full'] = args;
  const { schemas, compileMs } = compile();
  // A large claim takes the product's path: chunks on worker threads (started and warmed here,
  // as the gateway has them running), rules on this thread meanwhile.
  const large = await import('../dist/validate/large.js').catch(() => null);
  const pool = large?.ChunkPool === undefined ? undefined : new large.ChunkPool(schemas.dir);
  const options = { schemas, maxBytes: DEFAULT_MAX_BYTES, rules: (await import('../dist/validate/rules/run.js')).DEFAULT_RULE_OPTIONS };
  const fn =
    pool === undefined
      ? engines(schemas)[name]
      : { full: (bytes) => large.checkLarge(bytes, options, pool).then((c) => c.result), xsd: (bytes) => large.validateXsdLarge(bytes, options, pool) }[name];
  if (fn === undefined) throw new Error(`engine ${name} is not in this build`);
  if (pool !== undefined) {
    // A gateway that meets a large claim has handled other messages before: its reader and rules
    // are compiled by the JIT. Warm them on the small claims of fixtures/ (this heap stays small).
    const { readdirSync } = await import('node:fs');
    const dir = new URL('../fixtures/jw323/', import.meta.url);
    const small = readdirSync(dir).filter((f) => f.endsWith('.xml') && !f.startsWith('xsd-')).map((f) => readFileSync(new URL(f, dir)));
    for (let i = 0; i < 400; i++) await fn(small[i % small.length]);
  }
  const rssBeforeKiB = maxRssKiB();
  const once = async () => {
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const bytes = readFileSync(file);
    const t1 = now();
    const r = await fn(bytes);
    const t2 = now();
    const cpu = process.cpuUsage(cpu0);
    return {
      readMs: t1 - t0,
      validateMs: t2 - t1,
      totalMs: t2 - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      valid: r.valid,
      fouten: r.fouten.slice(0, 3),
      maxRssKiB: maxRssKiB(),
    };
  };
  const first = await once();
  const repeat = await once();
  await pool?.close();
  out({ engine: name, compileMs, rssBeforeKiB, first, repeat, maxRssKiB: maxRssKiB() });
} else if (mode === 'baseline') {
  const { compileMs } = compile();
  out({ compileMs, maxRssKiB: maxRssKiB() });
} else if (mode === 'breakdown') {
  // breakdown <file | list-file> [warm-up passes]: the steps of one validation, summed over the files.
  const [target, warmupArg = '0'] = args;
  const files = target.endsWith('.list') ? readFileSync(target, 'utf8').split('\n').filter(Boolean) : [target];
  const { schemas } = compile();
  const steps = ['read', 'preflight', 'parse', 'detectType', 'xsdValidate', 'dispose', 'rules'];
  const ms = Object.fromEntries(steps.map((k) => [k, 0]));
  const rulesAvailable = typeof engine.applyRules === 'function' && typeof engine.detectType === 'function';
  const one = (f) => {
    let t = now();
    const lap = (name) => {
      const n = now();
      ms[name] += n - t;
      t = n;
    };
    const bytes = readFileSync(f);
    lap('read');
    preflight(bytes, { maxBytes: DEFAULT_MAX_BYTES });
    lap('preflight');
    const doc = XmlDocument.fromBuffer(bytes);
    lap('parse');
    const detected = rulesAvailable ? engine.detectType(doc.root) : { type: null };
    lap('detectType');
    if (detected.type) schemas.validator(detected.type).validate(doc);
    lap('xsdValidate');
    doc.dispose();
    lap('dispose');
    if (rulesAvailable && detected.type) {
      const xsdValid = { type: detected.type, berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: true, fouten: [] };
      engine.applyRules(xsdValid, bytes, undefined);
    }
    lap('rules');
  };
  try {
    for (let i = 0; i < Number(warmupArg); i++) files.forEach(one);
    for (const k of steps) ms[k] = 0;
    files.forEach(one);
    out({ files: files.length, ms, perMessageUs: Object.fromEntries(steps.map((k) => [k, (ms[k] * 1000) / files.length])), maxRssKiB: maxRssKiB() });
  } catch (err) {
    out({ files: files.length, error: String(err), ms: null, perMessageUs: null }); // diagnosis only: the engine's API moved on
  }
} else {
  process.stderr.write('usage: worker.mjs serve|big|baseline|breakdown …\n');
  process.exit(2);
}
