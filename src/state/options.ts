/** The mappings the cross-message rules read: the gemeente → jeugdregio table and contract data. */
import { loadMappings } from '../mappings/load.js';
import type { CheckerOptions } from './check.js';
import { loadContracts } from './contracts.js';

export function checkerOptions(mappingsDir: string): CheckerOptions {
  const directory = loadMappings(mappingsDir);
  const contracts = loadContracts(mappingsDir, new Set(directory.regios.map((r) => r.name)));
  return { regioOf: (gemeente) => directory.regioOf(gemeente)?.name, contracts };
}
