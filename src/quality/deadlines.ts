/**
 * The reaction terms the quality figures follow, planned from one stored message (pure; writer.ts
 * applies the plan in the message's own transaction):
 *
 * - retour: every heen-bericht with a retour gets its retour within 3 werkdagen (OP090);
 * - antwoord: each verzoek of a JW315/JW317 gets a JW301 or JW319 within 5 werkdagen (OP274, OP346);
 * - declaratie-antwoord: a JW323 gets its JW325 within 10 werkdagen (OP090x4);
 * - startstop: a JW305/JW307 is sent within 5 werkdagen after the start or stop (OP271, OP272);
 * - woonplaats: a JW319 rejecting a JW315 on the woonplaatsbeginsel comes within 2 weeks of it (OP359).
 *
 * A message the gateway rejected on its recipient's behalf got its answer at once (the retour or
 * JW325 the gateway wrote), so its term is met on the day of receipt.
 */
import { dueDate, status, type DeadlineKind } from '../calendar/index.js';
import { MESSAGES, type MessageType } from '../standard/catalogue.js';
import type { KeyRef, LinkKind } from '../store/ports.js';
import { amsterdamDay } from './cells.js';
import type { QualityFacts } from './facts.js';

export const DEADLINE_SOORTEN = ['retour', 'antwoord', 'startstop', 'declaratie-antwoord', 'woonplaats'] as const;
export type DeadlineSoort = (typeof DEADLINE_SOORTEN)[number];

const CALENDAR_KIND: Readonly<Record<DeadlineSoort, DeadlineKind>> = {
  retour: 'retour',
  antwoord: 'antwoord',
  startstop: 'startstop',
  'declaratie-antwoord': 'declaratieantwoord',
  woonplaats: 'woonplaats',
};

/** Which term a reference of an answer meets. */
const ANSWERS: Readonly<Partial<Record<LinkKind, DeadlineSoort>>> = {
  'retour-of': 'retour',
  answers: 'antwoord',
  'declaratie-antwoord': 'declaratie-antwoord',
};

export interface TermsInput {
  readonly id: string;
  readonly receivedAt: string;
  readonly type: MessageType | null;
  readonly origin: 'received' | 'generated';
  readonly status: string;
  readonly afzender: string | null;
  readonly ontvanger: string | null;
  readonly offers: readonly string[];
  readonly references: readonly KeyRef[];
  readonly quality?: QualityFacts | null;
}

export interface NewTerm {
  readonly soort: DeadlineSoort;
  /** The correlation key its answer will reference; '' for a term decided at creation. */
  readonly key: string;
  readonly type: MessageType;
  /** Code of the party that has to act, and of the one waiting. */
  readonly party: string;
  readonly counterparty: string;
  readonly fromDay: string;
  readonly due: string;
  /** Set when the term is decided at once: the day it was met or breached. */
  readonly answeredOn: string | null;
}

export interface TermsPlan {
  readonly open: readonly NewTerm[];
  /** Terms this message answers: (soort, key) of open terms to close on `day`. */
  readonly answers: readonly { readonly soort: DeadlineSoort; readonly key: string }[];
  /** Verzoek keys this JW319 rejects on the woonplaatsbeginsel. */
  readonly woonplaats: readonly string[];
  readonly day: string;
}

const NOTHING = (day: string): TermsPlan => ({ open: [], answers: [], woonplaats: [], day });

// Nearly every message of a day has the same due date: remembered per term and day.
const dueMemo = new Map<string, string>();

export function due(soort: DeadlineSoort, from: string): string {
  const key = `${soort}|${from}`;
  let d = dueMemo.get(key);
  if (d === undefined) {
    if (dueMemo.size > 1000) dueMemo.clear();
    d = dueDate(CALENDAR_KIND[soort], from);
    dueMemo.set(key, d);
  }
  return d;
}

/** met/breached for a term answered on `answeredOn`, by the calendar's rule. */
export function outcome(dueDay: string, answeredOn: string): 'met' | 'breached' {
  return status(dueDay, answeredOn, answeredOn) === 'met' ? 'met' : 'breached';
}

export function planTerms(b: TermsInput): TermsPlan {
  const day = amsterdamDay(b.receivedAt);
  // Refused messages count as not sent (OP286): they neither start nor answer a term, except that
  // a rejected heen-bericht was answered by the gateway itself.
  if (b.origin !== 'received' || b.type === null || b.afzender === null || b.ontvanger === null) return NOTHING(day);
  if (b.status !== 'accepted' && b.status !== 'rejected') return NOTHING(day);
  const rejected = b.status === 'rejected';
  const spec = MESSAGES[b.type];
  const term = (soort: DeadlineSoort, key: string, fromDay: string, answeredOn: string | null, party = b.ontvanger!, counterparty = b.afzender!): NewTerm => ({
    soort,
    key,
    type: b.type!,
    party,
    counterparty,
    fromDay,
    due: due(soort, fromDay),
    answeredOn,
  });
  const open: NewTerm[] = [];
  const heenKey = b.offers.find((k) => k.startsWith('heen:')) ?? '';
  if (spec.kind === 'heen' && spec.retour !== undefined) open.push(term('retour', heenKey, day, rejected ? day : null));
  if (b.type === 'JW323') open.push(term('declaratie-antwoord', heenKey, day, rejected ? day : null));
  if (rejected) return { open, answers: [], woonplaats: [], day };

  if (b.type === 'JW315' || b.type === 'JW317') {
    for (const key of b.offers) if (key.startsWith('verzoek:')) open.push(term('antwoord', key, day, null));
  }
  const eventDate = b.quality?.eventDate ?? null;
  if ((b.type === 'JW305' || b.type === 'JW307') && eventDate !== null) {
    // The aanbieder reports its own start or stop: it is the party that has to be on time.
    open.push(term('startstop', '', eventDate, day, b.afzender, b.ontvanger));
  }
  const answers = b.references.flatMap((r) => {
    const soort = ANSWERS[r.kind];
    return soort === undefined ? [] : [{ soort, key: r.key }];
  });
  const woonplaats = b.type === 'JW319' && b.quality?.woonplaats === true ? answers.filter((a) => a.soort === 'antwoord').map((a) => a.key) : [];
  return { open, answers, woonplaats, day };
}
