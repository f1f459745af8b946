/** The mappings the cross-message rules read: the gemeente → jeugdregio table and contract data. */
import { loadMappings } from '../mappings/load.js';
import type { Directory } from '../mappings/types.js';
import type { CheckerOptions } from './check.js';
import { loadContracts } from './contracts.js';

/** `directory`: the mappings of `mappingsDir` when the caller has loaded them already. */
export function checkerOptions(mappingsDir: string, directory: Directory = loadMappings(mappingsDir)): CheckerOptions {
  const contracts = loadContracts(mappingsDir, new Set(directory.regios.map((r) => r.name)));
  return { regioOf: (gemeente) => directory.regioOf(gemeente)?.name, contracts };
}
