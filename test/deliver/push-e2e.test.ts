/**
 * The Pusher against a real SQLite file and real HTTP recipients on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { Pusher, type PusherOptions } from '../../src/deliver/push.js';
import type { Party } from '../../src/mappings/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { directoryOf, eventually, memoryLog, pushParty, queued } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Received {
  readonly berichtId: string;
  readonly deliveryId: string;
  readonly idempotencyKey: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Answer {
  readonly status: number;
  readonly body?: string | Buffer;
  readonly headers?: OutgoingHttpHeaders;
  /** Hold the answer this long. */
  readonly delayMs?: number;
  /** Never answer (the connection is closed at cleanup). */
  readonly hang?: boolean;
}

/** Counts requests being handled at the same time, across one or more recipients. */
class Gauge {
  active = 0;
  max = 0;
  enter(): void {
    this.active++;
    this.max = Math.max(this.max, this.active);
  }
  leave(): void {
    this.active--;
  }
}

interface Recipient {
  readonly url: string;
  readonly received: Received[];
  /** When each answer was sent, by bericht id (the last one if answered more than once). */
  readonly answeredAt: Map<string, number>;
  readonly gauge: Gauge;
}

async function recipient(answer: (r: Received, n: number) => Answer | Promise<Answer>, gauge = new Gauge()): Promise<Recipient> {
  const received: Received[] = [];
  const answeredAt = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      gauge.enter();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const r: Received = {
        berichtId: String(req.headers['x-ijw-bericht-id']),
        deliveryId: String(req.headers['x-ijw-delivery-id']),
        idempotencyKey: String(req.headers['idempotency-key']),
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(r);
      const a = await answer(r, received.length);
      if (a.hang === true) return;
      if (a.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, a.delayMs));
      gauge.leave();
      answeredAt.set(r.berichtId, performance.now());
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body ?? '');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/ijw`, received, answeredAt, gauge };
}

function tmpStorePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ijw-push-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'gateway.sqlite');
}

function openStore(path = tmpStorePath()): SqliteStore {
  const store = new SqliteStore({ path });
  cleanups.push(() => {
    try {
      store.close();
    } catch {
      // already closed by the test
    }
  });
  return store;
}

function pusher(store: SqliteStore, parties: readonly Party[], extra: Partial<PusherOptions> = {}): Pusher {
  const p = new Pusher({
    store,
    directory: directoryOf(parties),
    clock: () => new Date(),
    log: memoryLog(),
    pollMs: 25,
    concurrency: 4,
    backoff: { baseMs: 10, maxMs: 100, random: () => 0.5 },
    ...extra,
  });
  cleanups.push(() => p.stop());
  return p;
}

const now = () => new Date().toISOString();

describe('push delivery end to end', () => {
  it('keeps order per recipient: a later message waits while an earlier one is retried', async () => {
    // Slower than pollMs, so polls happen while a request is in flight.
    const r = await recipient((req, n) => (req.berichtId === 'm1' && n <= 2 ? { status: 503, body: 'even geduld', delayMs: 60 } : { status: 200 }));
    const party = pushParty('aanbieder:11111111', r.url);
    const store = openStore();
    await store.save([queued('m1', party.id, now()), queued('m2', party.id, now()), queued('m3', party.id, now())]);
    pusher(store, [party]).start();

    await eventually(() => expect(store.detail('m3')?.status).toBe('delivered'));
    expect(r.received.map((x) => x.berichtId)).toEqual(['m1', 'm1', 'm1', 'm2', 'm3']);
    expect(r.gauge.max).toBe(1);
    expect(store.detail('m1')?.deliveries[0]?.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    expect(r.received[0]?.body).toBe('<Bericht id="m1"/>');
    expect(r.received[0]?.headers['content-type']).toBe('application/xml; charset=utf-8');
    // Every retry of a delivery carries the same key.
    expect(new Set(r.received.filter((x) => x.berichtId === 'm1').map((x) => x.idempotencyKey)).size).toBe(1);
  });

  it('serves different recipients in parallel', async () => {
    // Each recipient answers only once all three requests are in: serial delivery would stall here.
    const gauge = new Gauge();
    let arrived = 0;
    let release: () => void = () => undefined;
    const allIn = new Promise<void>((resolve) => (release = resolve));
    const barrier = async (): Promise<Answer> => {
      if (++arrived === 3) release();
      const timedOut = await Promise.race([allIn.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 3_000))]);
      return { status: timedOut ? 500 : 200 };
    };
    const rs = await Promise.all([recipient(barrier, gauge), recipient(barrier, gauge), recipient(barrier, gauge)]);
    const parties = rs.map((r, i) => pushParty(`gemeente:000${i + 1}`, r.url));
    const store = openStore();
    await store.save(parties.map((p, i) => queued(`p${i}`, p.id, now())));
    pusher(store, parties, { concurrency: 3 }).start();

    for (let i = 0; i < 3; i++) {
      await eventually(() => expect(store.detail(`p${i}`)?.status).toBe('delivered'));
      expect(store.detail(`p${i}`)?.deliveries[0]?.attempts).toBe(1);
    }
    expect(gauge.max).toBe(3);
  });

  it('has no more recipients in flight than its concurrency', async () => {
    const gauge = new Gauge();
    const rs = await Promise.all([1, 2, 3, 4, 5].map(() => recipient(() => ({ status: 200, delayMs: 40 }), gauge)));
    const parties = rs.map((r, i) => pushParty(`aanbieder:0000000${i}`, r.url));
    const store = openStore();
    await store.save(parties.flatMap((p, i) => [queued(`a${i}`, p.id, now()), queued(`b${i}`, p.id, now())]));
    pusher(store, parties, { concurrency: 2 }).start();

    await eventually(() => {
      for (let i = 0; i < 5; i++) expect(store.detail(`b${i}`)?.status).toBe('delivered');
    });
    expect(gauge.max).toBe(2);
    for (const r of rs) expect(r.received.map((x) => x.berichtId[0])).toEqual(['a', 'b']);
  });

  it('dead-letters with the reason, visible in the message detail, and moves on', async () => {
    const down = await recipient(() => ({ status: 503, body: 'onderhoud' }));
    const picky = await recipient((req) => (req.berichtId === 'x1' ? { status: 400, body: 'XSD-fout in regel 3' } : { status: 202 }));
    const refusedUrl = await (async () => {
      const gone = await recipient(() => ({ status: 200 }));
      await cleanups.pop()?.();
      return gone.url;
    })();
    const parties = [
      pushParty('gemeente:0363', down.url, { maxAttempts: 3 }),
      pushParty('gemeente:0599', picky.url, { maxAttempts: 3 }),
      pushParty('gemeente:0518', refusedUrl, { maxAttempts: 2 }),
    ] as const;
    const store = openStore();
    await store.save([
      queued('d1', parties[0].id, now()),
      queued('x1', parties[1].id, now()),
      queued('x2', parties[1].id, now()),
      queued('c1', parties[2].id, now()),
    ]);
    pusher(store, parties).start();

    const d1 = await eventually(() => {
      const d = store.detail('d1');
      expect(d?.status).toBe('dead-letter');
      return d;
    });
    const del = d1?.deliveries[0];
    expect(del?.state).toBe('dead');
    expect(del?.lastError).toBe('HTTP 503: onderhoud (gave up after 3 attempts)');
    expect(del?.attemptLog.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 503],
      [false, 503],
      [false, 503],
    ]);
    expect(d1?.history.at(-1)).toMatchObject({ status: 'dead-letter', note: 'HTTP 503: onderhoud (gave up after 3 attempts)' });

    await eventually(() => expect(store.detail('x2')?.status).toBe('delivered'));
    expect(store.detail('x1')?.status).toBe('dead-letter');
    expect(store.detail('x1')?.deliveries[0]).toMatchObject({ attempts: 1, lastError: 'HTTP 400: XSD-fout in regel 3' });
    expect(picky.received.map((x) => x.berichtId)).toEqual(['x1', 'x2']);

    const c1 = await eventually(() => {
      const d = store.detail('c1');
      expect(d?.status).toBe('dead-letter');
      return d;
    });
    expect(c1?.deliveries[0]?.lastError).toMatch(/^ECONNREFUSED: .* \(gave up after 2 attempts\)$/);
  });

  it('retries a recipient that does not answer within its timeout', async () => {
    const r = await recipient((_req, n) => (n === 1 ? { status: 200, hang: true } : { status: 200 }));
    const party = pushParty('aanbieder:22222222', r.url, { timeoutMs: 100 });
    const store = openStore();
    await store.save([queued('t1', party.id, now())]);
    pusher(store, [party]).start();

    await eventually(() => expect(store.detail('t1')?.status).toBe('delivered'));
    expect(store.detail('t1')?.deliveries[0]?.attemptLog.map((a) => a.error)).toEqual(['timeout after 100 ms (TimeoutError)', null]);
  });

  it('keeps a single connection usable after large answers', async () => {
    // One connection only: a body left unread would block every later request until its timeout.
    const big = Buffer.alloc(1024 * 1024, 0x61);
    const r = await recipient((_req, n) => ({ status: n === 1 ? 503 : 200, body: big }));
    const party = pushParty('aanbieder:33333333', r.url, { timeoutMs: 2_000 });
    const store = openStore();
    await store.save([1, 2, 3, 4].map((i) => queued(`l${i}`, party.id, now())));
    const agent = new Agent({ connections: 1 });
    cleanups.push(() => agent.close());
    pusher(store, [party], { dispatcher: agent }).start();

    await eventually(() => expect(store.detail('l4')?.status).toBe('delivered'));
    expect(store.detail('l1')?.deliveries[0]?.attemptLog.map((a) => a.statusCode)).toEqual([503, 200]);
    expect(store.detail('l1')?.deliveries[0]?.attemptLog[0]?.error).toBe(`HTTP 503: ${'a'.repeat(200)}`);
    expect(r.received.map((x) => x.berichtId)).toEqual(['l1', 'l1', 'l2', 'l3', 'l4']);
  });

  it('resumes a pending retry after a restart', async () => {
    const r = await recipient((_req, n) => ({ status: n === 1 ? 500 : 200 }));
    const party = pushParty('gemeente:0228', r.url);
    const t0 = Date.parse('2025-03-01T12:00:00.000Z');
    let clock = t0;
    const path = tmpStorePath();
    // Minutes of backoff, on a clock the test turns by hand.
    const slow = { clock: () => new Date(clock), backoff: { baseMs: 60_000, maxMs: 3_600_000, random: () => 0.5 } };

    const first = openStore(path);
    await first.save([queued('r1', party.id, new Date(t0).toISOString()), queued('r2', party.id, new Date(t0).toISOString())]);
    const p1 = pusher(first, [party], slow);
    p1.start();
    await eventually(() => expect(first.detail('r1')?.deliveries[0]?.attempts).toBe(1));
    await p1.stop();
    first.close();
    expect(r.received).toHaveLength(1);

    const second = openStore(path);
    expect(second.detail('r1')?.deliveries[0]).toMatchObject({ state: 'pending', nextAttemptAt: '2025-03-01T12:00:30.000Z', lastError: 'HTTP 500' });
    clock = t0 + 10_000;
    const p2 = pusher(second, [party], slow);
    p2.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Still backing off, and r2 must not overtake r1.
    expect(r.received).toHaveLength(1);

    clock = t0 + 31_000;
    p2.wake();
    await eventually(() => expect(second.detail('r2')?.status).toBe('delivered'));
    expect(second.detail('r1')?.deliveries[0]?.attemptLog.map((a) => [a.at, a.statusCode])).toEqual([
      ['2025-03-01T12:00:00.000Z', 500],
      ['2025-03-01T12:00:31.000Z', 200],
    ]);
    expect(r.received.map((x) => x.berichtId)).toEqual(['r1', 'r1', 'r2']);
    expect(r.received[0]?.idempotencyKey).toBe(r.received[1]?.idempotencyKey);
  });

  it('stops gracefully: the request in flight finishes and is recorded, nothing new starts', async () => {
    const r = await recipient(() => ({ status: 200, delayMs: 300 }));
    const party = pushParty('aanbieder:44444444', r.url);
    const path = tmpStorePath();
    const store = openStore(path);
    await store.save([queued('s1', party.id, now()), queued('s2', party.id, now())]);
    // Injected, so the Pusher does not close it: stop() alone must wait for the request.
    const agent = new Agent();
    cleanups.push(() => agent.close());
    const p = pusher(store, [party], { dispatcher: agent });
    p.start();
    await eventually(() => expect(r.received).toHaveLength(1));

    await p.stop();
    const stoppedAt = performance.now();
    expect(stoppedAt).toBeGreaterThanOrEqual(r.answeredAt.get('s1') ?? Infinity);
    expect(store.detail('s1')?.status).toBe('delivered');
    p.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.received.map((x) => x.berichtId)).toEqual(['s1']);
    store.close();

    // Nothing lost: the next process picks up s2.
    const again = openStore(path);
    expect(again.detail('s2')?.deliveries[0]).toMatchObject({ state: 'pending', attempts: 0 });
    pusher(again, [party]).start();
    await eventually(() => expect(again.detail('s2')?.status).toBe('delivered'));
  });
});
