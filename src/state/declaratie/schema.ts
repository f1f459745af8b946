/**
 * The claim ledger: every admitted JW323 (declaraties), every prestatie it declared (prestaties)
 * and the verdict on each prestatie once a JW325 answered it (beoordelingen). Like all state it is
 * append-only; every row carries the id of the message that added it (bericht_id), so a claim
 * that counts as not sent after all is forgotten by deleting its rows.
 *
 * Contract with the readers of the ledger (declaratie/fit/ sums volumes and budgets from it):
 *
 * - `declaraties`: one row per admitted JW323. aanbieder (AGB, the JW323's Afzender), gemeente (its
 *   Ontvanger), identificatie + dagtekening (its BerichtIdentificatie), nummer (DeclaratieNummer),
 *   periode_begin/periode_eind (DeclaratiePeriode), totaal (TotaalIngediendBedrag in cents, signed:
 *   credit negative), xsd_basis/xsd_bericht (its XsdVersie, for TR371).
 * - `prestaties`: one row per declared Prestatie, bericht_id = the JW323. aanbieder, gemeente, bsn,
 *   referentie_nummer, vorig_referentie_nummer (credits only), toewijzing_nummer, categorie, code,
 *   begindatum/einddatum (ProductPeriode), volume (GeleverdVolume as a number), eenheid, tarief
 *   (cents, null for Eenheid 83), bedrag (cents, always positive) and debet_credit ('D' or 'C').
 * - `beoordelingen`: the verdict on a prestatie, bericht_id = the JW325 that gave it (a gemeente's,
 *   or the one the gateway wrote for a billing office). aanbieder + referentie_nummer name the
 *   prestatie (ReferentieNummer is unique per aanbieder: TR314); goedgekeurd 1 = approved, 0 =
 *   rejected. A prestatie without a verdict is still waiting for its JW325.
 * - `antwoorden`: which JW323 (declaratie_bericht_id) a JW325 (bericht_id) answered; a JW323 gets
 *   one answer.
 *
 * A prestatie counts ("is live") unless it was rejected: use
 *   NOT EXISTS (SELECT 1 FROM beoordelingen b WHERE b.aanbieder = p.aanbieder
 *               AND b.referentie_nummer = p.referentie_nummer AND b.goedgekeurd = 0)
 * A debet is credited when a live credit names it in vorig_referentie_nummer (same aanbieder).
 * A JW323 rejected as a whole (header 0001, or a code on the Declaratie) has no rows at all.
 */
export const DECLARATIE_TABLES = ['declaraties', 'prestaties', 'beoordelingen', 'antwoorden'] as const;

export const DECLARATIE_SCHEMA = `
CREATE TABLE declaraties (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  identificatie TEXT NOT NULL,
  dagtekening TEXT NOT NULL,
  nummer TEXT NOT NULL,
  periode_begin TEXT NOT NULL,
  periode_eind TEXT NOT NULL,
  totaal INTEGER NOT NULL,
  xsd_basis TEXT NOT NULL,
  xsd_bericht TEXT NOT NULL
);
CREATE INDEX declaraties_nummer ON declaraties (aanbieder, nummer);
CREATE INDEX declaraties_periode ON declaraties (aanbieder, gemeente, periode_begin);
CREATE INDEX declaraties_bericht ON declaraties (bericht_id);
CREATE TABLE prestaties (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  gemeente TEXT NOT NULL,
  bsn TEXT NOT NULL,
  referentie_nummer TEXT NOT NULL,
  vorig_referentie_nummer TEXT,
  toewijzing_nummer TEXT NOT NULL,
  categorie TEXT NOT NULL,
  code TEXT NOT NULL,
  begindatum TEXT NOT NULL,
  einddatum TEXT NOT NULL,
  volume INTEGER NOT NULL,
  eenheid TEXT NOT NULL,
  tarief INTEGER,
  bedrag INTEGER NOT NULL,
  debet_credit TEXT NOT NULL CHECK (debet_credit IN ('D', 'C'))
);
CREATE INDEX prestaties_referentie ON prestaties (aanbieder, referentie_nummer);
CREATE INDEX prestaties_vorig ON prestaties (aanbieder, vorig_referentie_nummer) WHERE vorig_referentie_nummer IS NOT NULL;
CREATE INDEX prestaties_toewijzing ON prestaties (gemeente, toewijzing_nummer, categorie, code, begindatum);
CREATE INDEX prestaties_bericht ON prestaties (bericht_id, referentie_nummer);
CREATE TABLE beoordelingen (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  aanbieder TEXT NOT NULL,
  referentie_nummer TEXT NOT NULL,
  goedgekeurd INTEGER NOT NULL CHECK (goedgekeurd IN (0, 1))
);
CREATE INDEX beoordelingen_referentie ON beoordelingen (aanbieder, referentie_nummer, goedgekeurd);
CREATE INDEX beoordelingen_bericht ON beoordelingen (bericht_id);
CREATE TABLE antwoorden (
  seq INTEGER PRIMARY KEY,
  bericht_id TEXT NOT NULL,
  declaratie_bericht_id TEXT NOT NULL
);
CREATE INDEX antwoorden_declaratie ON antwoorden (declaratie_bericht_id);
CREATE INDEX antwoorden_bericht ON antwoorden (bericht_id);
`;
