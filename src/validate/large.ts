/**
 * Large declaraties (a 25 MB JW323 holds ~37,000 prestaties) are schema-validated in chunks of
 * whole Client elements on worker threads, while this thread runs the in-message rules on the full
 * message. One libxml2 tree of 25 MB costs ~250 MB and a second or so on one core; chunks of about
 * a megabyte keep each WebAssembly heap small and use every core, and the rules overlap with them.
 *
 * Each chunk is a complete JW323: the original's text up to and including <Clienten>, some of its
 * Clients, and the original's text from </Clienten> to the end. Together the chunks parse every byte
 * of the original, so a message whose chunks are all well-formed and valid is well-formed and valid
 * as a whole. When a chunk is not well-formed (a split point inside a comment, say) we validate the
 * whole document instead, so every verdict and location stays exact.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { packageRoot } from '../standard/paths.js';
import { checkWithLibxml2, stripBom, toFout, validateXsd, type Checked, type ValidateOptions } from './libxml2-engine.js';
import { preflight } from './preflight.js';
import { rejected, type Fout, type ValidationResult } from './report.js';
import { checkMessage, type CheckedMessage } from './rules/run.js';

/** Below this a message is validated whole: chunking only pays off for big claims. */
export const LARGE_BYTES = 2 * 1024 * 1024;
/** About a megabyte per chunk keeps libxml2's heap small without paying much per-chunk overhead. */
const CHUNK_BYTES = 1024 * 1024;

const JW323_NS = Buffer.from('http://www.istandaarden.nl/ijw/3_2/jw323/schema');

interface Chunk {
  readonly start: number;
  readonly end: number;
  /** Clients in earlier chunks, to renumber Client[n] in locations. */
  readonly clientsBefore: number;
  /** 1-based line of the chunk's first byte in the original. */
  readonly startLine: number;
  readonly lines: number;
}

export interface ChunkPlan {
  readonly head: Buffer;
  readonly tail: Buffer;
  readonly headLines: number;
  readonly tailStartLine: number;
  readonly chunks: readonly Chunk[];
}

function newlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a, from); i >= 0 && i < to; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Where to cut a JW323 into chunks of whole Clients, or null when it is not worth it or not possible. */
export function planChunks(bytes: Buffer, chunkBytes = CHUNK_BYTES): ChunkPlan | null {
  // The root's namespace declaration sits in the first few hundred bytes of any real message.
  if (bytes.subarray(0, 4096).indexOf(JW323_NS) < 0) return null;
  const probe = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  const open = /<([A-Za-z_][\w.-]*:)?Clienten>/.exec(probe);
  if (open === null) return null;
  const prefix = open[1] ?? '';
  const headEnd = open.index + open[0].length;
  const tailStart = bytes.lastIndexOf(`</${prefix}Clienten>`);
  if (tailStart < headEnd) return null;
  const close = Buffer.from(`</${prefix}Client>`);
  const chunks: Chunk[] = [];
  let start = headEnd;
  let clientsBefore = 0;
  let line = 1 + newlines(bytes, 0, headEnd);
  while (start < tailStart) {
    let cut = bytes.indexOf(close, Math.min(start + chunkBytes, tailStart));
    cut = cut < 0 || cut >= tailStart ? tailStart : cut + close.length;
    let clients = 0;
    for (let i = bytes.indexOf(close, start); i >= 0 && i < cut; i = bytes.indexOf(close, i + close.length)) clients++;
    if (clients === 0) return null;
    const lines = newlines(bytes, start, cut);
    chunks.push({ start, end: cut, clientsBefore, startLine: line, lines });
    clientsBefore += clients;
    line += lines;
    start = cut;
  }
  if (chunks.length < 2) return null;
  return {
    head: bytes.subarray(0, headEnd),
    tail: bytes.subarray(tailStart),
    headLines: newlines(bytes, 0, headEnd),
    tailStartLine: line,
    chunks,
  };
}

export function chunkDocument(bytes: Buffer, plan: ChunkPlan, chunk: Chunk): Buffer {
  return Buffer.concat([plan.head, bytes.subarray(chunk.start, chunk.end), plan.tail]);
}

const CLIENT_STEP = /(\/[^/]*Clienten\/((?:[A-Za-z_][\w.-]*:)?Client))(?:\[(\d+)\])?(?=\/|$)/;

/** Maps a defect found in a chunk back to the original's line and Client position. */
export function mapFout(f: Fout, plan: ChunkPlan, chunk: Chunk): Fout {
  const headLast = plan.headLines + 1;
  let line = f.line;
  if (line > headLast + chunk.lines) line = line - (headLast + chunk.lines) + plan.tailStartLine;
  else if (line >= headLast) line = line - headLast + chunk.startLine;
  const location = f.location.replace(CLIENT_STEP, (_, path: string, _step: string, n?: string) => `${path}[${Number(n ?? '1') + chunk.clientsBefore}]`);
  return { ...f, line, location };
}

