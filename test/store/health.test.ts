import { describe, expect, it } from 'vitest';
import { HealthTracker, storageFailure } from '../../src/store/health.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('storageFailure', () => {
  it('blames the storage for the disk, the file, locks and a writer that is gone', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_FSYNC', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_CANTOPEN', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'EIO', 'ENOSPC', 'EROFS', 'ERR_STORE_WRITER_GONE', 'ERR_STORE_READER_GONE', 'ERR_STORE_LOCK_TIMEOUT']) {
      expect(storageFailure(coded(code)), code).toBe(code);
    }
  });

  it('does not blame it for what a write itself got wrong, nor for errors without a code', () => {
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_CHECK', 'SQLITE_ERROR', 'SQLITE_MISMATCH', 'ENOENT', 'SQLITE_FULLX', 'XSQLITE_FULL']) {
      expect(storageFailure(coded(code)), code).toBeUndefined();
    }
    expect(storageFailure(new Error('no code'))).toBeUndefined();
    expect(storageFailure(undefined)).toBeUndefined();
    expect(storageFailure('SQLITE_FULL')).toBeUndefined();
  });
});

describe('HealthTracker', () => {
  it('is unavailable from the first storage failure until a write succeeds, keeping when it began', () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const t = new HealthTracker(() => now);
    expect(t.health).toEqual({ ok: true });
    t.failed(coded('SQLITE_CONSTRAINT_UNIQUE'));
    expect(t.health).toEqual({ ok: true });
    t.failed(coded('SQLITE_FULL', 'database or disk is full'));
    now = new Date('2026-11-22T10:05:00Z');
    t.failed(coded('EIO', 'EIO: i/o error, fsync'));
    expect(t.health).toEqual({ ok: false, problem: 'writes fail with EIO: EIO: i/o error, fsync', since: '2026-11-22T10:00:00.000Z' });
    t.succeeded();
    expect(t.health).toEqual({ ok: true });
    t.failed(coded('SQLITE_BUSY', 'database is locked'));
    expect(t.health).toEqual({ ok: false, problem: 'writes fail with SQLITE_BUSY: database is locked', since: '2026-11-22T10:05:00.000Z' });
  });
});
