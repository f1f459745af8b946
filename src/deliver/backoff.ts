/**
 * When to try a push again, and whether to try at all. Pure functions: the Pusher supplies the
 * clock and the random source, so tests pin both.
 */

export interface BackoffOptions {
  /** Ceiling of the first retry's delay; doubles with each attempt. */
  readonly baseMs: number;
  /** No wait exceeds this, also not one a recipient asks for with Retry-After. */
  readonly maxMs: number;
  /** Uniform in [0, 1), like Math.random. */
  readonly random: () => number;
}

/**
 * Delay before the retry that follows failed attempt number `attempt` (1-based).
 *
 * Full jitter: uniform in [0, min(maxMs, baseMs·2^(attempt−1))). Of the schemes compared in
 * "Exponential Backoff And Jitter" (Brooker, AWS Architecture Blog, 2015) it spreads retries best
 * at the least total work. Decorrelated jitter does about as well but derives each delay from the
 * previous one, which we would have to persist; full jitter needs only the attempt count, which the
 * store already keeps, so a restart resumes the same schedule.
 */
export function nextDelay(attempt: number, opts: BackoffOptions): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2 ** exponent overflows to Infinity for absurd attempt counts; Math.min absorbs that.
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** exponent);
  return Math.floor(opts.random() * ceiling);
}

/**
 * Delay before the next try, honouring a Retry-After as a lower bound. maxMs still caps it, so a
 * misconfigured recipient cannot park its queue for days; the worst case is one early 429 more.
 */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, opts: BackoffOptions): number {
  const jittered = nextDelay(attempt, opts);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(opts.maxMs, Math.max(retryAfterMs, jittered));
}

/** Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date; undefined when absent or malformed. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Date.parse accepts bare numbers such as '1.5' as dates; an HTTP-date always has a day or month name.
  if (!/[A-Za-z]/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** What one push attempt came to. `reason` is what an operator reads in the delivery's last error. */
export type Verdict =
  | { readonly kind: 'delivered'; readonly statusCode: number }
  | { readonly kind: 'retry'; readonly statusCode: number | null; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'permanent'; readonly statusCode: number | null; readonly reason: string };

/**
 * 2xx is delivered. 408, 429 and 5xx are the recipient's passing trouble: retry, after Retry-After
 * when given. Every other status gets the same answer however often it is sent, so it dead-letters
 * at once. That includes 3xx: a message is never re-sent to an address the recipient's server
 * names; the operator corrects the party's url and replays.
 */
export function classifyResponse(statusCode: number, retryAfter: string | undefined, now: Date, detail = ''): Verdict {
  if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode };
  const reason = detail === '' ? `HTTP ${statusCode}` : `HTTP ${statusCode}: ${detail}`;
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined ? { kind: 'retry', statusCode, reason } : { kind: 'retry', statusCode, reason, retryAfterMs };
  }
  return { kind: 'permanent', statusCode, reason };
}

/**
 * Errors that no retry can cure: the request we build is itself wrong (a malformed url or header
 * in the party's settings). Codes as thrown by undici and Node.
 */
const PERMANENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'ERR_INVALID_URL',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_CHAR',
]);

const TIMEOUT_ERROR_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * A request that got no HTTP answer. Refused or reset connections, DNS and TLS failures and
 * timeouts are retried: each may clear up, and maxAttempts still bounds the effort. An error we do
 * not recognise is retried too, so a surprise never drops a message on its first occurrence.
 */
export function classifyError(err: unknown, timeoutMs?: number): Verdict {
  const code = errorCode(err);
  const name = err instanceof Error ? err.name : undefined;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'TimeoutError' || (code !== undefined && TIMEOUT_ERROR_CODES.has(code))) {
    const within = timeoutMs === undefined ? '' : ` after ${timeoutMs} ms`;
    return { kind: 'retry', statusCode: null, reason: `timeout${within} (${code ?? name})` };
  }
  const label = code ?? (name !== undefined && name !== 'Error' ? name : undefined);
  const reason = label === undefined ? message : `${label}: ${message}`;
  if (code !== undefined && PERMANENT_ERROR_CODES.has(code)) return { kind: 'permanent', statusCode: null, reason };
  return { kind: 'retry', statusCode: null, reason };
}

function errorCode(err: unknown): string | undefined {
  // DOMException has a legacy numeric `code`; only string codes identify a failure.
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'string' ? code : undefined;
}
