/**
 * Schema migrations, applied in order at startup. A migration is never edited once released:
 * changes come as a new entry.
 */
import type Database from 'better-sqlite3';
import { stateSchema } from '../state/groups.js';
import { QUALITY_MIGRATION } from '../quality/schema.js';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE berichten (
     id TEXT PRIMARY KEY,
     received_at TEXT NOT NULL,
     type TEXT,
     origin TEXT NOT NULL CHECK (origin IN ('received', 'generated')),
     sender_id TEXT NOT NULL,
     recipient_id TEXT,
     afzender TEXT,
     ontvanger TEXT,
     identificatie TEXT,
     dagtekening TEXT,
     idempotency_key TEXT UNIQUE,
     sha256 TEXT NOT NULL,
     size INTEGER NOT NULL,
     body BLOB NOT NULL,
     status TEXT NOT NULL,
     report TEXT NOT NULL,
     answer TEXT,
     retourcodes TEXT NOT NULL
   );
   CREATE INDEX berichten_received ON berichten (received_at);
   CREATE INDEX berichten_sender ON berichten (sender_id, id);
   CREATE INDEX berichten_recipient ON berichten (recipient_id, id);
   CREATE INDEX berichten_type ON berichten (type, id);
   CREATE TABLE status_history (
     seq INTEGER PRIMARY KEY,
     bericht_id TEXT NOT NULL REFERENCES berichten (id) ON DELETE CASCADE,
     at TEXT NOT NULL,
     status TEXT NOT NULL,
     note TEXT
   );
   CREATE INDEX status_history_bericht ON status_history (bericht_id);
   CREATE TABLE correlation_keys (
     key TEXT PRIMARY KEY,
     bericht_id TEXT NOT NULL REFERENCES berichten (id) ON DELETE CASCADE
   );
   CREATE INDEX correlation_keys_bericht ON correlation_keys (bericht_id);
   CREATE TABLE links (
     from_id TEXT NOT NULL REFERENCES berichten (id) ON DELETE CASCADE,
     to_id TEXT NOT NULL REFERENCES berichten (id) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     PRIMARY KEY (from_id, to_id, kind)
   );
   CREATE INDEX links_to ON links (to_id);
   CREATE TABLE deliveries (
     id INTEGER PRIMARY KEY,
     bericht_id TEXT NOT NULL REFERENCES berichten (id) ON DELETE CASCADE,
     party_id TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('push', 'mailbox')),
     state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'acknowledged', 'dead')),
     attempts INTEGER NOT NULL,
     next_attempt_at TEXT NOT NULL,
     last_error TEXT,
     created_at TEXT NOT NULL,
     done_at TEXT
   );
   CREATE INDEX deliveries_queue ON deliveries (party_id, mode, state, id);
   CREATE INDEX deliveries_due ON deliveries (state, mode, next_attempt_at);
   CREATE INDEX deliveries_bericht ON deliveries (bericht_id);
   CREATE TABLE delivery_attempts (
     seq INTEGER PRIMARY KEY,
     delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
     at TEXT NOT NULL,
     ok INTEGER NOT NULL,
     status_code INTEGER,
     error TEXT,
     duration_ms REAL NOT NULL
   );
   CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id);`,
  // The cross-message state (src/state/): each group's tables.
  stateSchema(),
  QUALITY_MIGRATION,
];

export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations').get()?.v ?? 0;
  const apply = db.transaction(() => {
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v - 1] ?? '');
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(v, new Date().toISOString());
    }
  });
  apply();
  return MIGRATIONS.length;
}
