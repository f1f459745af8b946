/**
 * `ijw-gateway backup <file>`: a consistent copy of the gateway's database while it runs. Copying
 * the file itself is not one: in WAL mode the latest commits live in the -wal file, and a copy
 * taken during a commit can be torn. SQLite's VACUUM INTO writes the state of one read transaction
 * to a new file (readers do not hold up the gateway's writers); the copy is then synced, so that a
 * backup reported done survives a crash too. Restoring is copying it back with the gateway stopped.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { GatewayError } from '../errors.js';
import { DATABASE_FILE } from '../main.js';
import { syncPath } from '../store/sqlite.js';
import type { Output } from './validate-command.js';

export interface BackupFlags {
  readonly dataDir?: string;
}

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** Returns the exit code: 0 written, 1 the backup failed, 2 usage error (no database, target exists). */
export function runBackup(target: string, flags: BackupFlags, io: Output): number {
  let dataDir: string;
  try {
    dataDir = loadConfig(process.env, flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }).dataDir;
  } catch (err) {
    if (err instanceof GatewayError) {
      io.err(err.message);
      return EXIT_USAGE;
    }
    throw err;
  }
  const source = join(dataDir, DATABASE_FILE);
  const to = resolve(target);
  if (!existsSync(source)) {
    io.err(`Geen database gevonden: ${source} bestaat niet (no database at ${source}; pass the --data-dir the gateway uses).`);
    return EXIT_USAGE;
  }
  if (existsSync(to)) {
    io.err(`Het doelbestand bestaat al: ${to} (the backup never overwrites a file; choose a new name).`);
    return EXIT_USAGE;
  }
  const started = performance.now();
  const db = new Database(source, { fileMustExist: true });
  try {
    // As the gateway's own connections: wait for a writer's lock rather than fail at once.
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(to);
  } catch (err) {
    io.err(`De back-up is mislukt (the backup failed): ${(err as Error).message}`);
    return EXIT_FAILED;
  } finally {
    db.close();
  }
  syncPath(to);
  syncPath(dirname(to));
  const copy = new Database(to, { readonly: true });
  let messages: number;
  try {
    messages = copy.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM berichten').get()?.n ?? 0;
  } finally {
    copy.close();
  }
  const mib = (statSync(to).size / 1024 / 1024).toFixed(1);
  io.out(`Back-up geschreven: ${to} (${messages} berichten, ${mib} MiB, ${Math.round(performance.now() - started)} ms).`);
  return 0;
}
