/**
 * Toewijzingen (JW301) and the requests that lead to them (JW315 VOT, JW317 VOW, answered by
 * JW319 or a JW301): process.md §2.1–§2.2. Every version of a toewijzing is kept; the current one
 * is the version with the latest Toewijzingsdatum + Toewijzingstijd (IV013).
 */
import type { StateGroup } from '../rule.js';
import { TOEWIJZING_SCHEMA, TOEWIJZING_TABLES } from './schema.js';
import { applyToewijzingen } from './apply.js';
import { TR332 } from './rules/tr332.js';

export const toewijzingGroup: StateGroup = {
  name: 'toewijzing',
  schema: TOEWIJZING_SCHEMA,
  tables: TOEWIJZING_TABLES,
  rules: [TR332],
  notApplicable: {},
  apply: { JW301: applyToewijzingen },
};
