import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher, MockAgent } from 'undici';
import pino from 'pino';
import { Pusher, type PusherOptions, type PushLog } from '../../src/deliver/push.js';
import type { Party } from '../../src/mappings/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { directoryOf, eventually, memoryLog, pushParty, queued } from './helpers.js';

const ORIGIN = 'http://recipient.test';
const T0 = new Date('2025-03-01T12:00:00.000Z');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Setup {
  readonly store: SqliteStore;
  readonly pusher: Pusher;
  readonly log: ReturnType<typeof memoryLog>;
  readonly attempts: { partyId: string; ok: boolean }[];
}

function setup(parties: readonly Party[], dispatcher: Dispatcher, extra: Partial<PusherOptions> = {}): Setup {
  const store = new SqliteStore({ path: ':memory:' });
  const log = memoryLog();
  const attempts: { partyId: string; ok: boolean }[] = [];
  const pusher = new Pusher({
    store,
    directory: directoryOf(parties),
    dispatcher,
    clock: () => T0,
    log,
    metrics: { onAttempt: (partyId, ok) => attempts.push({ partyId, ok }) },
    pollMs: 20,
    concurrency: 4,
    // random 0: every retry is due at once, so a test needs no waiting and no timers.
    backoff: { baseMs: 10, maxMs: 1_000, random: () => 0 },
    ...extra,
  });
  cleanups.push(
    () => store.close(),
    () => pusher.stop(),
  );
  return { store, pusher, log, attempts };
}

function mockAgent(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  cleanups.push(async () => {
    await agent.close();
  });
  return agent;
}

const party = pushParty('aanbieder:98041733', `${ORIGIN}/ijw`, { maxAttempts: 3, headers: { Authorization: 'Bearer s3cret', 'Content-Type': 'text/plain' } });

function delivery(store: SqliteStore, id: string) {
  const d = store.detail(id)?.deliveries[0];
  if (d === undefined) throw new Error(`no delivery for ${id}`);
  return d;
}

