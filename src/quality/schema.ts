/**
 * The tables of the message-quality tallies, as one migration (src/store/migrations.ts applies it).
 * They live in the message database so that a tally is committed in the same transaction as the
 * message it counts: a crash loses both or neither.
 *
 * Tally cells are keyed by codes only (rule, retourcode, type, party codes, regio): no column can
 * hold a BSN, a name, a birth date or an address. '' stands for "unknown" in key columns, because
 * NULLs would not make a primary key unique.
 */
export const QUALITY_MIGRATION = `
  ALTER TABLE berichten ADD COLUMN quality TEXT;
  CREATE TABLE quality_counts (
    day TEXT NOT NULL,
    measure TEXT NOT NULL CHECK (measure IN ('received', 'clean', 'defect')),
    rule TEXT NOT NULL,
    retourcode TEXT NOT NULL,
    type TEXT NOT NULL,
    afzender TEXT NOT NULL,
    ontvanger TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    regio TEXT NOT NULL,
    variant TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, measure, rule, retourcode, type, afzender, ontvanger, gemeente, regio, variant)
  ) WITHOUT ROWID;
  CREATE TABLE quality_defects (
    bericht_id TEXT NOT NULL REFERENCES berichten (id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    retourcode TEXT NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (bericht_id, rule, retourcode)
  ) WITHOUT ROWID;
  CREATE INDEX quality_defects_rule ON quality_defects (rule, day);
  CREATE INDEX quality_defects_retourcode ON quality_defects (retourcode, day);
  CREATE INDEX quality_defects_day ON quality_defects (day);
  CREATE TABLE refusals (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    party_id TEXT,
    status_code INTEGER NOT NULL,
    code TEXT NOT NULL,
    type TEXT,
    quality TEXT NOT NULL
  );
  CREATE INDEX refusals_at ON refusals (at);
  CREATE TABLE quality_deadlines (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    -- No foreign key: a term stays counted when retention removes its message.
    bericht_id TEXT NOT NULL,
    party TEXT NOT NULL,
    counterparty TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    regio TEXT NOT NULL,
    from_day TEXT NOT NULL,
    due TEXT NOT NULL,
    answered_on TEXT,
    answer_id TEXT,
    outcome TEXT CHECK (outcome IN ('met', 'breached'))
  );
  CREATE INDEX quality_deadlines_open ON quality_deadlines (key, kind) WHERE outcome IS NULL;
  CREATE INDEX quality_deadlines_due ON quality_deadlines (due);`;
