/**
 * Whether the store can take writes. A write that fails because of the storage (disk full, an I/O
 * error, a read-only or locked database, a writer thread that is gone) is not the caller's fault:
 * HTTP answers it with 503 and Retry-After, and /health reports the store as unavailable until a
 * later write commits, so that a load balancer stops sending to this instance meanwhile. A write
 * refused for its content (a constraint) says nothing about the storage.
 */

export type StoreHealth =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: string; readonly since: string };

/** Thrown when a writer thread of the store has exited: every later write fails with it. */
export const WRITER_GONE = 'ERR_STORE_WRITER_GONE';
/** Thrown when the store's read thread has exited: every later read over the history fails with it. */
export const READER_GONE = 'ERR_STORE_READER_GONE';
/** Thrown when the shared write lock stays taken (by a thread that hangs or died holding it). */
export const LOCK_TIMEOUT = 'ERR_STORE_LOCK_TIMEOUT';

// SQLite's result codes for the file or the disk (extended codes start with these), the errno
// values a sync can fail with, and our own three.
const STORAGE_CODES =
  /^(?:SQLITE_(?:IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED|PROTOCOL)(?:_\w+)?|EIO|ENOSPC|EROFS|EDQUOT|ERR_STORE_WRITER_GONE|ERR_STORE_READER_GONE|ERR_STORE_LOCK_TIMEOUT)$/;

/** The error's code when it is a failure of the storage rather than of the write; else undefined. */
export function storageFailure(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && STORAGE_CODES.test(code) ? code : undefined;
}

/** An Error with a code, as Node's own errors carry one. */
export function codedError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** Follows the outcome of writes: unavailable from the first storage failure until a write commits. */
export class HealthTracker {
  #failure: { problem: string; since: string } | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** A write failed; counts only when the storage is to blame. */
  failed(err: unknown): void {
    const code = storageFailure(err);
    if (code === undefined) return;
    // The first failure's time, the latest failure's reason.
    const since = this.#failure?.since ?? this.now().toISOString();
    this.#failure = { problem: `writes fail with ${code}: ${messageOf(err)}`, since };
  }

  /** A write committed (and was synced). */
  succeeded(): void {
    this.#failure = undefined;
  }

  get health(): StoreHealth {
    return this.#failure === undefined ? { ok: true } : { ok: false, ...this.#failure };
  }
}

function messageOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
  // SQLite's and Node's texts name files and codes, never a message's content; keep them short.
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
