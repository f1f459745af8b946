/**
 * Start and stop of delivery (JW305/JW307): process.md §2.3. The ledger keeps every start and
 * stop line as sent, deletions (StatusAanlevering 3) included; the current start of a toegewezen
 * product is derived from it.
 */
import type { StateGroup } from '../rule.js';

export const leveringGroup: StateGroup = {
  name: 'levering',
  schema: '',
  tables: [],
  rules: [],
  notApplicable: {},
  apply: {},
};
