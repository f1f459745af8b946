/**
 * The gateway's life: a restart on the same data directory keeps everything, a shutdown finishes
 * what is in flight, the retention job prunes only finished messages, and a failed start releases
 * what it opened.
 */
import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { eventually, KEY, mappingsCopy, party, recipientServer, startTestGateway, tempDir, type TestGateway } from '../support/gateway.js';
import { sendVotFor } from '../support/requests.js';

const open: TestGateway[] = [];
afterEach(async () => {
  for (const gw of open.splice(0)) await gw.close();
});

async function start(...args: Parameters<typeof startTestGateway>): Promise<TestGateway> {
  const gw = await startTestGateway(...args);
  open.push(gw);
  return gw;
}

function committed(dataDir: string, id: string): { status: string } | undefined {
  const db = new Database(join(dataDir, 'ijw-gateway.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT status FROM berichten WHERE id = ?').get(id) as { status: string } | undefined;
  } finally {
    db.close();
  }
}

describe('restart', () => {
  it('keeps messages, pending mailbox items and the idempotency record across a restart', async () => {
    const dataDir = tempDir('restart');
    const first = await start({ dataDir });
    await sendVotFor(first, 'jw301/valid-specific-hours-per-week-after-vot.xml', { handled: true }); // the request it honours (TR379)
    const bytes = fixture('jw301/valid-specific-hours-per-week-after-vot.xml');
    const sent = await first.post(KEY.ede, bytes);
    const rejected = (await first.post(KEY.ede, fixture('jw301/cd005-landcode-without-postcode.xml'))).json();
    await first.close();
    await first.close(); // closing twice is harmless

    const second = await start({ dataDir });
    expect(second.url).not.toBe('');
    const jgv = (await second.get('/mailbox', KEY.jgv)).json().berichten;
    expect(jgv.map((b: { bericht: string }) => b.bericht)).toEqual([sent.json().id]);
    const ede = (await second.get('/mailbox', KEY.ede)).json().berichten;
    expect(ede.map((b: { bericht: string }) => b.bericht)).toEqual([rejected.antwoord.id]);
    const raw = await second.get(jgv[0].xml, KEY.jgv);
    expect(Buffer.compare(raw.bytes, bytes)).toBe(0);

    const again = await second.post(KEY.ede, bytes);
    expect(again.status).toBe(202);
    expect(again.json()).toEqual(sent.json());
    // The VOT, the toewijzing, and the rejected message's retour.
    expect((await second.get('/berichten', KEY.beheer)).json().berichten).toHaveLength(4);
  });
});

