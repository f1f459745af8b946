/**
 * What the quality tallies need to know about a message beyond its header columns, decided where
 * the directory and the parsed message are at hand (ingest) and stored with the message, so that
 * the tallies can be counted again from the store alone. Codes and dates only: never a BSN.
 */
import type { Directory, Party } from '../mappings/types.js';
import type { MessageType } from '../standard/catalogue.js';
import type { Berichten } from '../standard/types.generated.js';
import { isPlainDate } from '../validate/rules/support.js';

/** Uitvoeringsvarianten (toewijzingsvarianten) as the standard names them. */
export const VARIANTS = ['inspanningsgericht', 'outputgericht', 'taakgericht'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Dates and codes read from the message for the reaction terms (see deadlines.ts). */
export interface DeadlineFacts {
  /** JW305: the earliest Begindatum of a start, JW307: the earliest Einddatum of a stop (OP271/OP272). */
  readonly eventDate: string | null;
  /** A JW319 rejecting a verzoek on the woonplaatsbeginsel (RedenAfwijzingVerzoek 8, OP359). */
  readonly woonplaats: boolean;
}

export interface QualityFacts extends DeadlineFacts {
  /** The sending party's code (AGB or gemeentecode) or, without one, its party id. */
  readonly sender: string;
  /** Jeugdregio of the gemeente side of the message at the time it was received. */
  readonly regio: string | null;
  readonly variant: Variant | null;
}

export const NO_DEADLINE_FACTS: DeadlineFacts = Object.freeze({ eventDate: null, woonplaats: false });

const GEMEENTECODE = /^\d{4}$/;

/** The gemeente side of a message: whichever of Afzender and Ontvanger is a gemeentecode. */
export function gemeenteOf(afzender: string | null, ontvanger: string | null): string {
  if (afzender !== null && GEMEENTECODE.test(afzender)) return afzender;
  if (ontvanger !== null && GEMEENTECODE.test(ontvanger)) return ontvanger;
  return '';
}

export function partyCode(party: Party): string {
  return party.code ?? party.id;
}

/** Regio and variant for a gemeente side, or for the party itself when the message shows none. */
function regioFacts(directory: Directory, gemeente: string, from: Party | null): Pick<QualityFacts, 'regio' | 'variant'> {
  const regio = gemeente === '' ? (from?.regio === undefined ? undefined : directory.regios.find((r) => r.name === from.regio)) : directory.regioOf(gemeente);
  return { regio: regio?.name ?? null, variant: regio?.uitvoeringsvariant ?? null };
}

export function qualityFacts(
  directory: Directory,
  from: Party,
  header: { readonly afzender: string; readonly ontvanger: string } | null,
  deadline: DeadlineFacts,
): QualityFacts {
  const sender = partyCode(from);
  const gemeente = header === null ? gemeenteOf(sender, null) : gemeenteOf(header.afzender, header.ontvanger);
  return { sender, ...regioFacts(directory, gemeente, from), ...deadline };
}

/** For a transport refusal only the authenticated party, if any, is known. */
export function refusalFacts(directory: Directory, from: Party | null): QualityFacts {
  if (from === null) return { sender: '', regio: null, variant: null, ...NO_DEADLINE_FACTS };
  return qualityFacts(directory, from, null, NO_DEADLINE_FACTS);
}

/**
 * The earliest of the plain dates. A term counted from a date in year 12026 or -2026 (the schema
 * takes both) would be met or breached by the calendar's arithmetic alone, so those start none.
 */
function earliest(dates: readonly string[]): string | null {
  const plain = dates.filter(isPlainDate);
  return plain.length === 0 ? null : plain.reduce((a, b) => (b < a ? b : a));
}

/**
 * Reads the facts for the reaction terms from a schema-valid message. Starts and stops that delete
 * an earlier one (StatusAanlevering 3) start no term; the earliest event is the strictest term.
 */
export function deadlineFacts(type: MessageType, message: Berichten[MessageType]): DeadlineFacts {
  switch (type) {
    case 'JW305': {
      const products = (message as Berichten['JW305']).Client.StartProducten.StartProduct.filter((p) => p.StatusAanlevering === '1');
      return { eventDate: earliest(products.map((p) => p.Begindatum)), woonplaats: false };
    }
    case 'JW307': {
      const products = (message as Berichten['JW307']).Client.StopProducten.StopProduct.filter((p) => p.StatusAanlevering === '1');
      return { eventDate: earliest(products.map((p) => p.Einddatum)), woonplaats: false };
    }
    case 'JW319': {
      const antwoord = (message as Berichten['JW319']).Antwoord;
      return { eventDate: null, woonplaats: antwoord.VerzoekAntwoord === '1' && antwoord.RedenAfwijzingVerzoek === '8' };
    }
    default:
      return NO_DEADLINE_FACTS;
  }
}
