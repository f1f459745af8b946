/**
 * Everything the gateway needs to know about a message, computed away from the event loop: the
 * validation report, the header fields for routing, the keys that link it to other messages, and,
 * when it breaks a rule, the answer the gateway sends on the recipient's behalf. Pure: bytes in,
 * plain data out, so it can run in a worker thread.
 */
import { deadlineFacts, NO_DEADLINE_FACTS, type DeadlineFacts } from '../quality/facts.js';
import { buildRetour } from '../retour/build.js';
import { buildJw325HeaderOnly } from '../retour/jw325.js';
import { MESSAGES, type MessageType } from '../standard/catalogue.js';
import type { ComplexType } from '../standard/model.js';
import type { Berichten } from '../standard/types.generated.js';
import { checkLarge, type ChunkPool } from '../validate/large.js';
import type { Fout, ValidationResult } from '../validate/report.js';
import type { RuleOptions, Violation } from '../validate/rules/rule.js';
import type { CheckedMessage } from '../validate/rules/run.js';
import type { SchemaSet } from '../validate/schema-set.js';
import type { KeyRef } from '../store/ports.js';
import { extractFacts, type Facts, type Jw323Facts } from '../state/facts.js';
import { answerDagtekening, buildJw325 } from '../state/declaratie/answer.js';
import { classesByPath } from '../retour/classes.js';

export interface HeaderFields {
  readonly afzender: string;
  readonly ontvanger: string;
  readonly identificatie: string;
  readonly dagtekening: string;
  /** Retours only: the retour's own identification, which is what its sender must keep unique. */
  readonly identificatieRetour: string | null;
}

export interface Answer {
  readonly type: MessageType;
  readonly xml: string;
  readonly retourcodes: readonly string[];
}

export interface Analysis {
  readonly result: ValidationResult;
  readonly header: HeaderFields | null;
  readonly offers: readonly string[];
  readonly references: readonly KeyRef[];
  /** Retourcodes the message itself carries (a retour, a JW325). */
  readonly retourcodes: readonly string[];
  /** The gateway's answer when the message breaks rules (or `headerCodes` asked for one). */
  readonly answer: Answer | null;
  /** What the message brings to the cross-message checks; null when it broke a rule already. */
  readonly facts: Facts | null;
  /** Dates and codes for the reaction terms of the quality figures. */
  readonly deadline: DeadlineFacts;
}

export interface AnalyseOptions {
  readonly schemas: SchemaSet;
  readonly maxBytes: number;
  readonly rules: RuleOptions;
  /** Identification for an answer the gateway may have to build (≤ 12 characters). */
  readonly answerId: string;
  /** yyyy-mm-dd, the gateway's today. */
  readonly today: string;
  /** Answer with these header-level codes regardless of the rules (9056 for a reused Identificatie). */
  readonly headerCodes?: readonly string[];
  /**
   * Answer with these cross-message violations, found by the store against earlier messages; each
   * names the class it concerns by XPath (its location).
   */
  readonly crossViolations?: readonly Fout[];
  /** Threads for validating a large declaratie in chunks; without, it is validated whole. */
  readonly chunkPool?: ChunkPool;
}

function headerFields(m: Berichten[MessageType]): HeaderFields {
  const h = m.Header;
  return {
    afzender: h.Afzender,
    ontvanger: h.Ontvanger,
    identificatie: h.BerichtIdentificatie.Identificatie,
    dagtekening: h.BerichtIdentificatie.Dagtekening,
    identificatieRetour: 'IdentificatieRetour' in h ? h.IdentificatieRetour : null,
  };
}

/** Correlation keys: what this message offers to later ones, and what it answers. */
function keys(c: CheckedMessage, h: HeaderFields): { offers: string[]; references: KeyRef[] } {
  const spec = MESSAGES[c.type];
  const offers: string[] = [];
  const references: KeyRef[] = [];
  if (spec.kind === 'retour') {
    offers.push(`retour:${c.type}:${h.ontvanger}:${h.identificatieRetour ?? ''}`);
    references.push({ kind: 'retour-of', key: `heen:${spec.answers}:${h.afzender}:${h.identificatie}` });
  } else {
    offers.push(`heen:${c.type}:${h.afzender}:${h.identificatie}`);
  }
  const verzoek = (agb: string, ref: string) => `verzoek:${agb}:${ref}`;
  switch (c.type) {
    case 'JW315':
      for (const p of (c as CheckedMessage<'JW315'>).message.Client.AangevraagdeProducten.AangevraagdProduct) {
        offers.push(verzoek(h.afzender, p.ReferentieAanbieder));
      }
      break;
    case 'JW317':
      offers.push(verzoek(h.afzender, (c as CheckedMessage<'JW317'>).message.Client.Verzoek.ReferentieAanbieder));
      break;
    case 'JW319':
      references.push({ kind: 'answers', key: verzoek(h.ontvanger, (c as CheckedMessage<'JW319'>).message.Antwoord.ReferentieAanbieder) });
      break;
    case 'JW301':
      for (const p of (c as CheckedMessage<'JW301'>).message.Client.ToegewezenProducten.ToegewezenProduct) {
        if (p.ReferentieAanbieder !== undefined) references.push({ kind: 'answers', key: verzoek(h.ontvanger, p.ReferentieAanbieder) });
      }
      break;
    case 'JW325': {
      const d = (c as CheckedMessage<'JW325'>).message.Header.DeclaratieIdentificatie;
      references.push({ kind: 'declaratie-antwoord', key: `heen:JW323:${h.ontvanger}:${d.Identificatie}` });
      break;
    }
    default:
      break;
  }
  return { offers: [...new Set(offers)], references };
}

