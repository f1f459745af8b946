/** Identifiers the gateway hands out. Injected where tests need them fixed. */
import { randomBytes } from 'node:crypto';

export interface Ids {
  /** Store id: sortable by time (newest last), unique across processes. */
  bericht(): string;
  /** Identification for an answer the gateway writes: at most 12 characters (LDT_IdentificatieBericht). */
  answer(): string;
}

/** Answer identifications per millisecond: three base-36 digits. */
const PER_MS = 46_656n;

/**
 * A cell shared by every thread of one gateway that writes answers (the HTTP thread and the ingest
 * threads): pass the same buffer to each `systemIds`. It holds the last answer stamp handed out.
 */
export function answerStamps(): SharedArrayBuffer {
  return new SharedArrayBuffer(8);
}

/**
 * `shared` (answerStamps) makes answer identifications unique across the threads that share it.
 * Without it they are unique within this instance only: two threads with an instance each would
 * hand out the same identification in the same millisecond.
 */
export function systemIds(now: () => number = Date.now, shared: SharedArrayBuffer = answerStamps()): Ids {
  const last = new BigInt64Array(shared, 0, 1);
  // Random per process, then counted: as unique as 16 random hex digits per id (two processes
  // collide only if their 8 random digits do), without asking the kernel for randomness per id.
  const processPart = randomBytes(4).toString('hex');
  let sequence = randomBytes(4).readUInt32BE(0) >>> 1; // far from wrapping round within a millisecond
  return {
    bericht: () => {
      sequence = (sequence + 1) >>> 0;
      return `${now().toString(36).padStart(9, '0')}${processPart}${sequence.toString(16).padStart(8, '0')}`;
    },
    answer: () => {
      // A stamp is milliseconds × 46,656 + a counter, taken with compare-and-swap so that no two
      // threads get the same one. A millisecond that runs out of counter values borrows from the
      // next: still unique, still increasing, still 12 characters.
      const floor = BigInt(now()) * PER_MS;
      let prev = Atomics.load(last, 0);
      for (;;) {
        const next = prev >= floor ? prev + 1n : floor;
        const seen = Atomics.compareExchange(last, 0, prev, next);
        if (seen === prev) return format(next);
        prev = seen;
      }
    },
  };
}

// 'G' + 8 base-36 time digits (good until 2059) + 3 counter digits.
function format(stamp: bigint): string {
  const ms = stamp / PER_MS;
  const counter = stamp % PER_MS;
  return `G${ms.toString(36).slice(-8).toUpperCase()}${counter.toString(36).padStart(3, '0').toUpperCase()}`;
}
