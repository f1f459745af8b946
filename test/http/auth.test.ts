/**
 * Authentication: API keys (stored only as hashes) and, as an option, mutual TLS where the client
 * certificate's fingerprint names the party. Certificates are made with openssl for each run.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, visibleParties } from '../../src/http/auth.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import { fixture } from '../support/fixtures.js';
import { KEY, mappingsCopy, party, startTestGateway, tempDir, type TestGateway } from '../support/gateway.js';

describe('API keys', () => {
  const directory = loadMappings(defaultMappingsDir());
  const req = (headers: Record<string, string>) => ({ headers, raw: { socket: {} } }) as Parameters<typeof authenticate>[0];

  it('finds the party by X-API-Key or Authorization: Bearer; the mappings hold only hashes', () => {
    expect(authenticate(req({ 'x-api-key': KEY.ede }), directory).id).toBe('gemeente:0228');
    expect(authenticate(req({ authorization: `Bearer ${KEY.jgv}` }), directory).id).toBe('aanbieder:98041733');
    expect(readFileSync(join(defaultMappingsDir(), 'parties.json'), 'utf8')).not.toContain(KEY.ede);
  });

  it('refuses a missing or unknown key with IJW_ERR_UNAUTHENTICATED (401)', () => {
    for (const headers of [{}, { 'x-api-key': 'nope' }, { authorization: 'Basic abc' }, { authorization: `Bearer ${KEY.ede}x` }]) {
      expect(() => authenticate(req(headers), directory)).toThrow(expect.objectContaining({ code: 'IJW_ERR_UNAUTHENTICATED', statusCode: 401 }));
    }
  });

  it('lets a party see its own messages and those of the parties it acts for; an operator everything', () => {
    expect(visibleParties(directory.partyById('gemeente:0228')!)).toEqual(['gemeente:0228']);
    expect(visibleParties(directory.partyById('intermediair:berichtenbrug')!)).toEqual([
      'intermediair:berichtenbrug',
      'aanbieder:98062519',
      'aanbieder:98085402',
    ]);
    expect(visibleParties(directory.partyById('ketenbureau:beheer')!)).toBeUndefined();
  });
});

describe('mutual TLS', () => {
  let gw: TestGateway;
  let dir: string;
  const pem = (name: string) => readFileSync(join(dir, name));

  function openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  }

  /** A key and a certificate signed by `ca` (or self-signed when ca is null). */
  function certificate(name: string, cn: string, ca: string | null, ext: string): void {
    writeFileSync(join(dir, `${name}.ext`), ext);
    const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`];
    if (ca === null) {
      openssl('req', '-x509', ...key, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${cn}`, '-addext', ext);
      return;
    }
    openssl('req', ...key, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  }

  function client(name: string | null): Agent {
    return new Agent({
      connect: { ca: pem('ca.pem'), ...(name === null ? {} : { cert: pem(`${name}.pem`), key: pem(`${name}.key`) }) },
    });
  }

  async function call(agent: Agent, method: 'GET' | 'POST', path: string, body?: Buffer, headers: Record<string, string> = {}) {
    const res = await request(`${gw.url}${path}`, {
      dispatcher: agent,
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/xml', ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.body.text();
    return { status: res.statusCode, json: () => JSON.parse(text) };
  }

  beforeAll(async () => {
    dir = tempDir('tls');
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=ijw test CA');
    certificate('server', '127.0.0.1', 'ca', 'subjectAltName=IP:127.0.0.1\n');
    certificate('jgv', 'Jeugdhulp Gelderse Vallei', 'ca', 'extendedKeyUsage=clientAuth\n');
    certificate('rogue', 'Jeugdhulp Gelderse Vallei', null, 'extendedKeyUsage=clientAuth');
    const fingerprint = (name: string) => new X509Certificate(pem(`${name}.pem`)).fingerprint256.replace(/:/g, '').toLowerCase();
    const mappingsDir = mappingsCopy((parties) => {
      party(parties, 'aanbieder:98041733').certificateSha256 = [fingerprint('jgv')];
      // The self-signed copy is listed too: only a certificate the CA vouches for may count.
      party(parties, 'aanbieder:98062519').certificateSha256 = [fingerprint('rogue')];
    });
    gw = await startTestGateway({
      mappingsDir,
      env: { IJW_TLS_CERT: join(dir, 'server.pem'), IJW_TLS_KEY: join(dir, 'server.key'), IJW_TLS_CA: join(dir, 'ca.pem') },
    });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('listens on https', () => {
    expect(gw.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('maps a client certificate signed by the CA to its party', async () => {
    const agent = client('jgv');
    try {
      const sent = await call(agent, 'POST', '/berichten', fixture('jw315/valid-two-products-huisarts-referral.xml'));
      expect(sent.status).toBe(202);
      expect(sent.json()).toMatchObject({ outcome: 'accepted', ontvanger: 'gemeente:0228' });
      const detail = await call(agent, 'GET', `/berichten/${sent.json().id}`);
      expect(detail.json()).toMatchObject({ senderId: 'aanbieder:98041733' });
      // The certificate is the party's identity: it cannot send for another Afzender.
      const other = await call(agent, 'POST', '/berichten', fixture('jw315/valid-unknown-birthday-veenendaal.xml'));
      expect(other.status).toBe(403);
    } finally {
      await agent.close();
    }
  });

  it('refuses a certificate the CA did not sign, even with a listed fingerprint, and a connection without one', async () => {
    for (const name of ['rogue', null]) {
      const agent = client(name);
      try {
        const r = await call(agent, 'GET', '/mailbox');
        expect(r.status, String(name)).toBe(401);
      } finally {
        await agent.close();
      }
    }
  });

  it('still takes API keys over TLS', async () => {
    const agent = client(null);
    try {
      const r = await call(agent, 'GET', '/mailbox', undefined, { 'x-api-key': KEY.ede });
      expect(r.status).toBe(200);
      expect(r.json().berichten).toHaveLength(1);
    } finally {
      await agent.close();
    }
  });
});