describe('Pusher', () => {
  it('retries a 5xx and then delivers, with the configured and protocol headers', async () => {
    const agent = mockAgent();
    const seen: { headers: Record<string, string>; body: string }[] = [];
    const pool = agent.get(ORIGIN);
    const capture = (answer: string) => (opts: { headers?: unknown; body?: unknown }) => {
      seen.push({ headers: opts.headers as Record<string, string>, body: Buffer.from(opts.body as Uint8Array).toString() });
      return answer;
    };
    pool.intercept({ path: '/ijw', method: 'POST' }).reply(503, capture('busy'));
    pool.intercept({ path: '/ijw', method: 'POST' }).reply(200, capture('ok'));
    const { store, pusher, attempts } = setup([party], agent);
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.state).toBe('delivered');
      return d;
    });
    expect(d.attempts).toBe(2);
    expect(d.lastError).toBeNull();
    expect(d.attemptLog.map((a) => [a.ok, a.statusCode, a.error])).toEqual([
      [false, 503, 'HTTP 503: busy'],
      [true, 200, null],
    ]);
    expect(store.detail('b1')?.status).toBe('delivered');
    expect(attempts).toEqual([
      { partyId: party.id, ok: false },
      { partyId: party.id, ok: true },
    ]);
    expect(seen).toHaveLength(2);
    for (const { headers, body } of seen) {
      expect(body).toBe('<Bericht id="b1"/>');
      expect(headers).toMatchObject({
        authorization: 'Bearer s3cret',
        'content-type': 'application/xml; charset=utf-8',
        'x-ijw-bericht-id': 'b1',
        'x-ijw-delivery-id': String(d.id),
        'idempotency-key': `"b1.${d.id}"`,
      });
    }
    // A retry carries the same key, so the recipient can tell it from a new message.
    expect(seen[0]?.headers['idempotency-key']).toBe(seen[1]?.headers['idempotency-key']);
    agent.assertNoPendingInterceptors();
  });

  it('dead-letters after maxAttempts with the last reason', async () => {
    const agent = mockAgent();
    agent.get(ORIGIN).intercept({ path: '/ijw', method: 'POST' }).reply(500, 'database down').persist();
    const { store, pusher, log } = setup([party], agent);
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.state).toBe('dead');
      return d;
    });
    expect(d.attempts).toBe(3);
    expect(d.lastError).toBe('HTTP 500: database down (gave up after 3 attempts)');
    expect(d.attemptLog).toHaveLength(3);
    expect(store.detail('b1')?.status).toBe('dead-letter');
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['push dead-lettered']);
    // Configured headers may hold the recipient's secret: never logged.
    expect(JSON.stringify(log.lines)).not.toContain('s3cret');
  });

  it('dead-letters a permanent 4xx at once, quoting the answer without a BSN', async () => {
    const agent = mockAgent();
    agent.get(ORIGIN).intercept({ path: '/ijw', method: 'POST' }).reply(422, 'Onbekende client\n  BSN 123456782 in bericht');
    const { store, pusher } = setup([party], agent);
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.state).toBe('dead');
      return d;
    });
    expect(d.attempts).toBe(1);
    expect(d.lastError).toBe('HTTP 422: Onbekende client BSN ********* in bericht');
    expect(store.detail('b1')?.history.map((h) => h.status)).toEqual(['accepted', 'dead-letter']);
  });

  it('waits as long as a 429 asks with Retry-After', async () => {
    const agent = mockAgent();
    agent.get(ORIGIN).intercept({ path: '/ijw', method: 'POST' }).reply(429, '', { headers: { 'retry-after': '30' } });
    const { store, pusher } = setup([party], agent, { backoff: { baseMs: 10, maxMs: 60_000, random: () => 0 } });
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.attempts).toBe(1);
      return d;
    });
    expect(d.state).toBe('pending');
    expect(d.nextAttemptAt).toBe('2025-03-01T12:00:30.000Z');
    expect(d.lastError).toBe('HTTP 429');
  });

  it('schedules the next try with backoff from the injected clock', async () => {
    const agent = mockAgent();
    agent.get(ORIGIN).intercept({ path: '/ijw', method: 'POST' }).reply(502, '').times(2);
    const { store, pusher } = setup([party], agent, { backoff: { baseMs: 60_000, maxMs: 3_600_000, random: () => 0.5 } });
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.attempts).toBe(1);
      return d;
    });
    expect(d.nextAttemptAt).toBe('2025-03-01T12:00:30.000Z');
    // Not due at T0: no second request while the clock stands still.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivery(store, 'b1').attempts).toBe(1);
  });

  it('gives up on a slow recipient after its timeoutMs and retries', async () => {
    const agent = mockAgent();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/slow', method: 'POST' }).reply(200, 'late').delay(1_000);
    pool.intercept({ path: '/slow', method: 'POST' }).reply(200, 'ok');
    const slow = pushParty('gemeente:0228', `${ORIGIN}/slow`, { timeoutMs: 50 });
    const { store, pusher } = setup([slow], agent);
    await store.save([queued('b1', slow.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.state).toBe('delivered');
      return d;
    });
    const [first] = d.attemptLog;
    expect(first).toMatchObject({ ok: false, statusCode: null, error: 'timeout after 50 ms (TimeoutError)' });
    expect(first?.durationMs).toBeGreaterThanOrEqual(45);
    expect(first?.durationMs).toBeLessThan(900);
  });

  it('retries a connection error', async () => {
    const agent = mockAgent();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/ijw', method: 'POST' }).replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/ijw', method: 'POST' }).reply(204, '');
    const { store, pusher } = setup([party], agent);
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    const d = await eventually(() => {
      const d = delivery(store, 'b1');
      expect(d.state).toBe('delivered');
      return d;
    });
    expect(d.attemptLog[0]?.error).toBe('ECONNRESET: read ECONNRESET');
  });

  it('dead-letters a delivery whose party has no push endpoint any more', async () => {
    const agent = mockAgent();
    const nowMailbox: Party = { ...party, delivery: { mode: 'mailbox' } };
    const { store, pusher } = setup([nowMailbox], agent);
    await store.save([queued('b1', party.id, T0.toISOString()), queued('b2', 'aanbieder:00000000', T0.toISOString())]);
    pusher.start();

    for (const [id, partyId] of [
      ['b1', party.id],
      ['b2', 'aanbieder:00000000'],
    ] as const) {
      const d = await eventually(() => {
        const d = delivery(store, id);
        expect(d.state).toBe('dead');
        return d;
      });
      expect(d.lastError).toBe(`no push endpoint configured for ${partyId}`);
    }
  });

  it('sends again when an outcome could not be recorded, without a tight loop', async () => {
    const agent = mockAgent();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/ijw', method: 'POST' }).reply(200, 'ok').times(2);
    const store = new SqliteStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    let failures = 1;
    const flaky: PusherOptions['store'] = {
      duePushes: (now, limit) => store.duePushes(now, limit),
      body: (id) => store.body(id),
      recordAttempt: (id, attempt, next) => (failures-- > 0 ? Promise.reject(new Error('disk full')) : store.recordAttempt(id, attempt, next)),
    };
    const { pusher, log } = setup([party], agent, { store: flaky, pollMs: 150 });
    await store.save([queued('b1', party.id, T0.toISOString())]);
    const started = performance.now();
    pusher.start();

    await eventually(() => expect(delivery(store, 'b1').state).toBe('delivered'));
    // The resend waited for the next poll instead of going out at once.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(delivery(store, 'b1').attempts).toBe(1);
    expect(log.lines.find((l) => l.level === 'error')?.msg).toBe('recording the push attempt failed');
    agent.assertNoPendingInterceptors();
  });

  it('survives its own unexpected failure and a throwing metrics hook', async () => {
    const agent = mockAgent();
    agent.get(ORIGIN).intercept({ path: '/ijw', method: 'POST' }).reply(200, 'ok');
    let broken = true;
    const directory = {
      partyById: (id: string) => {
        if (broken) {
          broken = false;
          throw new Error('directory reloading');
        }
        return id === party.id ? party : undefined;
      },
    };
    const metrics = {
      onAttempt: () => {
        throw new Error('metrics down');
      },
    };
    const { store, pusher, log } = setup([party], agent, { directory, metrics });
    await store.save([queued('b1', party.id, T0.toISOString())]);
    pusher.start();

    await eventually(() => expect(delivery(store, 'b1').state).toBe('delivered'));
    expect(log.lines.map((l) => l.msg)).toEqual(['push attempt failed unexpectedly', 'the onAttempt metrics hook threw', 'pushed']);
    await pusher.stop();
  });

  it('accepts a pino logger', () => {
    const log: PushLog = pino({ level: 'silent' });
    expect(log.child({ a: 1 })).toBeDefined();
  });
});

