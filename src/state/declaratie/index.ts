/**
 * Declaraties (JW323) and their answers (JW325): process.md §2.4. Every declared prestatie is kept
 * with its debet/credit pairing and, once answered, whether it was approved.
 */
import type { StateGroup } from '../rule.js';
import { FIT_NOT_APPLICABLE, FIT_RULES } from './fit/index.js';

export const declaratieGroup: StateGroup = {
  name: 'declaratie',
  schema: '',
  tables: [],
  rules: [...FIT_RULES],
  notApplicable: { ...FIT_NOT_APPLICABLE },
  apply: {},
};
