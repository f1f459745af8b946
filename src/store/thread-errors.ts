/**
 * An error as it crosses between the store's threads: a structured clone keeps neither its class
 * nor its code, and the caller needs the code (a constraint, or a failure of the storage: health.ts).
 */

/** The error as a worker answers it. */
export interface ThreadErrorFields {
  readonly code?: string;
  readonly message: string;
}

/** What a worker sends for an error it caught. */
export function errorFields(err: unknown): ThreadErrorFields {
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  return { ...(code === undefined ? {} : { code }), message: String(e?.message ?? err) };
}

/** An error a worker thread answered with, its code (SQLite's, or ours) kept for the caller. */
export class ThreadError extends Error {
  readonly code?: string;

  constructor(fields: ThreadErrorFields) {
    super(fields.message);
    if (fields.code !== undefined) this.code = fields.code;
  }
}

/** Settles the promise a thread's answer belongs to: its value, or its error with the code kept. */
export function settle(
  p: { resolve: (v: unknown) => void; reject: (e: unknown) => void },
  reply: { readonly value?: unknown; readonly error?: ThreadErrorFields },
): void {
  if (reply.error === undefined) p.resolve(reply.value);
  else p.reject(new ThreadError(reply.error));
}
