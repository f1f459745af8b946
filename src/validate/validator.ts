/**
 * One entry point for validating a message with either engine. The libxml2 engine is the default;
 * Xerces is the reference engine for those who want a second, independent verdict.
 */
import { type Checked } from './libxml2-engine.js';
import { ChunkPool, LARGE_BYTES, checkLarge } from './large.js';
import { DEFAULT_MAX_BYTES } from './preflight.js';
import type { ValidationResult } from './report.js';
import { SchemaSet } from './schema-set.js';
import type { RuleOptions } from './rules/rule.js';
import { DEFAULT_RULE_OPTIONS } from './rules/run.js';
import { checkWithXerces } from './xerces-engine.js';

export const ENGINES = ['libxml2', 'xerces'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface ValidatorOptions {
  readonly engine?: EngineName;
  readonly schemas?: SchemaSet;
  readonly maxBytes?: number;
  readonly rules?: RuleOptions;
}

export interface Validator {
  readonly engine: EngineName;
  validate(bytes: Uint8Array): Promise<ValidationResult>;
  /** The report plus, for a schema-valid message, its typed form and violations (for retours). */
  check(bytes: Uint8Array): Promise<Checked>;
  /** Stops the worker threads a large message may have started. */
  close(): Promise<void>;
}

export function createValidator(options: ValidatorOptions = {}): Validator {
  const engine = options.engine ?? 'libxml2';
  const settings = {
    schemas: options.schemas ?? SchemaSet.ours(),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    rules: options.rules ?? DEFAULT_RULE_OPTIONS,
  };
  if (engine === 'xerces') {
    const check = (b: Uint8Array) => checkWithXerces(b, settings);
    return { engine, check, validate: async (b) => (await check(b)).result, close: async () => {} };
  }
  // Threads only when a large message needs them, so a short CLI run starts none.
  let pool: ChunkPool | undefined;
  const check = (b: Uint8Array) => checkLarge(b, settings, b.byteLength >= LARGE_BYTES ? (pool ??= new ChunkPool(settings.schemas.dir)) : undefined);
  return {
    engine,
    check,
    validate: async (b) => (await check(b)).result,
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