/** Whether a type's schema has a RetourCodes element anywhere (retours and JW325). */
function declaresRetourCodes(type: ComplexType, seen = new Set<ComplexType>()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  return type.children.some((c) => c.name === 'RetourCodes' || (c.type.kind === 'complex' && declaresRetourCodes(c.type, seen)));
}

/**
 * The message types that can carry retourcodes. For the others (every heen-bericht but JW325) the
 * walk over the whole typed message below always came back empty, at 8–25 µs per JW301 (self
 * time in two CPU profiles).
 */
const CARRIES_CODES = new Set((Object.keys(MESSAGES) as MessageType[]).filter((t) => declaresRetourCodes(MESSAGES[t].root)));
export const carriesRetourCodes = (type: MessageType): boolean => CARRIES_CODES.has(type);

/** Every RetourCode anywhere in the message, in document order, once each. */
function carriedCodes(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) carriedCodes(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'RetourCodes') for (const code of (v as { RetourCode: string[] }).RetourCode) out.add(code);
      else carriedCodes(v, out);
    }
  }
  return out;
}

/**
 * Faults in the report that no rule reported: found on the bytes before the rules ran (a BOM,
 * which the standard forbids but which leaves the rest checkable). They reject the message too.
 */
function inputFouten(result: ValidationResult, c: CheckedMessage): Fout[] {
  const ruleCodes = new Set(c.violations.map((v) => v.code));
  return result.fouten.filter((f) => !ruleCodes.has(f.code));
}

function answerFor(c: CheckedMessage, input: readonly Fout[], options: AnalyseOptions, facts: Facts | null): Answer | null {
  const spec = MESSAGES[c.type];
  const forced = options.headerCodes ?? [];
  const crossFouten = options.crossViolations ?? [];
  if (c.violations.length === 0 && input.length === 0 && forced.length === 0 && crossFouten.length === 0) return null;
  if (c.type === 'JW323') {
    if (forced.length === 0 && c.violations.length === 0 && input.length === 0 && facts !== null) {
      // Cross-message findings: the JW325 per process.md §2.4 (state/declaratie/answer.ts), built
      // from the facts the analysis read anyway.
      const claim = facts as Jw323Facts;
      const dagtekening = answerDagtekening(claim.header.dagtekening, options.today);
      const built = buildJw325(claim, crossFouten, { identificatie: options.answerId, dagtekening });
      return { type: 'JW325', xml: built.xml, retourcodes: built.retourcodes };
    }
    const codes = forced.length > 0 ? forced : ['0001'];
    const xml = buildJw325HeaderOnly(c as CheckedMessage<'JW323'>, { identificatie: options.answerId, dagtekening: options.today, retourcodes: codes });
    return { type: 'JW325', xml, retourcodes: codes };
  }
  if (spec.retour === undefined) return null; // retours and JW325 are never answered
  const header = (c.message as { Header: object }).Header;
  const violations: Violation[] =
    forced.length > 0
      ? forced.map((code) => ({ code: 'TR056', retourcode: code, location: '/', line: 0, message: '', detail: '', target: header as Violation['target'] }))
      : [...c.violations, ...input.map((f) => ({ ...f, target: header as Violation['target'] })), ...crossTargets(c, crossFouten)];
  const xml = buildRetour(c, violations, { identificatieRetour: options.answerId, dagtekeningRetour: options.today });
  const codes = violations.some((v) => v.retourcode === '0001') ? ['0001'] : [...new Set(violations.map((v) => v.retourcode))];
  return { type: spec.retour, xml, retourcodes: codes };
}

/** Cross-message violations placed on the classes their locations name (the header when none). */
function crossTargets(c: CheckedMessage, fouten: readonly Fout[]): Violation[] {
  if (fouten.length === 0) return [];
  const classes = classesByPath(c);
  const header = (c.message as { Header: Violation['target'] }).Header;
  return fouten.map((f) => ({ ...f, target: classes.get(f.location) ?? header }));
}

export async function analyse(bytes: Uint8Array, options: AnalyseOptions): Promise<Analysis> {
  const { result, checked } = await checkLarge(bytes, options, options.chunkPool);
  if (checked === null) return { result, header: null, offers: [], references: [], retourcodes: [], answer: null, facts: null, deadline: NO_DEADLINE_FACTS };
  const header = headerFields(checked.message);
  const { offers, references } = keys(checked, header);
  const facts = result.fouten.length === 0 ? extractFacts(checked) : null;
  return {
    result,
    header,
    offers,
    references,
    retourcodes: carriesRetourCodes(checked.type) ? [...carriedCodes(checked.message)] : [],
    answer: answerFor(checked, inputFouten(result, checked), options, facts),
    facts,
    deadline: deadlineFacts(checked.type, checked.message),
  };
}
