/**
 * Composition root: configuration → dependencies → HTTP app, pusher and scheduled pruning. The only
 * place that wires concrete implementations together; everything below takes its dependencies as
 * parameters.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import cron, { type ScheduledTask } from 'node-cron';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { Pusher } from './deliver/push.js';
import { buildApp } from './http/app.js';
import { createMetrics } from './http/metrics.js';
import { answerStamps, systemIds } from './ingest/ids.js';
import type { Party } from './mappings/types.js';
import { createAnalyser, lazyAnalyser } from './ingest/pool.js';
import { demoKeysInUse } from './mappings/demo-keys.js';
import { loadMappings } from './mappings/load.js';
import { codes } from './quality/codes.js';
import { REPORT_TIMEZONE, writeMonthlyReports } from './report/schedule.js';
import type { Store } from './store/ports.js';
import { ThreadedStore } from './store/threaded.js';

/**
 * Log redaction: we never log message bodies, but credentials arrive in headers and a mistake
 * elsewhere must not leak personal data either.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.Bsn',
  '*.bsn',
  '*.body',
  '*.xml',
];

export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[verborgen]' }, base: { service: 'ijw-gateway' }, formatters: { log: roundFractions } },
    destination as never,
  );
}

/**
 * Fractions in a log line's own fields to three decimals (microseconds for Fastify's
 * `responseTime`, which is in milliseconds). That figure is a difference of two floats
 * and carries a dozen digits of noise (`3.9999964352…`): a run of nine of them can spell a BSN, and
 * a log scanner looking for BSNs then flags a line that holds none.
 */
export function roundFractions(entry: Record<string, unknown>): Record<string, unknown> {
  let out = entry; // the caller's object: copied before the first change, never altered
  for (const key in entry) {
    const value = entry[key];
    if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) continue;
    if (out === entry) out = { ...entry };
    out[key] = Math.round(value * 1000) / 1000;
  }
  return out;
}

/** The retention job: removes messages older than `retentionDays` whose deliveries are finished. */
export async function runRetention(store: Pick<Store, 'prune'>, clock: () => Date, retentionDays: number, log: Logger): Promise<number> {
  const before = new Date(clock().getTime() - retentionDays * 86_400_000).toISOString();
  const removed = await store.prune(before);
  log.info({ removed, before }, 'retention: pruned finished messages');
  return removed;
}

/** The SQLite file in the data directory: messages, cross-message state and quality figures. */
export const DATABASE_FILE = 'ijw-gateway.sqlite';

export interface Gateway {
  readonly url: string;
  /** Stops accepting, finishes in-flight requests and deliveries, commits, closes. */
  close(): Promise<void>;
}