/** True when a defect lies in the head or tail that every chunk repeats. */
function inSharedPart(f: Fout, plan: ChunkPlan, chunk: Chunk): boolean {
  const headLast = plan.headLines + 1;
  return !CLIENT_STEP.test(f.location) && (f.line < headLast || f.line > headLast + chunk.lines);
}

export interface ChunkTask {
  readonly bytes: Uint8Array;
  readonly schemaDir: string;
  readonly maxBytes: number;
}

/** Worker threads for chunks; created with the validator so they are warm when a claim arrives. */
export class ChunkPool {
  readonly #pool: Piscina;

  /** `schemaDir`: the schemas the workers compile as they start, so the first claim waits for none. */
  constructor(schemaDir?: string, threads = Math.min(2, availableParallelism())) {
    this.#pool = new Piscina({
      filename: join(packageRoot(), 'dist', 'validate', 'chunk-worker.js'),
      workerData: { schemaDir },
      minThreads: threads,
      maxThreads: threads,
      // Post every chunk at once: the workers then never wait for this thread, which is busy
      // with the rules meanwhile.
      concurrentTasksPerWorker: 1024,
      idleTimeout: 60_000,
    });
  }

  run(task: ChunkTask): Promise<ValidationResult> {
    return this.#pool.run(task) as Promise<ValidationResult>;
  }

  close(): Promise<void> {
    return this.#pool.destroy();
  }
}

/**
 * Schema validation only, chunked for a large JW323: what xmllint does, for comparisons. Rules and
 * their speculative run are left out; the chunks are merged exactly as in checkLarge.
 */
export async function validateXsdLarge(input: Uint8Array, options: ValidateOptions, pool: ChunkPool): Promise<ValidationResult> {
  return (await chunked(input, options, pool, false)).result;
}

/**
 * The whole check for a message that may be large. Small messages take the ordinary path; a large
 * JW323 is validated in chunks on the pool while the rules run here, and the rules' verdict counts
 * only when every chunk is valid.
 */
export async function checkLarge(input: Uint8Array, options: ValidateOptions, pool: ChunkPool | undefined): Promise<Checked> {
  if (pool === undefined || input.byteLength < LARGE_BYTES) return checkWithLibxml2(input, options);
  return chunked(input, options, pool, true);
}

async function chunked(input: Uint8Array, options: ValidateOptions, pool: ChunkPool, rules: boolean): Promise<Checked> {
  const refusal = preflight(input, options);
  if (refusal !== null) return { result: rejected(refusal, false), checked: null };
  const bom: Fout[] = [];
  const stripped = stripBom(input, bom);
  const bytes = Buffer.from(stripped.buffer, stripped.byteOffset, stripped.byteLength);
  const plan = planChunks(bytes);
  if (plan === null) return rules ? checkWithLibxml2(input, options) : { result: validateXsd(input, options).result, checked: null };

  const schemaDir = options.schemas.dir;
  const pending = plan.chunks.map((c) => pool.run({ bytes: chunkDocument(bytes, plan, c), schemaDir, maxBytes: options.maxBytes }));
  // Let the pool post its tasks before this thread turns to the rules.
  await new Promise((resolve) => setImmediate(resolve));
  let speculative: CheckedMessage | null = null;
  if (rules) {
    try {
      // The reader assumes a well-formed message; on one that is not, it throws, and the chunk
      // verdicts below decide. Its result is used only when every chunk is schema-valid.
      speculative = checkMessage('JW323', bytes.toString('utf8'), options.rules);
    } catch {
      speculative = null;
    }
  }
  const results = await Promise.all(pending);
  if (results.some((r) => !r.wellFormed || r.type !== 'JW323')) {
    return rules ? checkWithLibxml2(input, options) : { result: validateXsd(input, options).result, checked: null };
  }

  const fouten: Fout[] = [...bom];
  results.forEach((r, i) => {
    const chunk = plan.chunks[i]!;
    for (const f of r.fouten) {
      if (i > 0 && inSharedPart(f, plan, chunk)) continue;
      fouten.push(mapFout(f, plan, chunk));
    }
  });
  const xsdValid = results.every((r) => r.xsdValid);
  const result: ValidationResult = {
    type: 'JW323',
    berichtIdentificatie: results[0]?.berichtIdentificatie ?? null,
    wellFormed: true,
    xsdValid,
    valid: xsdValid && fouten.length === 0,
    fouten,
  };
  if (!xsdValid || !rules) return { result, checked: null };
  const checked = speculative ?? checkMessage('JW323', bytes.toString('utf8'), options.rules);
  const all = [...fouten, ...checked.violations.map(toFout)];
  return { result: { ...result, valid: all.length === 0, fouten: all }, checked };
}
