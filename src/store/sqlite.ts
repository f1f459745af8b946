/**
 * The default store: one SQLite file in WAL mode. Writes are grouped: everything asked for within
 * one turn of the event loop is committed in a single transaction (about 25k rows/s instead of ~5k
 * single commits/s), and each caller's promise resolves only after that commit is on disk (#flush
 * says how, and why not with synchronous=FULL). Should one write fail, the group is done again
 * with each write in its own savepoint, so one failing write does not take the others down. The
 * quality tally cells of a group are summed and written at the end of its transaction, for the
 * writes that stayed in only (quality/writer.ts).
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { QualityReadsNow, Refusal } from '../quality/ports.js';
import { qualityReads } from '../quality/reads.js';
import { qualityWriter, type QualityWriter } from '../quality/writer.js';
import type { MessageType } from '../standard/catalogue.js';
import { CrossChecker, type CheckerOptions } from '../state/check.js';
import { admitClaim } from '../state/declaratie/admit.js';
import type { ValidationResult } from '../validate/report.js';
import { codedError, HealthTracker, LOCK_TIMEOUT, storageFailure, type StoreHealth } from './health.js';
import { migrate } from './migrations.js';
import { NOT_FORWARDED } from './ports.js';
import type {
  Admission,
  AdmitRequest,
  BerichtDetail,
  BerichtFilter,
  BerichtStatus,
  BerichtSummary,
  Delivery,
  DeliveryAttempt,
  DeliveryState,
  LinkKind,
  NewBericht,
  Original,
  Page,
  Seeding,
  Store,
} from './ports.js';

interface Pending {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

interface BerichtRow {
  id: string;
  received_at: string;
  type: string | null;
  origin: 'received' | 'generated';
  sender_id: string;
  recipient_id: string | null;
  afzender: string | null;
  ontvanger: string | null;
  identificatie: string | null;
  dagtekening: string | null;
  status: BerichtStatus;
  retourcodes: string;
  size: number;
  sha256: string;
  report: string;
}

interface DeliveryRow {
  id: number;
  bericht_id: string;
  party_id: string;
  mode: 'push' | 'mailbox';
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

function summary(r: BerichtRow): BerichtSummary {
  return {
    id: r.id,
    receivedAt: r.received_at,
    type: r.type as MessageType | null,
    origin: r.origin,
    senderId: r.sender_id,
    recipientId: r.recipient_id,
    afzender: r.afzender,
    ontvanger: r.ontvanger,
    identificatie: r.identificatie,
    dagtekening: r.dagtekening,
    status: r.status,
    retourcodes: JSON.parse(r.retourcodes) as string[],
    size: r.size,
  };
}

function delivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    berichtId: r.bericht_id,
    partyId: r.party_id,
    mode: r.mode,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    doneAt: r.done_at,
  };
}

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  readonly path: string;
  readonly now?: () => Date;
  /** Another connection checkpoints the WAL (see checkpoint-worker.ts). */
  readonly backgroundCheckpoints?: boolean;
  /** Contract data and the regio table for the cross-message rules. */
  readonly checker?: CheckerOptions;
  /** Quality tallies and terms with every message (default); off only to measure what they cost. */
  readonly tally?: boolean;
  /**
   * Held around each group commit when several connections in this process write (ingest
   * threads): the next writer wakes the moment the lock is free, where SQLite's own busy wait
   * sleeps 1, 2, 5, 10 … ms between tries.
   */
  readonly writeLock?: WriteLock;
  /**
   * Reads only (the HTTP thread's look-ups, the read thread): the connection is opened read-only,
   * so a write through it fails with SQLITE_READONLY instead of taking the write lock, and it
   * neither applies migrations nor keeps the WAL open for syncing. The file must exist with its
   * migrations applied (a writer opens it first).
   */
  readonly readOnly?: boolean;
}

/** A lock shared by the threads of one process (see sharedWriteLock). */
export interface WriteLock {
  acquire(): void;
  release(): void;
}

/**
 * A write lock over a SharedArrayBuffer of 4 bytes: pass the same buffer to every thread. A group
 * commit holds it for milliseconds; one that waits `maxWaitMs` fails (its writes with it) rather
 * than waiting for ever on a thread that died holding the lock.
 */
