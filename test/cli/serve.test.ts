/**
 * `ijw-gateway serve` as a process: flags and environment variables, the listening address in the
 * log (port 0), a clean stop on SIGTERM/SIGINT with exit code 0, and clear failures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { runServe } from '../../src/cli/serve-command.js';
import { defaultMappingsDir } from '../../src/mappings/load.js';
import { fixture } from '../support/fixtures.js';
import { KEY, mappingsCopy, tempDir } from '../support/gateway.js';
import { repoRoot } from '../support/paths.js';

const bin = join(repoRoot, 'dist', 'cli', 'main.js');

interface Serve {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** The environment without any IJW_ setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IJW_')));
  return { ...env, IJW_WORKERS: '1', ...extra };
}

function serve(args: string[], env: Record<string, string> = {}, cwd = repoRoot): Serve {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const lines = out.split('\n');
    out = lines.pop()!;
    stdout.push(...lines);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

/** Waits for the "listening" log line and returns it. */
async function listening(s: Serve, timeoutMs = 15_000): Promise<{ address: string; dataDir: string; mappings: string; workers: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of s.stdout) {
      const entry = JSON.parse(line) as { msg: string; address: string; dataDir: string; mappings: string; workers: number };
      if (entry.msg === 'ijw-gateway listening') return entry;
    }
    if (s.child.exitCode !== null) throw new Error(`serve exited with ${s.child.exitCode}: ${s.stderr.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`serve did not start: ${s.stderr.join('')}`);
}

/** Sends the signal and waits for the exit: its code, and whatever went to stderr (nothing, normally). */
async function stop(s: Serve, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  s.child.kill(signal);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  const code = await Promise.race([s.exited, timeout]);
  if (code === 'timeout') throw new Error('serve did not stop within 10 s');
  return { code, stderr: s.stderr.join('') };
}

describe('ijw-gateway serve', () => {
  it('starts with --port 0, --data-dir and --mappings (flags win over the environment), serves, and stops on SIGTERM with exit code 0', async ({ expect }) => {
    const cwd = tempDir('serve-cwd');
    const dataDir = join(cwd, 'data');
    const mappings = mappingsCopy();
    const s = serve(['--port', '0', '--data-dir', dataDir, '--mappings', mappings], { IJW_PORT: '1', IJW_DATA_DIR: tempDir('serve-env') });
    const info = await listening(s);
    expect(info.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info).toMatchObject({ dataDir, mappings, workers: 1 });
    expect(s.stdout.some((l) => l.includes('demo API keys'))).toBe(true);

    expect((await fetch(`${info.address}/health`)).status).toBe(200);
    // The VOT the toewijzing honours goes first (TR379); it waits for Ede.
    const vot = await fetch(`${info.address}/berichten`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-api-key': KEY.jgv },
      body: fixture('jw315/valid-two-products-huisarts-referral.xml'),
    });
    expect(((await vot.json()) as { outcome: string }).outcome).toBe('accepted');
    const posted = await fetch(`${info.address}/berichten`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-api-key': KEY.ede },
      body: fixture('jw301/valid-specific-hours-per-week-after-vot.xml'),
    });
    expect(posted.status).toBe(202);
    await posted.arrayBuffer();

    expect(await stop(s, 'SIGTERM')).toEqual({ code: 0, stderr: '' });
    expect(s.stdout.some((l) => l.includes('"msg":"ijw-gateway stopped"'))).toBe(true);
    expect(existsSync(join(dataDir, 'ijw-gateway.sqlite'))).toBe(true);

    // Without flags (the port from IJW_PORT): ./data under the working directory and the sample
    // mappings, which is where the message went, so it is still waiting.
    const again = serve([], { IJW_PORT: '0' }, cwd);
    const info2 = await listening(again);
    expect(info2).toMatchObject({ dataDir, mappings: defaultMappingsDir() });
    const mailbox = await fetch(`${info2.address}/mailbox`, { headers: { 'x-api-key': KEY.jgv } });
    expect(((await mailbox.json()) as { berichten: unknown[] }).berichten).toHaveLength(1);
    expect(await stop(again, 'SIGINT')).toEqual({ code: 0, stderr: '' });
  });

  it('keeps every message it answered 202 when killed outright, with two ingest threads committing side by side', async ({ expect }) => {
    const dataDir = tempDir('serve-kill');
    const s = serve(['--port', '0', '--data-dir', dataDir], { IJW_WORKERS: '2' });
    const info = await listening(s);
    const base = fixture('jw301/valid-veenendaal-initial-two-products.xml').toString();
    // Distinct messages: their own Identificatie and ToewijzingNummers.
    const variant = (i: number) =>
      base
        .replace(/<ijw:Identificatie>[^<]*</, `<ijw:Identificatie>VND-KILL-${i}<`)
        .replace(/<jw301:ToewijzingNummer>(\d+)</g, (_, n: string) => `<jw301:ToewijzingNummer>${Number(n) + (i + 1) * 1000}<`);
    const answered: string[] = [];
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await fetch(`${info.address}/berichten`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', 'x-api-key': KEY.veenendaal },
          body: variant(i),
        });
        const body = (await res.json()) as { id: string; outcome: string };
        if (res.status === 202 && body.outcome === 'accepted') answered.push(body.id);
      }),
    );
    s.child.kill('SIGKILL');
    await s.exited;
    expect(answered).toHaveLength(200);
    // No close and no checkpoint: what was answered is in the WAL, with its delivery.
    const db = new Database(join(dataDir, 'ijw-gateway.sqlite'), { readonly: true });
    try {
      const stored = db
        .prepare("SELECT b.id FROM berichten b JOIN deliveries d ON d.bericht_id = b.id WHERE b.status = 'accepted' AND d.state = 'pending'")
        .all() as { id: string }[];
      expect(new Set(stored.map((r) => r.id))).toEqual(new Set(answered));
    } finally {
      db.close();
    }
  });

  it('exits 1 promptly when the port is taken, instead of hanging', async ({ expect }) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const s = serve(['--port', String(port), '--data-dir', tempDir('serve-busy')]);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
      expect(await Promise.race([s.exited, timeout])).toBe(1);
      expect(s.stderr.join('')).toMatch(/kon niet starten \(EADDRINUSE\)/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

});

describe('runServe', () => {
  function captured() {
    const err: string[] = [];
    return { err, io: { out: () => {}, err: (l: string) => err.push(l), isTTY: false } };
  }

  it('returns 2 with every configuration problem listed, each with its variable', async ({ expect }) => {
    const saved = { ...process.env };
    process.env.IJW_XSD_VERSIES = '1.0';
    process.env.IJW_MAX_BYTES = 'lots';
    try {
      const c = captured();
      expect(await runServe({ port: 0 }, c.io)).toBe(2);
      const err = c.err.join('\n');
      expect(err).toContain('Invalid configuration:');
      expect(err).toContain('xsdVersies (IJW_XSD_VERSIES)');
      expect(err).toContain('maxBytes (IJW_MAX_BYTES)');
    } finally {
      process.env = saved;
    }
  });

  it('returns 1 with the mapping problems when the mappings are invalid', async ({ expect }) => {
    const c = captured();
    expect(await runServe({ port: 0, dataDir: tempDir('serve-bad'), mappings: tempDir('serve-empty-mappings') }, c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/kon niet starten \(IJW_ERR_MAPPINGS\)[\s\S]*\n  parties\.json: \$: cannot read: file not found/);
  });
});
