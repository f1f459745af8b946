import { describe, expect, it } from 'vitest';
import { classifyError, classifyResponse, nextDelay, parseRetryAfter, retryDelay } from '../../src/deliver/backoff.js';

const now = new Date('2025-03-01T12:00:00.000Z');
const top = { baseMs: 100, maxMs: 10_000, random: () => 0.999999 };

describe('nextDelay', () => {
  it('doubles its ceiling with each attempt', () => {
    const ceilings = [1, 2, 3, 4, 5].map((a) => nextDelay(a, top));
    expect(ceilings).toEqual([99, 199, 399, 799, 1599]);
  });

  it('never exceeds maxMs, also for absurd attempt counts', () => {
    expect(nextDelay(8, top)).toBe(9_999);
    expect(nextDelay(20, top)).toBe(9_999);
    expect(nextDelay(5_000, top)).toBe(9_999);
  });

  it('is full jitter: anywhere from 0 up to the ceiling', () => {
    expect(nextDelay(3, { ...top, random: () => 0 })).toBe(0);
    expect(nextDelay(3, { ...top, random: () => 0.5 })).toBe(200);
    let seed = 42;
    const lcg = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(10_000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const d = nextDelay(attempt, { ...top, random: lcg });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(ceiling);
        expect(Number.isInteger(d)).toBe(true);
      }
    }
  });

  it('treats attempt 0 or less as the first', () => {
    expect(nextDelay(0, top)).toBe(99);
    expect(nextDelay(-3, top)).toBe(99);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Saturday, 01-Mar-25 12:01:00 GMT', now)).toBe(60_000);
  });

  it('treats a date in the past as now and ignores garbage', () => {
    expect(parseRetryAfter('Fri, 28 Feb 2025 12:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('is a lower bound on the jittered delay, capped by maxMs', () => {
    const low = { ...top, random: () => 0 };
    expect(retryDelay(1, undefined, low)).toBe(0);
    expect(retryDelay(1, 3_000, low)).toBe(3_000);
    expect(retryDelay(7, 50, top)).toBe(6_399);
    expect(retryDelay(1, 86_400_000, low)).toBe(10_000);
  });
});

describe('classifyResponse', () => {
  it('counts every 2xx as delivered', () => {
    for (const s of [200, 201, 202, 204]) expect(classifyResponse(s, undefined, now)).toEqual({ kind: 'delivered', statusCode: s });
  });

  it('retries 408, 429 and 5xx', () => {
    for (const s of [408, 429, 500, 502, 503, 504]) {
      expect(classifyResponse(s, undefined, now, 'busy')).toEqual({ kind: 'retry', statusCode: s, reason: `HTTP ${s}: busy` });
    }
  });

  it('carries Retry-After on a 429 or 503', () => {
    expect(classifyResponse(429, '7', now)).toEqual({ kind: 'retry', statusCode: 429, reason: 'HTTP 429', retryAfterMs: 7_000 });
    expect(classifyResponse(503, 'Sat, 01 Mar 2025 12:00:05 GMT', now)).toMatchObject({ kind: 'retry', retryAfterMs: 5_000 });
  });

  it('dead-letters other 4xx and 3xx at once, with the reason', () => {
    for (const s of [400, 401, 403, 404, 409, 413, 415, 422]) {
      expect(classifyResponse(s, '5', now, 'nee')).toEqual({ kind: 'permanent', statusCode: s, reason: `HTTP ${s}: nee` });
    }
    expect(classifyResponse(301, undefined, now).kind).toBe('permanent');
    expect(classifyResponse(307, undefined, now).kind).toBe('permanent');
  });
});

describe('classifyError', () => {
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('retries network failures', () => {
    expect(classifyError(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'))).toEqual({
      kind: 'retry',
      statusCode: null,
      reason: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(classifyError(coded('UND_ERR_SOCKET', 'other side closed')).kind).toBe('retry');
    expect(classifyError(coded('ECONNRESET', 'read ECONNRESET')).kind).toBe('retry');
    expect(classifyError(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND x')).kind).toBe('retry');
    expect(classifyError(coded('CERT_HAS_EXPIRED', 'certificate has expired')).kind).toBe('retry');
  });

  it('retries timeouts, from undici or an AbortSignal', async () => {
    expect(classifyError(coded('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'), 50)).toEqual({
      kind: 'retry',
      statusCode: null,
      reason: 'timeout after 50 ms (UND_ERR_HEADERS_TIMEOUT)',
    });
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(classifyError(signal.reason, 1)).toEqual({ kind: 'retry', statusCode: null, reason: 'timeout after 1 ms (TimeoutError)' });
  });

  it('dead-letters a request that can never be valid', () => {
    expect(classifyError(coded('UND_ERR_INVALID_ARG', 'invalid url'))).toMatchObject({ kind: 'permanent', reason: 'UND_ERR_INVALID_ARG: invalid url' });
    expect(classifyError(coded('ERR_INVALID_URL', 'Invalid URL')).kind).toBe('permanent');
  });

  it('retries what it does not recognise', () => {
    expect(classifyError(new TypeError('surprise'))).toEqual({ kind: 'retry', statusCode: null, reason: 'TypeError: surprise' });
    expect(classifyError('a string')).toEqual({ kind: 'retry', statusCode: null, reason: 'a string' });
  });
});