export function sharedWriteLock(buffer: SharedArrayBuffer, maxWaitMs = 30_000): WriteLock {
  const cell = new Int32Array(buffer, 0, 1);
  return {
    acquire() {
      const deadline = Date.now() + maxWaitMs;
      while (Atomics.compareExchange(cell, 0, 0, 1) !== 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw codedError(LOCK_TIMEOUT, `the store's write lock was not free within ${maxWaitMs} ms`);
        Atomics.wait(cell, 0, 1, Math.min(left, 1_000));
      }
    },
    release() {
      Atomics.store(cell, 0, 0);
      Atomics.notify(cell, 0, 1);
    },
  };
}

/** The columns of a list page: everything but the body and the report. */
const LIST_COLUMNS = `id, received_at, type, origin, sender_id, recipient_id, afzender, ontvanger, identificatie, dagtekening,
  status, retourcodes, size, sha256, '' AS report`;
/** Up to this many messages in a period (of all parties), a party's page is read through the period. */
const PERIOD_SCAN_LIMIT = 20_000;
/** Beyond this many parties in a caller's view, one query instead of two index walks per party. */
const MAX_WALKED_PARTIES = 100;

export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #now: () => Date;
  #queue: Pending[] = [];
  #flushScheduled = false;
  readonly #stmt;
  readonly #checker: CrossChecker;
  readonly #quality: QualityWriter;
  readonly #writeLock: WriteLock | undefined;
  /** The WAL, synced after each group commit (syncWal); undefined for a database in memory. */
  #walFd: number | undefined;
  readonly #health: HealthTracker;
  readonly quality: QualityReadsNow;

  constructor(options: SqliteStoreOptions) {
    const readOnly = options.readOnly === true;
    this.#db = new Database(options.path, readOnly ? { readonly: true, fileMustExist: true } : {});
    this.#now = options.now ?? (() => new Date());
    this.#writeLock = options.writeLock;
    this.#health = new HealthTracker(this.#now);
    const journal = readOnly ? undefined : this.#db.pragma('journal_mode = WAL', { simple: true });
    // FULL until the WAL is open for syncWal: the migrations below are durable when they return.
    if (!readOnly) this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    // With a checkpointer thread (ThreadedStore) the writer only checkpoints as a backstop, when
    // the WAL has grown to about 80 MB; on its own it keeps SQLite's default of 1,000 pages.
    if (options.backgroundCheckpoints === true) this.#db.pragma('wal_autocheckpoint = 20000');
    // 64 MiB of page cache (default 2 MiB): with a million toewijzingen in the state the upper levels
    // of its indexes stay in memory, so a cross-message look-up costs about what it does on an empty
    // store (bench/state.mjs, d) in bench/README.md).
    this.#db.pragma('cache_size = -65536');
    if (!readOnly) migrate(this.#db);
    if (journal === 'wal') this.#walFd = openWal(options.path);
    if (this.#walFd !== undefined) this.#db.pragma('synchronous = NORMAL');
    const db = this.#db;
    this.#checker = new CrossChecker(db, options.checker);
    this.#quality = qualityWriter(db, { tally: options.tally ?? true });
    this.quality = qualityReads(db);
    this.#stmt = {
      insertBericht: db.prepare(`INSERT INTO berichten (id, received_at, type, origin, sender_id, recipient_id, afzender, ontvanger,
        identificatie, dagtekening, idempotency_key, sha256, size, body, status, report, answer, retourcodes, quality)
        VALUES (@id, @receivedAt, @type, @origin, @senderId, @recipientId, @afzender, @ontvanger, @identificatie, @dagtekening,
        @idempotencyKey, @sha256, @size, @body, @status, @report, @answer, @retourcodes, @quality)`),
      insertHistory: db.prepare('INSERT INTO status_history (bericht_id, at, status, note) VALUES (?, ?, ?, ?)'),
      insertKey: db.prepare('INSERT OR IGNORE INTO correlation_keys (key, bericht_id) VALUES (?, ?)'),
      findKey: db.prepare<[string], { bericht_id: string }>('SELECT bericht_id FROM correlation_keys WHERE key = ?'),
      insertLink: db.prepare('INSERT OR IGNORE INTO links (from_id, to_id, kind) VALUES (?, ?, ?)'),
      insertDelivery: db.prepare(`INSERT INTO deliveries (bericht_id, party_id, mode, state, attempts, next_attempt_at, created_at)
        VALUES (?, ?, ?, 'pending', 0, ?, ?)`),
      original: db.prepare<[string], { id: string; sha256: string; answer: string | null; status: BerichtStatus }>(
        'SELECT id, sha256, answer, status FROM berichten WHERE idempotency_key = ?',
      ),
      body: db.prepare<[string], { body: Buffer }>('SELECT body FROM berichten WHERE id = ?'),
      row: db.prepare<[string], BerichtRow>('SELECT * FROM berichten WHERE id = ?'),
      history: db.prepare<[string], { at: string; status: BerichtStatus; note: string | null }>(
        'SELECT at, status, note FROM status_history WHERE bericht_id = ? ORDER BY seq',
      ),
      deliveriesOf: db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE bericht_id = ? ORDER BY id'),
      attemptsOf: db.prepare<[number], { at: string; ok: number; status_code: number | null; error: string | null; duration_ms: number }>(
        'SELECT at, ok, status_code, error, duration_ms FROM delivery_attempts WHERE delivery_id = ? ORDER BY seq',
      ),
      relatedFrom: db.prepare<[string], { id: string; kind: LinkKind; type: string | null }>(
        'SELECT l.to_id AS id, l.kind, b.type FROM links l JOIN berichten b ON b.id = l.to_id WHERE l.from_id = ?',
      ),
      relatedTo: db.prepare<[string], { id: string; kind: LinkKind; type: string | null }>(
        'SELECT l.from_id AS id, l.kind, b.type FROM links l JOIN berichten b ON b.id = l.from_id WHERE l.to_id = ?',
      ),
      setStatus: db.prepare('UPDATE berichten SET status = ? WHERE id = ?'),
      duePushes: db.prepare<[string, number], DeliveryRow>(`SELECT d.* FROM deliveries d
        WHERE d.mode = 'push' AND d.state = 'pending' AND d.next_attempt_at <= ?
          AND d.id = (SELECT MIN(d2.id) FROM deliveries d2 WHERE d2.party_id = d.party_id AND d2.mode = 'push' AND d2.state = 'pending')
        ORDER BY d.next_attempt_at LIMIT ?`),
      attempt: db.prepare('INSERT INTO delivery_attempts (delivery_id, at, ok, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      updateDelivery: db.prepare(`UPDATE deliveries SET attempts = attempts + 1, state = ?, next_attempt_at = COALESCE(?, next_attempt_at),
        last_error = ?, done_at = ? WHERE id = ?`),
      deliveryById: db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?'),
      queueDepth: db.prepare<[], { mode: 'push' | 'mailbox'; n: number }>(
        "SELECT mode, COUNT(*) AS n FROM deliveries WHERE state = 'pending' GROUP BY mode",
      ),
      mailbox: db.prepare<[string, number, number], DeliveryRow>(`SELECT * FROM deliveries
        WHERE party_id = ? AND mode = 'mailbox' AND state = 'pending' AND id > ? ORDER BY id LIMIT ?`),
      mailboxItem: db.prepare<[number, string], DeliveryRow>("SELECT * FROM deliveries WHERE id = ? AND party_id = ? AND mode = 'mailbox'"),
      ack: db.prepare("UPDATE deliveries SET state = 'acknowledged', done_at = ? WHERE id = ? AND party_id = ? AND mode = 'mailbox' AND state = 'pending'"),
      pendingOf: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE bericht_id = ? AND state = 'pending'"),
      prunable: db.prepare<[string], { id: string }>(`SELECT b.id FROM berichten b WHERE b.received_at < ?
        AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.bericht_id = b.id AND d.state = 'pending')`),
      deleteBericht: db.prepare('DELETE FROM berichten WHERE id = ?'),
      pruneRefusals: db.prepare('DELETE FROM refusals WHERE at < ?'),
    };
  }

  #nowIso(): string {
    return this.#now().toISOString();
  }

  /** Runs `work` inside the next group commit; resolves after the commit reached the disk. */
  #write<T = void>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /**
   * Commits the queued writes as one group, then syncs the WAL and only then settles them.
   *
   * With several write connections (ingest threads) the write lock is what they queue on, and with
   * synchronous=FULL SQLite holds it through the fsync of each commit: the other thread waited for
   * the disk, not for the CPU. So SQLite commits with synchronous=NORMAL (it writes the WAL frames
   * and keeps the database consistent through a crash, but does not sync) and the fsync happens
   * here, after the lock is released. Nothing is acknowledged before it: a write's promise settles
   * only after an fsync that began after its frames were written. A later transaction is never
   * durable without the earlier ones (WAL frames carry a checksum chained over all frames before
   * them, and recovery stops at the first that does not match), so a group that read another's
   * state before that was synced is lost together with it or kept together with it.
   */
  #flush(): void {
    this.#flushScheduled = false;
    const lock = this.#writeLock;
    let settle: (syncError: unknown) => void;
    if (lock === undefined) settle = this.#commitGroup();
    else {
      lock.acquire();
      try {
        settle = this.#commitGroup();
      } finally {
        lock.release();
      }
    }
    settle(this.#syncWal());
  }

  /** Syncs the WAL to disk; returns the error when that fails. */
  #syncWal(): unknown {
    if (this.#walFd === undefined) return undefined;
    try {
      fsyncSync(this.#walFd);
      return undefined;
    } catch (err) {
      return err;
    }
  }

  /** Commits the queued writes; returns what settles their promises once the WAL was synced. */
  #commitGroup(): (syncError: unknown) => void {
    const batch = this.#queue;
    this.#queue = [];
    const failures = new Map<Pending, unknown>();
    const values = new Map<Pending, unknown>();
    try {
      // Fast path: the whole group in one transaction without a savepoint per item (a savepoint
      // costs about as much as the item's own inserts). Should any item fail, the group is
      // rolled back and done again below, each item in a savepoint of its own.
      // IMMEDIATE: with more than one writer connection (ThreadedStore with writers > 1) the
      // checks read state that must not change before this group commits.
      this.#db.transaction(() => {
        for (const item of batch) values.set(item, item.work());
        this.#quality.commit();
      }).immediate();
    } catch (err) {
      this.#quality.discard();
      // The storage failed, not one of the writes: doing them again one by one would fail the
      // same way, after as long a wait again (a busy database, a full disk).
      if (storageFailure(err) !== undefined) return this.#rejectAll(batch, err);
      values.clear();
      try {
        this.#db.transaction(() => {
          for (const item of batch) {
            try {
              values.set(item, this.#db.transaction(item.work)());
              this.#quality.keep();
            } catch (err) {
              // Rolled back to its savepoint: its tally cells go with it.
              this.#quality.drop();
              failures.set(item, err);
            }
          }
          this.#quality.commit();
        }).immediate();
      } catch (err) {
        this.#quality.discard();
        return this.#rejectAll(batch, err);
      }
    }
    return (syncError) => {
      if (syncError !== undefined) this.#health.failed(syncError);
      else this.#health.succeeded();
      for (const item of batch) {
        if (failures.has(item)) item.reject(failures.get(item));
        // Committed, but not known to be on disk: not acknowledged. A resend is answered from
        // the store should the commit have reached it after all.
        else if (syncError !== undefined) item.reject(syncError);
        else item.resolve(values.get(item));
      }
    };
  }

  /** Settles a group whose transaction failed as a whole: every write with that error. */
  #rejectAll(batch: readonly Pending[], err: unknown): () => void {
    return () => {
      this.#health.failed(err);
      for (const item of batch) item.reject(err);
    };
  }

  save(berichten: readonly NewBericht[]): Promise<void> {
    return this.#write(() => {
      for (const b of berichten) this.#insert(b);
    });
  }

  /**
   * Checks a message against the cross-message state and, when it breaks no rule, stores it and
   * records what it adds, in one transaction: a message is admitted against exactly the state its
   * answer was decided on. A message that breaks a rule changes nothing (OP286) and is not stored
   * here; its caller stores it as rejected with the answer it builds.
   */
  admit(request: AdmitRequest): Promise<Admission> {
    return this.#write((): Admission => {
      const { record, facts } = request;
      if (request.claim !== undefined && facts?.type === 'JW323') {
        // A claim is judged per prestatie (state/declaratie/admit.ts), not all-or-nothing.
        return admitClaim(this.#checker, facts, { ...request, claim: request.claim }, (b) => this.#insert(b));
      }
      const meta = { berichtId: record.id, receivedAt: record.receivedAt, today: request.today };
      const violations = facts === null ? [] : this.#checker.check(facts, meta);
      if (violations.length > 0) return { violations, stored: false };
      if (facts !== null) this.#checker.apply(facts, meta);
      this.#insert(record);
      return { violations, stored: true };
    });
  }

  /**
   * Records a message of the history from before the gateway went live (`ijw-gateway seed`). It
   * was accepted by its recipient long ago, so the cross-message rules do not decide here: its
   * facts are applied whatever they say, and the violations they find are returned as data-quality
   * feedback. `record` should have status 'seeded' and no delivery. A message whose idempotency
   * key is taken is left alone, so seeding is idempotent; the check is in the write transaction.
   */
  seed(request: AdmitRequest): Promise<Seeding> {
    return this.#write((): Seeding => {
      const { record, facts } = request;
      const taken = record.idempotencyKey === null ? undefined : this.#stmt.original.get(record.idempotencyKey);
      if (taken !== undefined) return { outcome: taken.sha256 === record.sha256 ? 'duplicate' : 'conflict', violations: [], originalId: taken.id };
      const meta = { berichtId: record.id, receivedAt: record.receivedAt, today: request.today };
      const violations = facts === null ? [] : this.#checker.check(facts, meta);
      if (facts !== null) this.#checker.apply(facts, meta);
      const report = violations.length === 0 ? record.report : { ...record.report, valid: false, fouten: [...record.report.fouten, ...violations] };
      this.#insert({ ...record, report });
      return { outcome: 'seeded', violations };
    });
  }

  #insert(b: NewBericht): void {
    this.#stmt.insertBericht.run({
      id: b.id,
      receivedAt: b.receivedAt,
      type: b.type,
      origin: b.origin,
      senderId: b.senderId,
      recipientId: b.recipientId,
      afzender: b.afzender,
      ontvanger: b.ontvanger,
      identificatie: b.identificatie,
      dagtekening: b.dagtekening,
      idempotencyKey: b.idempotencyKey,
      sha256: b.sha256,
      size: b.body.byteLength,
      body: Buffer.from(b.body.buffer, b.body.byteOffset, b.body.byteLength),
      status: b.status,
      report: JSON.stringify(b.report),
      answer: b.answer === null ? null : JSON.stringify(b.answer),
      retourcodes: JSON.stringify(b.retourcodes),
      quality: b.quality === undefined ? null : JSON.stringify(b.quality),
    });
    this.#stmt.insertHistory.run(b.id, b.receivedAt, b.status, null);
    for (const key of b.offers) this.#stmt.insertKey.run(key, b.id);
    for (const ref of b.references) {
      const target = this.#stmt.findKey.get(ref.key);
      if (target !== undefined && target.bericht_id !== b.id) this.#stmt.insertLink.run(b.id, target.bericht_id, ref.kind);
    }
    for (const link of b.links) this.#stmt.insertLink.run(b.id, link.toId, link.kind);
    if (b.deliverTo !== null) {
      this.#stmt.insertDelivery.run(b.id, b.deliverTo.partyId, b.deliverTo.mode, b.receivedAt, b.receivedAt);
    }
    this.#quality.bericht(b);
  }

  recordRefusal(refusal: Refusal): Promise<void> {
    return this.#write(() => this.#quality.refusal(refusal));
  }

  original(idempotencyKey: string): Original | undefined {
    const r = this.#stmt.original.get(idempotencyKey);
    if (r === undefined) return undefined;
    return { id: r.id, sha256: r.sha256, status: r.status, answer: r.answer === null ? null : JSON.parse(r.answer) };
  }

  body(id: string): Uint8Array | undefined {
    return this.#stmt.body.get(id)?.body;
  }

  detail(id: string): BerichtDetail | undefined {
    const r = this.#stmt.row.get(id);
    if (r === undefined) return undefined;
    const deliveries = this.#stmt.deliveriesOf.all(id).map((d) => ({
      ...delivery(d),
      attemptLog: this.#stmt.attemptsOf.all(d.id).map((a) => ({
        at: a.at,
        ok: a.ok === 1,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
    }));
    const related = [
      ...this.#stmt.relatedFrom.all(id).map((l) => ({ id: l.id, kind: l.kind, direction: 'to' as const, type: l.type as MessageType | null })),
      ...this.#stmt.relatedTo.all(id).map((l) => ({ id: l.id, kind: l.kind, direction: 'from' as const, type: l.type as MessageType | null })),
    ];
    return {
      ...summary(r),
      sha256: r.sha256,
      report: JSON.parse(r.report) as ValidationResult,
      history: this.#stmt.history.all(id),
      deliveries,
      related,
    };
  }

  list(filter: BerichtFilter): Page<BerichtSummary> {
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: string | undefined) => {
      if (value !== undefined) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    };
    eq('type', filter.type);
    eq('afzender', filter.afzender);
    eq('ontvanger', filter.ontvanger);
    eq('status', filter.status);
    if (filter.from !== undefined) {
      where.push('received_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('received_at < ?');
      params.push(filter.to);
    }
    if (filter.after !== undefined) {
      // Newest first; the cursor is the id of the last item of the previous page (ids sort by time).
      where.push('id < ?');
      params.push(filter.after);
    }
    const limit = filter.limit + 1;
    const rows = filter.visibleTo === undefined ? this.#page(where, params, limit) : this.#listVisible(filter, where, params, limit);
    const items = rows.slice(0, filter.limit).map(summary);
    return { items, next: rows.length > filter.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  /** One query for a page: the conditions, newest first; `index` names the index SQLite must use. */
  #page(where: readonly string[], params: readonly unknown[], limit: number, index = ''): BerichtRow[] {
    const sql = `SELECT ${LIST_COLUMNS} FROM berichten ${index} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return this.#db.prepare<unknown[], BerichtRow>(sql).all(...params, limit);
  }

  /**
   * A party's page: what it sent, and what was forwarded to it. One SQL `OR` over both would make
   * SQLite collect every message of the party and sort them (a second for a gemeente with 400,000;
   * bench/list.mjs); instead each party's sent and received messages are walked
   * newest first on their own index, each walk stops after one page, and the walks are merged.
   *
   * With a period, the period's index is used instead when the period holds few messages (of any
   * party): a walk over the party's newest messages would otherwise pass all the later ones first.
   * So is the `OR` for a caller acting for very many parties (SQLite allows 500 parts in a UNION).
   */
  #listVisible(filter: BerichtFilter, where: readonly string[], params: readonly unknown[], limit: number): BerichtRow[] {
    const visible = [...new Set(filter.visibleTo)];
    if (visible.length === 0) return [];
    const marks = visible.map(() => '?').join(', ');
    const refused = NOT_FORWARDED.map(() => '?').join(', ');
    const rest = where.map((w) => ` AND ${w}`).join('');
    const oneQuery = (index = '') =>
      this.#page(
        [`(sender_id IN (${marks}) OR (recipient_id IN (${marks}) AND status NOT IN (${refused})))`, ...where],
        [...visible, ...visible, ...NOT_FORWARDED, ...params],
        limit,
        index,
      );
    if (visible.length > MAX_WALKED_PARTIES) return oneQuery();
    if (filter.from !== undefined || filter.to !== undefined) {
      const inPeriod = this.#db
        .prepare<unknown[], { n: number }>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM berichten INDEXED BY berichten_received
            WHERE received_at >= ? AND received_at < ? LIMIT ${PERIOD_SCAN_LIMIT})`,
        )
        .get(filter.from ?? '', filter.to ?? '\uffff')!.n;
      // Named: left to itself SQLite prefers the OR over both party indexes here as well.
      if (inPeriod < PERIOD_SCAN_LIMIT) return oneQuery('INDEXED BY berichten_received');
    }
    const branches: string[] = [];
    const branchParams: unknown[] = [];
    for (const party of visible) {
      branches.push(`SELECT * FROM (SELECT ${LIST_COLUMNS} FROM berichten INDEXED BY berichten_sender
        WHERE sender_id = ?${rest} ORDER BY id DESC LIMIT ?)`);
      branchParams.push(party, ...params, limit);
      // Sent by a visible party too: already in that party's sent walk.
      branches.push(`SELECT * FROM (SELECT ${LIST_COLUMNS} FROM berichten INDEXED BY berichten_recipient
        WHERE recipient_id = ? AND status NOT IN (${refused}) AND sender_id NOT IN (${marks})${rest} ORDER BY id DESC LIMIT ?)`);
      branchParams.push(party, ...NOT_FORWARDED, ...visible, ...params, limit);
    }
    const sql = `${branches.join(' UNION ALL ')} ORDER BY id DESC LIMIT ?`;
    return this.#db.prepare<unknown[], BerichtRow>(sql).all(...branchParams, limit);
  }

  setStatus(id: string, status: BerichtStatus, note?: string, at?: string): Promise<void> {
    return this.#write(() => {
      this.#stmt.setStatus.run(status, id);
      this.#stmt.insertHistory.run(id, at ?? this.#nowIso(), status, note ?? null);
    });
  }

  duePushes(now: string, limit: number): Delivery[] {
    return this.#stmt.duePushes.all(now, limit).map(delivery);
  }

  recordAttempt(
    deliveryId: number,
    attempt: DeliveryAttempt,
    next: { state: DeliveryState; nextAttemptAt?: string; lastError?: string },
  ): Promise<void> {
    return this.#write(() => {
      this.#stmt.attempt.run(deliveryId, attempt.at, attempt.ok ? 1 : 0, attempt.statusCode, attempt.error, attempt.durationMs);
      const done = next.state === 'pending' ? null : attempt.at;
      this.#stmt.updateDelivery.run(next.state, next.nextAttemptAt ?? null, next.lastError ?? null, done, deliveryId);
      const d = this.#stmt.deliveryById.get(deliveryId);
      if (d === undefined) return;
      if (next.state === 'delivered') this.#statusIfSettled(d.bericht_id, 'delivered', attempt.at);
      if (next.state === 'dead') {
        this.#stmt.setStatus.run('dead-letter', d.bericht_id);
        this.#stmt.insertHistory.run(d.bericht_id, attempt.at, 'dead-letter', next.lastError ?? null);
      }
    });
  }

  /** A message counts as delivered once nothing is pending for it any more. */
  #statusIfSettled(berichtId: string, status: BerichtStatus, at: string): void {
    if ((this.#stmt.pendingOf.get(berichtId)?.n ?? 0) > 0) return;
    this.#stmt.setStatus.run(status, berichtId);
    this.#stmt.insertHistory.run(berichtId, at, status, null);
  }

  queueDepth(): { push: number; mailbox: number } {
    const out = { push: 0, mailbox: 0 };
    for (const r of this.#stmt.queueDepth.all()) out[r.mode] = r.n;
    return out;
  }

  mailbox(partyId: string, limit: number, after = 0): Delivery[] {
    return this.#stmt.mailbox.all(partyId, after, limit).map(delivery);
  }

  mailboxItem(partyId: string, deliveryId: number): Delivery | undefined {
    const r = this.#stmt.mailboxItem.get(deliveryId, partyId);
    return r === undefined ? undefined : delivery(r);
  }

  acknowledge(partyId: string, deliveryId: number, at: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      let changed = false;
      this.#write(() => {
        changed = this.#stmt.ack.run(at, deliveryId, partyId).changes === 1;
        const d = this.#stmt.deliveryById.get(deliveryId);
        if (changed && d !== undefined) this.#statusIfSettled(d.bericht_id, 'acknowledged', at);
      }).then(() => resolve(changed), reject);
    });
  }

  requeue(berichtId: string, partyId: string, mode: 'push' | 'mailbox', note: string, when?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      let id = 0;
      this.#write(() => {
        const at = when ?? this.#nowIso();
        id = Number(this.#stmt.insertDelivery.run(berichtId, partyId, mode, at, at).lastInsertRowid);
        this.#stmt.insertHistory.run(berichtId, at, this.#stmt.row.get(berichtId)?.status ?? 'accepted', note);
      }).then(() => resolve(id), reject);
    });
  }

  prune(before: string): Promise<number> {
    return new Promise((resolve, reject) => {
      let n = 0;
      this.#write(() => {
        for (const { id } of this.#stmt.prunable.all(before)) {
          this.#stmt.deleteBericht.run(id);
          n++;
        }
        this.#stmt.pruneRefusals.run(before);
      }).then(() => resolve(n), reject);
    });
  }

  /** Whether writes commit; see health.ts. */
  health(): StoreHealth {
    return this.#health.health;
  }

  close(): void {
    if (this.#queue.length > 0) this.#flush();
    if (this.#walFd !== undefined) closeSync(this.#walFd);
    this.#walFd = undefined;
    this.#db.close();
  }
}

/**
 * Opens the WAL of the database at `path` for syncing, and syncs its directory once so that the
 * file's name is durable too (SQLite does that itself only on its first sync of a new WAL, which
 * with synchronous=NORMAL may never come). Undefined when there is no WAL file to open: the store
 * then keeps synchronous=FULL.
 */
function openWal(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(`${path}-wal`, 'r');
  } catch {
    return undefined;
  }
  syncPath(dirname(path));
  return fd;
}

/** Syncs a file or directory by name, so that what was written to it (or its entries) is durable. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
