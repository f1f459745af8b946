/**
 * Contract data the standard leaves to the parties (TR418 → 0611, TR346 with the contract rate):
 * per jeugdregio the products bought and their tariffs. Loaded from mappings/ like the rest of
 * the configuration; a regio without contract data is not checked on tariffs.
 */

export interface ContractTarief {
  readonly categorie: string;
  readonly code: string;
  readonly eenheid: string;
  /** Cents per unit. */
  readonly tarief: number;
  /** yyyy-mm-dd, inclusive. */
  readonly van: string;
  /** yyyy-mm-dd, inclusive; null = open. */
  readonly tot: string | null;
}

export interface Contracts {
  /** True when contract data exists for the regio (then an unknown product/tariff is an error). */
  covers(regio: string): boolean;
  /** The contract tariffs for a product in a regio valid on `date`. */
  tarieven(regio: string, categorie: string, code: string, date: string): readonly ContractTarief[];
}

export const NO_CONTRACTS: Contracts = {
  covers: () => false,
  tarieven: () => [],
};
