import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/mappings/directory.js';
import { defaultMappingsDir, loadMappings } from '../../src/mappings/load.js';
import { GEMEENTEN_FILE, PARTIES_FILE, REGIOS_FILE } from '../../src/mappings/schema.js';

const dir = loadMappings(defaultMappingsDir());

describe('loadMappings on the shipped samples', () => {
  it('gives every one of the 342 gemeenten a party in its jeugdregio', () => {
    const gemeenten = dir.parties.filter((p) => p.kind === 'gemeente');
    expect(gemeenten).toHaveLength(342);
    for (const g of gemeenten) {
      expect(g.id).toBe(`gemeente:${g.code}`);
      expect(g.regio).toBeDefined();
      expect(dir.gemeente(g.code ?? '')).toBe(g);
    }
    expect(dir.regios).toHaveLength(42);
  });

  it('applies configured settings to a gemeente and takes its name from the CBS list', () => {
    const ede = dir.gemeente('0228');
    expect(ede).toMatchObject({ id: 'gemeente:0228', name: 'Ede', regio: 'Food Valley', delivery: { mode: 'mailbox' } });
    expect(ede?.apiKeySha256).toEqual([hashApiKey('demo-ede-0228-not-secret')]);
  });

  it('gives an unconfigured gemeente mailbox delivery and no keys', () => {
    expect(dir.gemeente('0267')).toEqual({
      id: 'gemeente:0267',
      kind: 'gemeente',
      code: '0267',
      name: 'Nijkerk',
      regio: 'Food Valley',
      delivery: { mode: 'mailbox' },
      forwardRejected: false,
      actsFor: [],
      apiKeySha256: [],
      certificateSha256: [],
      operator: false,
    });
    expect(dir.gemeente('0999')).toBeUndefined();
  });

  it('gives a configured aanbieder its settings, push included', () => {
    expect(dir.aanbieder('98041733')).toMatchObject({ id: 'aanbieder:98041733', name: 'Jeugdhulp Gelderse Vallei' });
    expect(dir.aanbieder('98073318')).toMatchObject({
      delivery: { mode: 'push', url: 'https://ijw.sleutelbos.example/berichten', timeoutMs: 10_000, maxAttempts: 6 },
      forwardRejected: true,
    });
    expect(dir.aanbieder('98041733')).toBe(dir.partyById('aanbieder:98041733'));
  });

  it('gives an unknown aanbieder a cached mailbox-only party, also by id', () => {
    const unknown = dir.aanbieder('12345678');
    expect(unknown).toMatchObject({ id: 'aanbieder:12345678', kind: 'aanbieder', code: '12345678', delivery: { mode: 'mailbox' } });
    expect(unknown.apiKeySha256).toEqual([]);
    expect(dir.aanbieder('12345678')).toBe(unknown);
    expect(dir.partyById('aanbieder:12345678')).toBe(unknown);
    expect(dir.parties).not.toContain(unknown);
    expect(dir.partyById('aanbieder:123')).toBeUndefined();
    expect(dir.partyById('nobody')).toBeUndefined();
  });

  it('links the factuurbureau to its regio, and leaves Holland-Rijnland without one', () => {
    expect(dir.partyById('factuurbureau:food-valley')).toMatchObject({ kind: 'factuurbureau', regio: 'Food Valley' });
    expect(dir.regioOf('0345')?.factuurbureau).toEqual({ partyId: 'factuurbureau:food-valley', types: ['JW323'] });
    expect(dir.regioOf('0546')).toMatchObject({ name: 'Holland-Rijnland' });
    expect(dir.regioOf('0546')?.factuurbureau).toBeUndefined();
    expect(dir.regioOf('0999')).toBeUndefined();
  });

  it('has an intermediary acting for aanbieders and an operator', () => {
    expect(dir.partyById('intermediair:berichtenbrug')?.actsFor).toEqual(['aanbieder:98062519', 'aanbieder:98085402']);
    expect(dir.parties.filter((p) => p.operator).map((p) => p.id)).toEqual(['ketenbureau:beheer']);
  });

  it('finds a party by API key and by nothing else', () => {
    expect(dir.byApiKey('demo-ede-0228-not-secret')?.id).toBe('gemeente:0228');
    expect(dir.byApiKey('demo-berichtenbrug-not-secret')?.id).toBe('intermediair:berichtenbrug');
    expect(dir.byApiKey('demo-ede-0228-not-secret ')).toBeUndefined();
    expect(dir.byApiKey(hashApiKey('demo-ede-0228-not-secret'))).toBeUndefined();
    expect(dir.byApiKey('')).toBeUndefined();
  });

  it('returns frozen data', () => {
    const ede = dir.gemeente('0228');
    expect(Object.isFrozen(ede)).toBe(true);
    expect(Object.isFrozen(ede?.apiKeySha256)).toBe(true);
    expect(Object.isFrozen(dir.parties)).toBe(true);
  });
});

describe('loadMappings with client certificates', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ijw-mappings-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const fingerprint = 'ab'.repeat(32);

  it('finds a party by certificate fingerprint, hex or colon-separated upper case', () => {
    const samples = defaultMappingsDir();
    for (const f of [GEMEENTEN_FILE, REGIOS_FILE]) writeFileSync(join(tmp, f), readFileSync(join(samples, f)));
    const parties = JSON.parse(readFileSync(join(samples, PARTIES_FILE), 'utf8')) as { parties: { certificateSha256: string[] }[] };
    parties.parties[0]?.certificateSha256.push(fingerprint);
    writeFileSync(join(tmp, PARTIES_FILE), JSON.stringify(parties));

    const withCert = loadMappings(tmp);
    expect(withCert.byCertificate(fingerprint)?.id).toBe('gemeente:0228');
    expect(withCert.byCertificate(Array(32).fill('AB').join(':'))?.id).toBe('gemeente:0228');
    expect(withCert.byCertificate('cd'.repeat(32))).toBeUndefined();
  });
});
