/**
 * The store syncs the WAL itself after each group commit, outside the write lock, and settles a
 * write only after that sync: a 2xx still means "on disk", while another ingest thread can commit
 * during the sync. fsyncSync is wrapped so that the test sees when, and on what, it is called.
 */
import { fstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore, type WriteLock } from '../../src/store/sqlite.js';
import { bericht } from '../support/bericht.js';
import { tempDir } from '../support/gateway.js';

const hook = vi.hoisted(() => ({ onSync: undefined as ((fd: number) => void) | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fsyncSync = (fd: number): void => {
    hook.onSync?.(fd);
    fs.fsyncSync(fd);
  };
  return { ...fs, default: { ...fs, fsyncSync }, fsyncSync };
});

const stores: SqliteStore[] = [];
afterEach(() => {
  hook.onSync = undefined;
  for (const s of stores.splice(0)) s.close();
});

function rows(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT id FROM berichten ORDER BY id').all();
  } finally {
    db.close();
  }
}

describe('SqliteStore syncing its WAL', () => {
  it('commits, releases the write lock, syncs the WAL, and only then settles the write', async () => {
    const path = join(tempDir('walsync'), 'ijw.sqlite');
    const events: string[] = [];
    const lock: WriteLock = { acquire: () => events.push('acquire'), release: () => events.push('release') };
    const store = new SqliteStore({ path, writeLock: lock });
    stores.push(store);
    let settled = false;
    const seen: { ino: number; walIno: number; rows: unknown[]; settled: boolean }[] = [];
    hook.onSync = (fd) => {
      events.push('sync');
      seen.push({ ino: fstatSync(fd).ino, walIno: statSync(`${path}-wal`).ino, rows: rows(path), settled });
    };
    await store.save([bericht('b1')]).then(() => {
      settled = true;
      events.push('settled');
    });
    expect(events).toEqual(['acquire', 'release', 'sync', 'settled']);
    // The sync is of the WAL file, and the commit it makes durable is already in it.
    expect(seen).toEqual([{ ino: seen[0]!.walIno, walIno: seen[0]!.walIno, rows: [{ id: 'b1' }], settled: false }]);
  });

  it('does not acknowledge a write whose sync failed, and takes the next one as usual', async () => {
    const path = join(tempDir('walsync'), 'ijw.sqlite');
    const store = new SqliteStore({ path });
    stores.push(store);
    hook.onSync = () => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    };
    expect(store.health()).toEqual({ ok: true });
    await expect(store.save([bericht('b1')])).rejects.toMatchObject({ code: 'EIO' });
    // Until a write is on disk again the store says it cannot take writes (/health answers 503).
    expect(store.health()).toMatchObject({ ok: false, problem: 'writes fail with EIO: EIO: i/o error, fsync' });
    hook.onSync = undefined;
    await store.save([bericht('b2')]);
    expect(store.health()).toEqual({ ok: true });
    // b1 was committed (its resend is answered from the store), but it was never acknowledged.
    expect(rows(path)).toEqual([{ id: 'b1' }, { id: 'b2' }]);
  });

  it('has no file to sync for a database in memory, and settles writes all the same', async () => {
    const syncs: number[] = [];
    hook.onSync = (fd) => syncs.push(fd);
    const store = new SqliteStore({ path: ':memory:' });
    stores.push(store);
    await store.save([bericht('b1')]);
    expect(store.detail('b1')?.id).toBe('b1');
    expect(syncs).toEqual([]);
  });
});
