/**
 * Tables of toewijzingen and requests; every row belongs to the message that added it.
 *
 * - `toewijzingen`: one row per ToegewezenProduct of an admitted JW301, a version of that
 *   toewijzing; the current version is the latest Toewijzingsdatum + Toewijzingstijd (IV013).
 * - `verzoeken`: the requests an aanbieder sent a gemeente: one row per AangevraagdProduct of a
 *   JW315 (each has its own ReferentieAanbieder) and one per JW317 (one reference for the whole
 *   Verzoek). A request is open until a JW319 rejects it or a JW301 carries its reference.
 * - `verzoek_toewijzingen`: the toewijzingen a JW317 names (OngewijzigdProduct and
 *   TeWijzigenProduct), which the JW301 honouring it must carry its reference on (IV093).
 * - `verzoek_antwoorden`: the JW319 answers, per ReferentieAanbieder.
 *
 * Requests are keyed by the aanbieder that sent them: ReferentieAanbieder is unique per aanbieder
 * (TR347), so (aanbieder, referentie) names one request.
 */
export const TOEWIJZING_TABLES = ['toewijzingen', 'verzoeken', 'verzoek_toewijzingen', 'verzoek_antwoorden'] as const;

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
CREATE INDEX toewijzingen_referentie ON toewijzingen (aanbieder, referentie_aanbieder) WHERE referentie_aanbieder IS NOT NULL;
CREATE INDEX toewijzingen_bericht ON toewijzingen (bericht_id);

CREATE TABLE verzoeken (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  referentie TEXT NOT NULL,
  bsn TEXT NOT NULL,
  -- 'VOT' (JW315, one row per AangevraagdProduct) or 'VOW' (JW317, one row per Verzoek).
  soort TEXT NOT NULL,
  dagtekening TEXT NOT NULL
);
CREATE INDEX verzoeken_referentie ON verzoeken (aanbieder, referentie);
CREATE INDEX verzoeken_client ON verzoeken (aanbieder, bsn, gemeente);
CREATE INDEX verzoeken_bericht ON verzoeken (bericht_id);

CREATE TABLE verzoek_toewijzingen (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  referentie TEXT NOT NULL,
  nummer TEXT NOT NULL
);
CREATE INDEX verzoek_toewijzingen_referentie ON verzoek_toewijzingen (aanbieder, referentie);
CREATE INDEX verzoek_toewijzingen_bericht ON verzoek_toewijzingen (bericht_id);

CREATE TABLE verzoek_antwoorden (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  referentie TEXT NOT NULL,
  -- VerzoekAntwoord: '1' rejected, '2' under investigation.
  antwoord TEXT NOT NULL,
  dagtekening TEXT NOT NULL
);
CREATE INDEX verzoek_antwoorden_referentie ON verzoek_antwoorden (aanbieder, referentie);
CREATE INDEX verzoek_antwoorden_bericht ON verzoek_antwoorden (bericht_id);
`;