/**
 * Streams a response in chunks and honours backpressure like a real connection, so it can tell
 * whether the reader consumed (complete) or cancelled (aborted) the body, or left it hanging.
 */
class StreamingDispatcher extends Dispatcher {
  /** One entry per request, in order. */
  readonly outcomes: ('pending' | 'complete' | 'aborted')[] = [];

  constructor(
    readonly statusCode: number,
    readonly chunks: number,
  ) {
    super();
  }

  override dispatch(_opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const n = this.outcomes.push('pending') - 1;
    const pending = () => this.outcomes[n] === 'pending';
    let sent = 0;
    let paused = false;
    const send = (): void => {
      while (pending() && sent < this.chunks) {
        sent++;
        if (handler.onData?.(Buffer.alloc(16 * 1024, 0x78)) === false) {
          paused = true;
          return;
        }
      }
      if (pending()) {
        this.outcomes[n] = 'complete';
        handler.onComplete?.([]);
      }
    };
    handler.onConnect?.((err) => {
      if (!pending()) return;
      this.outcomes[n] = 'aborted';
      handler.onError?.(err ?? new Error('aborted'));
    });
    const resume = (): void => {
      if (!paused) return;
      paused = false;
      setImmediate(send);
    };
    handler.onHeaders?.(this.statusCode, [Buffer.from('content-type'), Buffer.from('text/plain')], resume, 'status');
    setImmediate(send);
    return true;
  }

  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

describe('Pusher and response bodies', () => {
  for (const [statusCode, chunks, outcome] of [
    [200, 4, 'complete'],
    [200, 40, 'aborted'],
    [503, 6, 'complete'],
    [400, 40, 'aborted'],
  ] as const) {
    it(`never leaves a ${statusCode} body of ${chunks * 16} KiB unread (${outcome})`, async () => {
      const dispatcher = new StreamingDispatcher(statusCode, chunks);
      const { store, pusher } = setup([party], dispatcher);
      await store.save([queued('b1', party.id, T0.toISOString())]);
      pusher.start();
      await eventually(() => expect(delivery(store, 'b1').attempts).toBeGreaterThanOrEqual(1));
      await pusher.stop();
      expect(dispatcher.outcomes.length).toBeGreaterThanOrEqual(1);
      for (const o of dispatcher.outcomes) expect(o).toBe(outcome);
    });
  }
});
