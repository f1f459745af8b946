/** Tables of toewijzingen and requests; every row belongs to the message that added it. */
export const TOEWIJZING_TABLES = ['toewijzingen'] as const;

export const TOEWIJZING_SCHEMA = `
CREATE TABLE toewijzingen (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  nummer TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  bsn TEXT NOT NULL,
  referentie_aanbieder TEXT,
  categorie TEXT,
  code TEXT,
  -- Toewijzingsdatum and -tijd as one sortable text: 'yyyy-mm-ddThh:mm:ss'; the latest version wins.
  versie TEXT NOT NULL,
  ingangsdatum TEXT NOT NULL,
  einddatum TEXT,
  reden_wijziging TEXT,
  volume INTEGER,
  eenheid TEXT,
  frequentie TEXT,
  budget INTEGER
);
CREATE INDEX toewijzingen_nummer ON toewijzingen (gemeente, nummer, versie);
CREATE INDEX toewijzingen_client ON toewijzingen (aanbieder, bsn, gemeente);
CREATE INDEX toewijzingen_bericht ON toewijzingen (bericht_id);
`;