describe('graceful shutdown', () => {
  it('finishes a message whose upload is under way, commits it, and accepts no new connections', async () => {
    const gw = await start();
    await sendVotFor(gw, 'jw301/valid-specific-hours-per-week-after-vot.xml');
    const bytes = fixture('jw301/valid-specific-hours-per-week-after-vot.xml');
    const { hostname, port } = new URL(gw.url);
    let answer!: (r: { status: number; body: string }) => void;
    const answered = new Promise<{ status: number; body: string }>((resolve) => (answer = resolve));
    const req = httpRequest(
      { host: hostname, port, path: '/berichten', method: 'POST', headers: { 'content-type': 'application/xml', 'content-length': bytes.length, 'x-api-key': KEY.ede } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => answer({ status: res.statusCode ?? 0, body }));
      },
    );
    req.write(bytes.subarray(0, 1000));
    // Let the request line and headers arrive before the shutdown starts.
    await new Promise((resolve) => setTimeout(resolve, 100));

    let closed = false;
    const closing = gw.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${gw.url}/health`)).rejects.toThrow();
    expect(closed).toBe(false);
    const finished = performance.now();
    req.end(bytes.subarray(1000));
    const r = await answered;
    await closing;
    // The answer ends the keep-alive connection, so the shutdown does not wait for the client to let go.
    expect(performance.now() - finished).toBeLessThan(2_000);

    expect(r.status).toBe(202);
    const id = JSON.parse(r.body).id as string;
    expect(committed(gw.dataDir, id)).toEqual({ status: 'accepted' });
  });

  it('finishes a push under way and records its outcome before closing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: number[] = [];
    const server = createServer((req, res) => {
      req.resume();
      seen.push(Date.now());
      void held.then(() => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
    const mappingsDir = mappingsCopy((parties) => {
      party(parties, 'aanbieder:98041733').delivery = { mode: 'push', url, timeoutMs: 5_000, maxAttempts: 3, headers: {} };
    });
    try {
      const gw = await start({ mappingsDir });
      await sendVotFor(gw, 'jw301/valid-specific-hours-per-week-after-vot.xml');
      const sent = (await gw.post(KEY.ede, fixture('jw301/valid-specific-hours-per-week-after-vot.xml'))).json();
      await eventually(() => expect(seen).toHaveLength(1));
      const closing = gw.close();
      setTimeout(release, 200);
      await closing;
      expect(committed(gw.dataDir, sent.id)).toEqual({ status: 'delivered' });
    } finally {
      release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('retention', () => {
  it('prunes messages older than IJW_RETENTION_DAYS whose deliveries are finished, and keeps pending ones', async () => {
    // After the fixtures' Dagtekeningen (the last 2026-02-20): none lies in the gateway's future (TR135).
    const t0 = Date.parse('2026-02-23T12:00:00.000Z');
    let now = t0;
    const gw = await start({ clock: () => new Date(now), env: { IJW_RETENTION_DAYS: '30', IJW_PRUNE_SCHEDULE: '* * * * * *' } });
    // The requests the toewijzingen honour (TR379), each handled by Ede at once.
    await sendVotFor(gw, 'jw301/valid-specific-hours-per-week-after-vot.xml', { handled: true });
    await sendVotFor(gw, 'jw301/valid-aspecific-etmaal-euro-total.xml', { handled: true });
    const pending = (await gw.post(KEY.ede, fixture('jw301/valid-specific-hours-per-week-after-vot.xml'))).json();
    const rejected = (await gw.post(KEY.ede, fixture('jw301/cd005-landcode-without-postcode.xml'))).json();
    const done = (await gw.post(KEY.ede, fixture('jw301/valid-aspecific-etmaal-euro-total.xml'))).json();
    const invalid = (await gw.post(KEY.ede, fixture('jw301/xsd-missing-bsn.xml'))).json();
    const doneItem = (await gw.get('/mailbox', KEY.jgv)).json().berichten.find((b: { bericht: string }) => b.bericht === done.id);
    expect((await gw.send('POST', `/mailbox/${doneItem.id}/ack`, KEY.jgv)).status).toBe(204);

    now = t0 + 31 * 86_400_000;
    const recentVot = await sendVotFor(gw, 'jw301/valid-generic-budget-guardian-organisation.xml', { handled: true });
    const recent = (await gw.post(KEY.ede, fixture('jw301/valid-generic-budget-guardian-organisation.xml'))).json();
    const recentItem = (await gw.get('/mailbox', KEY.jgv)).json().berichten.find((b: { bericht: string }) => b.bericht === recent.id);
    await gw.send('POST', `/mailbox/${recentItem.id}/ack`, KEY.jgv);

    const ids = async () => (await gw.get('/berichten', KEY.beheer)).json().berichten.map((b: { id: string }) => b.id).sort();
    await eventually(async () => expect(await ids()).not.toContain(done.id), 5_000);
    // The first two VOTs were handled long ago and go; the last one is recent.
    expect(await ids()).toEqual([pending.id, rejected.antwoord.id, recent.id, recentVot].sort());
    expect(committed(gw.dataDir, rejected.id)).toBeUndefined();
    expect(committed(gw.dataDir, invalid.id)).toBeUndefined();
    // What waits in a mailbox stays, however old.
    expect((await gw.get('/mailbox', KEY.jgv)).json().berichten.map((b: { bericht: string }) => b.bericht)).toEqual([pending.id]);
    expect((await gw.get('/mailbox', KEY.ede)).json().berichten.map((b: { bericht: string }) => b.bericht)).toEqual([rejected.antwoord.id]);
  });
});

describe('a start that fails', () => {
  it('rejects when the port is taken, releases the data directory and can be tried again', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const dataDir = tempDir('busy');
    try {
      await expect(startTestGateway({ dataDir, env: { IJW_PORT: String(port) } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const gw = await start({ dataDir });
    expect((await gw.get('/health', null)).status).toBe(200);
  });
});
