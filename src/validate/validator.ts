/**
 * One entry point for validating a message with either engine. The libxml2 engine is the default;
 * Xerces is the reference engine for those who want a second, independent verdict.
 */
import { checkWithLibxml2, type Checked } from './libxml2-engine.js';
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
}

export function createValidator(options: ValidatorOptions = {}): Validator {
  const engine = options.engine ?? 'libxml2';
  const settings = {
    schemas: options.schemas ?? SchemaSet.ours(),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    rules: options.rules ?? DEFAULT_RULE_OPTIONS,
  };
  const check = engine === 'xerces' ? (b: Uint8Array) => checkWithXerces(b, settings) : async (b: Uint8Array) => checkWithLibxml2(b, settings);
  return { engine, check, validate: async (bytes) => (await check(bytes)).result };
}
