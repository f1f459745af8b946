/**
 * The start/stop ledger: every StartProduct and StopProduct line as it was sent, deletions
 * (StatusAanlevering 3) included, append-only and tagged with the message that added it.
 *
 * Keys (IV096, process.md §5): a start is keyed by client BSN + ToewijzingNummer + Product
 * (Categorie, Code) + Begindatum; a stop by the start key + Einddatum + RedenBeeindiging. Task-based
 * lines carry no ToewijzingNummer; their key is Product + Begindatum. Absent parts are stored as ''
 * so they compare equal in an index. Aanbieder (afzender) and gemeente (ontvanger) lead every key:
 * a ToewijzingNummer is only unique per gemeente, and task-based keys per party pair.
 *
 * Whether a key is current is read from its latest row (a '1' after a '3' is a resend after a
 * deletion, IV008); a toegewezen product's lines are fetched together, ordered by seq, through the
 * `_product` indexes, so a check costs two indexed look-ups per product in the message.
 */
export const LEVERING_TABLES = ['levering_starts', 'levering_stops'] as const;

export const LEVERING_SCHEMA = `
CREATE TABLE levering_starts (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  bsn TEXT NOT NULL,
  -- ToewijzingNummer normalised as a number ('0012' = '12'); '' for task-based work.
  toewijzing_nummer TEXT NOT NULL,
  categorie TEXT NOT NULL,
  code TEXT NOT NULL,
  begindatum TEXT NOT NULL,
  toewijzing_ingangsdatum TEXT,
  -- '1' first delivery, '3' deletion.
  status TEXT NOT NULL
);
CREATE INDEX levering_starts_product ON levering_starts (gemeente, aanbieder, bsn, toewijzing_nummer, categorie, code);
CREATE INDEX levering_starts_bericht ON levering_starts (bericht_id);
CREATE TABLE levering_stops (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  bsn TEXT NOT NULL,
  toewijzing_nummer TEXT NOT NULL,
  categorie TEXT NOT NULL,
  code TEXT NOT NULL,
  begindatum TEXT NOT NULL,
  einddatum TEXT NOT NULL,
  reden_beeindiging TEXT NOT NULL,
  toewijzing_ingangsdatum TEXT,
  status TEXT NOT NULL
);
CREATE INDEX levering_stops_product ON levering_stops (gemeente, aanbieder, bsn, toewijzing_nummer, categorie, code);
CREATE INDEX levering_stops_bericht ON levering_stops (bericht_id);
`;