export async function startGateway(config: Config, options: { log?: Logger; clock?: () => Date } = {}): Promise<Gateway> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? (() => new Date());
  const directory = loadMappings(config.mappingsDir);
  const demo = demoKeysInUse(directory);
  if (demo.length > 0) {
    log.warn({ parties: demo }, 'demo API keys from the sample mappings are active: replace them before real use');
  }
  mkdirSync(config.dataDir, { recursive: true });
  // Writes on a thread of their own: a commit's fsync never holds up the HTTP event loop.
  const analyserSettings = { maxBytes: config.maxBytes, rules: { xsdVersies: { basisschema: config.xsdVersies, bericht: config.xsdVersies } } };
  // Each of the `workers` threads takes a message from the HTTP thread and does the rest of its
  // ingest: analysis, decisions, the cross-message rules and the commit, on a write connection of its
  // own. One hand-off there and one back per message: with analysis on one set of threads and the
  // writes on another, the hand-offs cost about a third of the CPU per message. With 0, the HTTP
  // thread analyses and one writer thread stores (tests, small setups).
  const onWriters = config.workers > 0;
  // The HTTP thread and the ingest threads all write answers: one counter for their identifications.
  const answerIds = answerStamps();
  const store = await ThreadedStore.open(
    join(config.dataDir, DATABASE_FILE),
    clock,
    config.mappingsDir,
    onWriters ? analyserSettings : undefined,
    config.workers,
    answerIds,
  );
  const metrics = createMetrics();
  // Large declaraties (≥ 2 MB) are analysed here, on a thread with chunk threads of its own: on a
  // writer thread one would hold up every other message for a second or more. That thread starts
  // with the first of them.
  const analyser = onWriters ? lazyAnalyser(() => createAnalyser(analyserSettings, 1)) : createAnalyser(analyserSettings, 0);
  // The pusher reports only delivery ids; remembering whose message each due delivery carries lets
  // the metrics count pushed messages per type, and attempts by the outcome that was committed.
  const dueBericht = new Map<number, string>();
  const pusher = new Pusher({
    store: {
      duePushes: (now, limit) => {
        const due = store.duePushes(now, limit);
        for (const d of due) dueBericht.set(d.id, d.berichtId);
        return due;
      },
      body: (id) => store.body(id),
      recordAttempt: async (deliveryId, attempt, next) => {
        await store.recordAttempt(deliveryId, attempt, next);
        metrics.deliveryAttempts.labels(next.state === 'pending' ? 'retry' : next.state).inc();
        const berichtId = dueBericht.get(deliveryId);
        if (next.state !== 'pending') dueBericht.delete(deliveryId);
        if (next.state === 'delivered' && berichtId !== undefined) {
          metrics.messagesOut.labels(store.detail(berichtId)?.type ?? 'unknown', 'push').inc();
        }
      },
    },
    directory,
    clock,
    log: log.child({ component: 'push' }),
    pollMs: config.pushPollMs,
    concurrency: config.pushConcurrency,
    backoff: { baseMs: 2_000, maxMs: 15 * 60_000 },
  });
  let draining = false;
  let prune: ScheduledTask | undefined;
  let reports: ScheduledTask | undefined;
  let app: FastifyInstance | undefined;
  let address: string;
  try {
    app = await buildApp({
      store,
      directory,
      analyser,
      ...(onWriters ? { ingestOnWriter: (bytes: Uint8Array, from: Party) => store.ingest(bytes, from) } : {}),
      ids: systemIds(Date.now, answerIds),
      clock,
      metrics,
      log,
      maxBytes: config.maxBytes,
      onQueued: () => pusher.wake(),
      draining: () => draining,
      qualityThreshold: config.qualityThreshold,
      ...(config.tlsCert !== undefined && config.tlsKey !== undefined
        ? {
            https: {
              cert: readFileSync(config.tlsCert),
              key: readFileSync(config.tlsKey),
              ...(config.tlsCa === undefined ? {} : { ca: readFileSync(config.tlsCa) }),
              // Ask for a client certificate but let API-key callers in too; auth decides per request.
              requestCert: config.tlsCa !== undefined,
              rejectUnauthorized: false,
            },
          }
        : {}),
    });

    prune = cron.schedule(config.pruneSchedule, () => runRetention(store, clock, config.retentionDays, log));
    const reportJob = { quality: store.quality, directory, codes: codes(), clock, dataDir: config.dataDir, log: log.child({ component: 'rapporten' }) };
    // Named after the data directory, so an operator (or a test) can tell the gateways of one process apart.
    reports = cron.schedule(config.reportSchedule, () => writeMonthlyReports(reportJob), {
      name: `ijw-rapporten:${config.dataDir}`,
      timezone: REPORT_TIMEZONE,
      noOverlap: true,
    });

    address = await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // Release what was opened (worker threads, the cron timer, the database), or a gateway that
    // could not start would keep the process alive: `serve` on a busy port would hang.
    await prune?.destroy();
    await reports?.destroy();
    await app?.close();
    await pusher.stop();
    await analyser.close();
    await store.close();
    throw err;
  }
  const server = app;
  const retention = prune;
  const monthly = reports;
  pusher.start();
  log.info({ address, dataDir: config.dataDir, mappings: config.mappingsDir, workers: config.workers }, 'ijw-gateway listening');

  let closing: Promise<void> | undefined;
  return {
    url: address,
    close: () => {
      closing ??= (async () => {
        draining = true;
        await retention.destroy();
        await monthly.destroy();
        // app.close() waits for requests in flight, which includes their commits.
        await server.close();
        await pusher.stop();
        await analyser.close();
        await store.close();
        log.info('ijw-gateway stopped');
      })();
      return closing;
    },
  };
}
