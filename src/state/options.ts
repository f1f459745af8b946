/** The mappings the cross-message rules read: the gemeente → jeugdregio table and contract data. */
import { loadMappings } from '../mappings/load.js';
import type { CheckerOptions } from './check.js';

export function checkerOptions(mappingsDir: string): CheckerOptions {
  const directory = loadMappings(mappingsDir);
  return { regioOf: (gemeente) => directory.regioOf(gemeente)?.name };
}
