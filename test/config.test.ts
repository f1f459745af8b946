import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, loadConfig } from '../src/config.js';
import { defaultMappingsDir } from '../src/mappings/load.js';

describe('loadConfig', () => {
  it('defaults to port 8080 on 127.0.0.1, ./data under the working directory and the sample mappings', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      mappingsDir: defaultMappingsDir(),
      logLevel: 'info',
      maxBytes: 25 * 1024 * 1024,
      retentionDays: 400,
      pruneSchedule: '17 3 * * *',
      xsdVersies: ['0.1.0', '1.0.0'],
      qualityThreshold: 5,
    });
    expect(c.workers).toBeGreaterThanOrEqual(1);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every setting from its IJW_ environment variable', () => {
    const c = loadConfig({
      IJW_PORT: '9090',
      IJW_HOST: '0.0.0.0',
      IJW_DATA_DIR: '/var/lib/ijw',
      IJW_MAPPINGS_DIR: 'etc/mappings',
      IJW_LOG_LEVEL: 'warn',
      IJW_MAX_BYTES: '1000',
      IJW_WORKERS: '0',
      IJW_RETENTION_DAYS: '30',
      IJW_PRUNE_SCHEDULE: '0 4 * * 0',
      IJW_XSD_VERSIES: ' 1.0.0 , 1.1.0 ',
      IJW_PUSH_POLL_MS: '250',
      IJW_PUSH_CONCURRENCY: '4',
      IJW_QUALITY_THRESHOLD: '10',
    });
    expect(c).toMatchObject({
      port: 9090,
      host: '0.0.0.0',
      dataDir: '/var/lib/ijw',
      mappingsDir: resolve('etc/mappings'),
      logLevel: 'warn',
      maxBytes: 1000,
      workers: 0,
      retentionDays: 30,
      pruneSchedule: '0 4 * * 0',
      xsdVersies: ['1.0.0', '1.1.0'],
      pushPollMs: 250,
      pushConcurrency: 4,
      qualityThreshold: 10,
    });
    expect(Object.values(ENV).every((name) => name.startsWith('IJW_'))).toBe(true);
  });

  it('lets flags win over the environment, and ignores empty variables', () => {
    const c = loadConfig({ IJW_PORT: '9090', IJW_DATA_DIR: '/env', IJW_MAPPINGS_DIR: '' }, { port: 0, dataDir: '/flag' });
    expect(c).toMatchObject({ port: 0, dataDir: '/flag', mappingsDir: defaultMappingsDir() });
  });

  it('reports every problem at once, each with its environment variable', () => {
    let message = '';
    try {
      loadConfig({ IJW_PORT: '80808', IJW_XSD_VERSIES: '1.0, 1.0.0', IJW_LOG_LEVEL: 'loud', IJW_PRUNE_SCHEDULE: 'every night', IJW_TLS_CERT: '/etc/cert.pem' });
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'IJW_ERR_CONFIG' });
      message = (err as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(message).toMatch(/port \(IJW_PORT\): .*65535/);
    expect(message).toMatch(/xsdVersies \(IJW_XSD_VERSIES\): expected versions like 1\.0\.0/);
    expect(message).toMatch(/logLevel \(IJW_LOG_LEVEL\): /);
    expect(message).toMatch(/pruneSchedule \(IJW_PRUNE_SCHEDULE\): expected a cron expression/);
    expect(message).toMatch(/tlsCert and tlsKey go together/);
    expect(lines).toHaveLength(6);
  });

  it('refuses a port that is not a number and a negative limit', () => {
    expect(() => loadConfig({ IJW_PORT: 'http' })).toThrow(/port \(IJW_PORT\)/);
    expect(() => loadConfig({ IJW_MAX_BYTES: '-1' })).toThrow(/maxBytes \(IJW_MAX_BYTES\)/);
    expect(() => loadConfig({ IJW_XSD_VERSIES: ' , ' })).toThrow(/xsdVersies \(IJW_XSD_VERSIES\)/);
  });

  it('needs a certificate and key for mutual TLS', () => {
    expect(() => loadConfig({ IJW_TLS_CA: '/etc/ca.pem' })).toThrow(/tlsCa \(IJW_TLS_CA\).*needs TLS/);
    expect(loadConfig({ IJW_TLS_CERT: '/c.pem', IJW_TLS_KEY: '/k.pem', IJW_TLS_CA: '/ca.pem' })).toMatchObject({ tlsCert: '/c.pem', tlsKey: '/k.pem', tlsCa: '/ca.pem' });
  });
});
