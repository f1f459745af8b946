/**
 * Runtime configuration from flags and environment, validated with zod. Every problem is reported
 * at once; the result is frozen and passed down (no module reads the environment itself).
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { GatewayError } from './errors.js';
import { defaultMappingsDir } from './mappings/load.js';
import { DEFAULT_REPORT_SCHEDULE } from './report/schedule.js';
import { DEFAULT_MAX_BYTES } from './validate/preflight.js';

const versions = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== ''))
  .pipe(z.array(z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'expected versions like 1.0.0')).min(1));

export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('data'),
  mappingsDir: z.string().min(1).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  maxBytes: z.coerce.number().int().positive().default(DEFAULT_MAX_BYTES),
  /** Validation threads; 0 validates on the event loop (for tests only). */
  workers: z.coerce.number().int().min(0).max(64).default(Math.max(1, availableParallelism())),
  retentionDays: z.coerce.number().int().positive().default(400),
  pruneSchedule: z
    .string()
    .refine((s) => cron.validate(s), 'expected a cron expression such as "17 3 * * *"')
    .default('17 3 * * *'),
  /** When the monthly quality reports of the month before are written, in Europe/Amsterdam time. */
  reportSchedule: z
    .string()
    .refine((s) => cron.validate(s), 'expected a cron expression such as "0 6 1 * *"')
    .default(DEFAULT_REPORT_SCHEDULE),
  xsdVersies: versions.default(['0.1.0', '1.0.0']),
  tlsCert: z.string().optional(),
  tlsKey: z.string().optional(),
  tlsCa: z.string().optional(),
  pushPollMs: z.coerce.number().int().positive().default(1000),
  pushConcurrency: z.coerce.number().int().positive().default(16),
  /** Quality figures: cells of other parties below this many are shown masked ("<5"). */
  qualityThreshold: z.coerce.number().int().min(1).max(1000).default(5),
});

export type Config = Readonly<Omit<z.infer<typeof ConfigSchema>, 'mappingsDir'> & { mappingsDir: string }>;

/** Environment variable for each setting; flags given on the command line win. */
export const ENV: Readonly<Record<keyof z.infer<typeof ConfigSchema>, string>> = {
  port: 'IJW_PORT',
  host: 'IJW_HOST',
  dataDir: 'IJW_DATA_DIR',
  mappingsDir: 'IJW_MAPPINGS_DIR',
  logLevel: 'IJW_LOG_LEVEL',
  maxBytes: 'IJW_MAX_BYTES',
  workers: 'IJW_WORKERS',
  retentionDays: 'IJW_RETENTION_DAYS',
  pruneSchedule: 'IJW_PRUNE_SCHEDULE',
  reportSchedule: 'IJW_REPORT_SCHEDULE',
  xsdVersies: 'IJW_XSD_VERSIES',
  tlsCert: 'IJW_TLS_CERT',
  tlsKey: 'IJW_TLS_KEY',
  tlsCa: 'IJW_TLS_CA',
  pushPollMs: 'IJW_PUSH_POLL_MS',
  pushConcurrency: 'IJW_PUSH_CONCURRENCY',
  qualityThreshold: 'IJW_QUALITY_THRESHOLD',
};

export function loadConfig(env: NodeJS.ProcessEnv, flags: Partial<Record<keyof typeof ENV, string | number>> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV)) {
    const value = flags[key as keyof typeof ENV] ?? env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = ConfigSchema.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '');
        return `${key} (${ENV[key as keyof typeof ENV] ?? key}): ${i.message}`;
      });
  // Checked on the raw values too, so that these are reported together with every other problem.
  if ((raw.tlsCert === undefined) !== (raw.tlsKey === undefined)) {
    problems.push('tlsCert and tlsKey go together (IJW_TLS_CERT, IJW_TLS_KEY).');
  }
  if (raw.tlsCa !== undefined && raw.tlsCert === undefined) {
    problems.push('tlsCa (IJW_TLS_CA) asks clients for a certificate, which needs TLS: set tlsCert and tlsKey too.');
  }
  if (!parsed.success || problems.length > 0) {
    throw new GatewayError('IJW_ERR_CONFIG', `Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  return Object.freeze({ ...c, dataDir: resolve(c.dataDir), mappingsDir: resolve(c.mappingsDir ?? defaultMappingsDir()) });
}
