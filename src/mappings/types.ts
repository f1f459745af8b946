/**
 * The parties the gateway knows and how they are reached, as loaded from mappings/. Everything
 * here is plain data; loading and validating it is mappings/load.ts, routing is route/.
 */
import type { MessageType } from '../standard/catalogue.js';

export type PartyKind = 'gemeente' | 'aanbieder' | 'factuurbureau' | 'intermediair' | 'ketenbureau';

export type DeliveryMode =
  | { readonly mode: 'mailbox' }
  | {
      readonly mode: 'push';
      /** HTTPS endpoint that receives POSTed messages (HTTP allowed only on loopback, for tests). */
      readonly url: string;
      readonly timeoutMs: number;
      readonly maxAttempts: number;
      /** Extra request headers, e.g. the recipient's own API key for our calls. */
      readonly headers: Readonly<Record<string, string>>;
    };

export interface Party {
  /** Stable id used in the store, logs and URLs: 'gemeente:0228', 'aanbieder:98041733', 'factuurbureau:food-valley'. */
  readonly id: string;
  readonly kind: PartyKind;
  /** CBS gemeentecode (4 digits) for a gemeente, AGB code (8 digits) for an aanbieder. */
  readonly code?: string;
  readonly name: string;
  /** Jeugdregio of a gemeente, or the regio a factuurbureau serves. */
  readonly regio?: string;
  readonly delivery: DeliveryMode;
  /** The recipient wants every message, also those that break rules, to judge them itself. */
  readonly forwardRejected: boolean;
  /**
   * Ids of the gemeenten and aanbieders this party may send for (an intermediary, a gastheergemeente).
   * A factuurbureau does not list its regio's gemeenten here: it may send only the answers to its
   * billing types for them, which route/route.ts mayActFor() derives from Regio.factuurbureau.
   */
  readonly actsFor: readonly string[];
  /** Lower-case hex SHA-256 of each API key; keys themselves are never stored. */
  readonly apiKeySha256: readonly string[];
  /** Lower-case hex SHA-256 fingerprints of client certificates (DER) that authenticate as this party. */
  readonly certificateSha256: readonly string[];
  /** May replay messages and see everything (operators of the gateway). */
  readonly operator: boolean;
}

export interface Regio {
  readonly name: string;
  /** CBS codes of its gemeenten. */
  readonly gemeenten: readonly string[];
  /**
   * Centrale facturatie: these message types for any gemeente of the regio go to this party, which
   * answers them in the gemeente's name (JW323 in, JW325 out: see typesSentByFactuurbureau()).
   */
  readonly factuurbureau?: { readonly partyId: string; readonly types: readonly MessageType[] };
  /** How the regio buys youth care, where regios.json says so. */
  readonly uitvoeringsvariant?: 'inspanningsgericht' | 'outputgericht' | 'taakgericht';
}

export interface Directory {
  readonly parties: readonly Party[];
  readonly regios: readonly Regio[];
  /** Also resolves 'aanbieder:<AGB>' of an unconfigured aanbieder, as aanbieder() does. */
  partyById(id: string): Party | undefined;
  /** Every CBS gemeente has a party; unconfigured ones receive by mailbox. */
  gemeente(code: string): Party | undefined;
  /** A configured aanbieder, or a mailbox-only party for an AGB code we have no settings for. */
  aanbieder(agb: string): Party;
  byApiKey(key: string): Party | undefined;
  /** Lower-case hex, or Node's fingerprint256 form ('AB:CD:…'). */
  byCertificate(sha256: string): Party | undefined;
  regioOf(gemeenteCode: string): Regio | undefined;
}
