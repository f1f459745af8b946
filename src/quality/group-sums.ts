/**
 * Counts summed over one group commit of the store, so that each distinct cell is written once per
 * commit instead of once per message: a day's traffic collapses to a few cells per party pair, and
 * an upsert per cell per message cost about as much as storing the message (bench/README.md, e).
 *
 * The store runs each write of a group and then says whether it stayed in (`keep`) or was rolled
 * back to its savepoint (`drop`): only kept writes are counted, so the sums written at the end of
 * the group's transaction are exactly those of the messages it commits.
 */
export class GroupSums<T extends { readonly n: number }> {
  readonly #key: (item: T) => string;
  /** Added by the write running now, not yet known to stay. */
  #pending: T[] = [];
  readonly #kept = new Map<string, { readonly item: T; n: number }>();

  constructor(key: (item: T) => string) {
    this.#key = key;
  }

  add(item: T): void {
    this.#pending.push(item);
  }

  /** The writes since the last keep or drop are in: their items join the group's sums. */
  keep(): void {
    for (const item of this.#pending) {
      const k = this.#key(item);
      const seen = this.#kept.get(k);
      if (seen === undefined) this.#kept.set(k, { item, n: item.n });
      else seen.n += item.n;
    }
    this.#pending = [];
  }

  /** The writes since the last keep or drop were rolled back: they count for nothing. */
  drop(): void {
    this.#pending = [];
  }

  /** The group's sums, each distinct item once with its summed n; starts the next group empty. */
  take(): { readonly item: T; readonly n: number }[] {
    const out = [...this.#kept.values()];
    this.clear();
    return out;
  }

  clear(): void {
    this.#pending = [];
    this.#kept.clear();
  }
}
