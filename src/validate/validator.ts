/**
 * One entry point for validating a message with either engine. The libxml2 engine is the default;
 * Xerces is the reference engine for those who want a second, independent verdict.
 */
import { validateWithLibxml2 } from './libxml2-engine.js';
import { DEFAULT_MAX_BYTES } from './preflight.js';
import type { ValidationResult } from './report.js';
import { SchemaSet } from './schema-set.js';
import { validateWithXerces } from './xerces-engine.js';

export const ENGINES = ['libxml2', 'xerces'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface ValidatorOptions {
  readonly engine?: EngineName;
  readonly schemas?: SchemaSet;
  readonly maxBytes?: number;
}

export interface Validator {
  readonly engine: EngineName;
  validate(bytes: Uint8Array): Promise<ValidationResult>;
}

export function createValidator(options: ValidatorOptions = {}): Validator {
  const engine = options.engine ?? 'libxml2';
  const settings = { schemas: options.schemas ?? SchemaSet.ours(), maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  if (engine === 'xerces') return { engine, validate: (bytes) => validateWithXerces(bytes, settings) };
  return { engine, validate: async (bytes) => validateWithLibxml2(bytes, settings) };
}
