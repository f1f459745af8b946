/**
 * Contract data the standard leaves to the parties (TR418 → 0611, TR346 with the contract rate):
 * per jeugdregio the products bought and their tariffs. Loaded from mappings/ like the rest of
 * the configuration; a regio without contract data is not checked on tariffs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MappingsError } from '../mappings/load.js';
import { CONTRACTEN_FILE, contractenFileSchema, mappingsErrorMap } from '../mappings/schema.js';
import { jsonPath, type MappingsIssue } from '../mappings/validate.js';

export interface ContractTarief {
  readonly categorie: string;
  readonly code: string;
  readonly eenheid: string;
  /** Cents per unit; null for Eenheid 83 (euros), which has no tariff (CD087). */
  readonly tarief: number | null;
  /** yyyy-mm-dd, inclusive. */
  readonly van: string;
  /** yyyy-mm-dd, inclusive; null = open. */
  readonly tot: string | null;
  /** AGB code when the contract is with one aanbieder; null for every aanbieder of the regio. */
  readonly aanbieder: string | null;
}

export interface Contracts {
  /** True when contract data exists for the regio (then an unknown product/tariff is an error). */
  covers(regio: string): boolean;
  /**
   * The contract tariffs for a product in a regio valid on `date`. With `aanbieder`, a contract
   * with that aanbieder replaces the regio-wide one for the products it lists.
   */
  tarieven(regio: string, categorie: string, code: string, date: string, aanbieder?: string): readonly ContractTarief[];
}

export const NO_CONTRACTS: Contracts = {
  covers: () => false,
  tarieven: () => [],
};

/** One tariff of a regio's contract. */
export interface RegioTarief extends ContractTarief {
  readonly regio: string;
}

/** Contracts over plain entries: the loaded file, or what a test or the bench builds. */
export function contractsOf(entries: readonly RegioTarief[]): Contracts {
  const regios = new Set<string>();
  const byProduct = new Map<string, RegioTarief[]>();
  const key = (regio: string, categorie: string, code: string) => `${regio}\u0000${categorie}\u0000${code}`;
  for (const e of entries) {
    regios.add(e.regio);
    const k = key(e.regio, e.categorie, e.code);
    let list = byProduct.get(k);
    if (list === undefined) byProduct.set(k, (list = []));
    list.push(e);
  }
  return {
    covers: (regio) => regios.has(regio),
    tarieven(regio, categorie, code, date, aanbieder) {
      const all = byProduct.get(key(regio, categorie, code));
      if (all === undefined) return [];
      const valid = all.filter((t) => t.van <= date && (t.tot === null || date <= t.tot) && (t.aanbieder === null || t.aanbieder === aanbieder));
      const own = valid.filter((t) => t.aanbieder !== null);
      return own.length > 0 ? own : valid;
    },
  };
}

/**
 * Reads mappings/contracten.json when it is there (no file: no contract checks). A broken file
 * stops the gateway like any other mapping (IJW_ERR_MAPPINGS, every problem listed); a regio
 * name must be a jeugdregio of gemeenten-2026.json.
 */
export function loadContracts(dir: string, regios: ReadonlySet<string>): Contracts {
  let text: string;
  try {
    text = readFileSync(join(dir, CONTRACTEN_FILE), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return NO_CONTRACTS;
    throw new MappingsError(dir, [{ file: CONTRACTEN_FILE, path: '$', message: `cannot read: ${String(cause)}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new MappingsError(dir, [{ file: CONTRACTEN_FILE, path: '$', message: `not valid JSON: ${(cause as Error).message}` }]);
  }
  const parsed = contractenFileSchema.safeParse(raw, { error: mappingsErrorMap });
  if (!parsed.success) {
    const issues: MappingsIssue[] = parsed.error.issues.map((i) => ({ file: CONTRACTEN_FILE, path: jsonPath(i.path), message: i.message }));
    throw new MappingsError(dir, issues);
  }
  const issues: MappingsIssue[] = [];
  const entries: RegioTarief[] = [];
  parsed.data.contracten.forEach((c, i) => {
    if (!regios.has(c.regio)) issues.push({ file: CONTRACTEN_FILE, path: jsonPath(['contracten', i, 'regio']), message: `unknown jeugdregio ${JSON.stringify(c.regio)} in gemeenten-2026.json` });
    for (const p of c.producten) {
      entries.push({ regio: c.regio, aanbieder: c.aanbieder ?? null, van: c.van, tot: c.tot, categorie: p.categorie, code: p.code, eenheid: p.eenheid, tarief: p.tarief ?? null });
    }
  });
  if (issues.length > 0) throw new MappingsError(dir, issues);
  return contractsOf(entries);
}
