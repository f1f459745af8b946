/**
 * A real gateway for end-to-end tests: `startGateway` on 127.0.0.1 port 0, a SQLite file in a
 * temporary data directory, and (optionally) an edited copy of the sample mappings.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { afterAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger, startGateway, type Gateway } from '../../src/main.js';
import { DEMO_API_KEYS } from '../../src/mappings/demo-keys.js';
import { defaultMappingsDir } from '../../src/mappings/load.js';

/** Demo API keys by party id, as published in mappings/README.md. */
export const KEY = {
  ede: DEMO_API_KEYS['gemeente:0228']!,
  veenendaal: DEMO_API_KEYS['gemeente:0345']!,
  jgv: DEMO_API_KEYS['aanbieder:98041733']!,
  kompas: DEMO_API_KEYS['aanbieder:98062519']!,
  factuurbureau: DEMO_API_KEYS['factuurbureau:food-valley']!,
  brug: DEMO_API_KEYS['intermediair:berichtenbrug']!,
  beheer: DEMO_API_KEYS['ketenbureau:beheer']!,
} as const;

const created: string[] = [];
// Registered on the importing file's root suite, so it runs after the file's own hooks closed everything.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the system's temp dir, removed when the test file is done. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ijw-${prefix}-`));
  created.push(dir);
  return dir;
}

type PartyJson = Record<string, unknown> & { id: string };

/** A copy of the sample mappings in a temp dir; `edit` may change the parties in place. */
export function mappingsCopy(edit: (parties: PartyJson[]) => void = () => {}): string {
  const dir = tempDir('mappings');
  cpSync(defaultMappingsDir(), dir, { recursive: true });
  const file = join(dir, 'parties.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { parties: PartyJson[] };
  edit(json.parties);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

export function party(parties: PartyJson[], id: string): PartyJson {
  const p = parties.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no party ${id} in the sample mappings`);
  return p;
}

export interface TestGateway {
  readonly gateway: Gateway;
  readonly url: string;
  readonly dataDir: string;
  readonly mappingsDir: string;
  post(key: string | null, body: Uint8Array | string, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, key: string | null, headers?: Record<string, string>): Promise<Reply>;
  send(method: string, path: string, key: string | null, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
  readonly text: string;
  /** The body parsed as JSON (throws if it is not). */
  json<T = any>(): T;
}

export interface StartOptions {
  /** Extra IJW_* settings; the defaults are port 0, no worker threads, a fast push poll. */
  readonly env?: Record<string, string>;
  readonly dataDir?: string;
  readonly mappingsDir?: string;
  readonly log?: Logger;
  readonly clock?: () => Date;
}

async function call(url: string, init: RequestInit): Promise<Reply> {
  const res = await fetch(url, init);
  // Always read the body to its end, so keep-alive connections are free again.
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: res.status, headers: res.headers, bytes, text, json: () => JSON.parse(text) };
}

function auth(key: string | null): Record<string, string> {
  return key === null ? {} : { 'x-api-key': key };
}

export async function startTestGateway(options: StartOptions = {}): Promise<TestGateway> {
  const dataDir = options.dataDir ?? tempDir('data');
  const mappingsDir = options.mappingsDir ?? defaultMappingsDir();
  const config = loadConfig({
    IJW_PORT: '0',
    IJW_HOST: '127.0.0.1',
    IJW_DATA_DIR: dataDir,
    IJW_MAPPINGS_DIR: mappingsDir,
    IJW_WORKERS: '0',
    IJW_LOG_LEVEL: 'silent',
    IJW_PUSH_POLL_MS: '50',
    ...options.env,
  });
  const gateway = await startGateway(config, {
    log: options.log ?? createLogger('silent'),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const url = gateway.url;
  return {
    gateway,
    url,
    dataDir,
    mappingsDir,
    post: (key, body, headers = {}) =>
      call(`${url}/berichten`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', ...auth(key), ...headers },
        body: typeof body === 'string' ? body : Buffer.from(body),
      }),
    get: (path, key, headers = {}) => call(`${url}${path}`, { headers: { ...auth(key), ...headers } }),
    send: (method, path, key, headers = {}) => call(`${url}${path}`, { method, headers: { ...auth(key), ...headers } }),
    close: () => gateway.close(),
  };
}

export interface ReceivedPush {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A recipient's endpoint on loopback; `answer` decides the status of each push (default 200). */
export async function recipientServer(answer: (n: number) => { status: number; body?: string } = () => ({ status: 200 })): Promise<{
  readonly url: string;
  readonly received: ReceivedPush[];
  close(): Promise<void>;
}> {
  const received: ReceivedPush[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const a = answer(received.length);
      res.writeHead(a.status, { 'content-type': 'text/plain' }).end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ijw/berichten`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Retries `check` until it stops throwing (or the time is up, then its last error is thrown). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
