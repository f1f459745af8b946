/** The areas of cross-message state, in the order their rules run and their updates apply. */
import { declaratieGroup } from './declaratie/index.js';
import { leveringGroup } from './levering/index.js';
import type { StateGroup } from './rule.js';
import { toewijzingGroup } from './toewijzing/index.js';

export const STATE_GROUPS: readonly StateGroup[] = [toewijzingGroup, leveringGroup, declaratieGroup];

/** The tables of every group, for the migration that creates them. */
export function stateSchema(groups: readonly StateGroup[] = STATE_GROUPS): string {
  return groups.map((g) => g.schema).join('\n');
}
