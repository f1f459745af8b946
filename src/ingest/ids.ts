/** Identifiers the gateway hands out. Injected where tests need them fixed. */
import { randomBytes } from 'node:crypto';

export interface Ids {
  /** Store id: sortable by time (newest last), unique across processes. */
  bericht(): string;
  /** Identification for an answer the gateway writes: at most 12 characters (LDT_IdentificatieBericht). */
  answer(): string;
}

export function systemIds(now: () => number = Date.now): Ids {
  let lastMs = 0;
  let counter = 0;
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
      const ms = now();
      counter = ms === lastMs ? counter + 1 : 0;
      lastMs = ms;
      // 'G' + 8 base-36 time digits (good until 2059) + 3 counter digits: 46,656 answers per millisecond.
      return `G${ms.toString(36).slice(-8).toUpperCase()}${counter.toString(36).padStart(3, '0').toUpperCase()}`;
    },
  };
}
