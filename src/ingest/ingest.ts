/**
 * The pipeline for one message posted to the gateway: analyse (off the event loop) → authorise →
 * de-duplicate → decide → store (committed before we answer) → queue for delivery. Returns the
 * HTTP answer as data; only the store does I/O here.
 */
import { createHash } from 'node:crypto';
import { toAmsterdamDate } from '../calendar/index.js';
import type { Directory, Party } from '../mappings/types.js';
import { qualityFacts } from '../quality/facts.js';
import { mayActFor, route } from '../route/route.js';
import { MESSAGES, type MessageType } from '../standard/catalogue.js';
import type { BerichtStatus, ClaimMode, NewBericht, Store } from '../store/ports.js';
import { withClaimFindings } from '../state/declaratie/admit.js';
import { answerDagtekening } from '../state/declaratie/answer.js';
import type { Fout, ValidationResult } from '../validate/report.js';
import { compareDates } from '../validate/rules/support.js';
import type { Analysis, Answer, HeaderFields } from './analyse.js';
import type { Ids } from './ids.js';
import type { Analyser } from './pool.js';

/** The party id under which the gateway itself records the answers it writes. */
export const GATEWAY_PARTY = 'gateway';

export interface IngestDeps {
  readonly store: Store;
  readonly directory: Directory;
  readonly analyser: Analyser;
  readonly ids: Ids;
  readonly clock: () => Date;
}

export type Outcome = 'accepted' | 'rejected' | 'invalid' | 'conflict' | 'forbidden';

export interface IngestAnswer {
  readonly statusCode: number;
  readonly body: IngestBody;
  /** New deliveries were committed and wait for the pusher or a mailbox. */
  readonly queued: boolean;
  /** One of them waits for the pusher: wake it (a mailbox waits for its owner to fetch). */
  readonly pushQueued: boolean;
  /** The full validation report, for answers in XML. */
  readonly report: ValidationResult;
}

export interface IngestBody {
  readonly id: string | null;
  readonly outcome: Outcome;
  readonly type: MessageType | null;
  readonly berichtIdentificatie: string | null;
  /** Party id the message is routed to. */
  readonly ontvanger: string | null;
  /** The answer the gateway wrote on the recipient's behalf, delivered to the sender. */
  readonly antwoord: { readonly id: string; readonly type: MessageType; readonly retourcodes: readonly string[] } | null;
  /** Dutch summary for the sender. */
  readonly melding: string;
  readonly fouten: readonly Fout[];
}

const MELDING: Readonly<Record<Outcome, string>> = {
  accepted: 'Bericht ontvangen, goedgekeurd en doorgestuurd naar de ontvanger.',
  rejected: 'Bericht ontvangen en afgekeurd; het antwoord met retourcodes staat klaar voor de verzender.',
  invalid: 'Bericht geweigerd: het voldoet niet aan het XSD-schema of is geen iJw-bericht. Er wordt niets doorgestuurd.',
  conflict: 'Bericht afgekeurd: deze Identificatie is eerder gebruikt voor een ander bericht (retourcode 9056).',
  forbidden: 'Bericht geweigerd: u mag geen berichten versturen namens deze afzender.',
};

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function today(clock: () => Date): string {
  return toAmsterdamDate(clock());
}

export function senderParty(code: string, directory: Directory): Party | undefined {
  return /^\d{4}$/.test(code) ? directory.gemeente(code) : directory.aanbieder(code);
}

/** TR378: the addressed gemeentecode is not a gemeente of the CBS list; nobody can receive it. */
export function unknownGemeente(recipientCode: string): Fout {
  return {
    code: 'TR378',
    retourcode: 'S300',
    location: '/',
    line: 0,
    message: 'De ontvanger in de header is geen bestaande gemeentecode.',
    detail: `Ontvanger gemeentecode ${recipientCode} is not in the CBS list of gemeenten.`,
  };
}

/** The messages TR135 applies to: every one but the retours, which IV028 dates against their heen. */
const DATED_BY_SENDER: ReadonlySet<MessageType> = new Set(['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323', 'JW325']);

/**
 * TR135: the Dagtekening lies after the receiver's system date, which for the messages the gateway
 * answers is the gateway's own day in Amsterdam (an external-source check, level 4: 8848 in the
 * header). Null when it does not, or for a retour.
 */
export function futureDagtekening(type: MessageType, dagtekening: string, today: string): Fout | null {
  if (!DATED_BY_SENDER.has(type) || !(compareDates(dagtekening, today) > 0)) return null;
  return {
    code: 'TR135',
    retourcode: '8848',
    location: '/',
    line: 0,
    message: 'De dagtekening van het bericht ligt na de systeemdatum van de ontvanger.',
    detail: `Dagtekening ${dagtekening} lies after the receiving system's date ${today}.`,
  };
}

/**
 * The message's own Identificatie (a retour's is IdentificatieRetour) and its idempotency key: one
 * sender may use an Identificatie once per message type (TR056).
 */
export function identity(type: MessageType, senderCode: string, header: HeaderFields): { readonly ownId: string; readonly idempotencyKey: string } {
  const ownId = MESSAGES[type].kind === 'retour' ? (header.identificatieRetour ?? header.identificatie) : header.identificatie;
  return { ownId, idempotencyKey: `${senderCode}|${type}|${ownId}` };
}

export async function ingest(bytes: Uint8Array, from: Party, deps: IngestDeps): Promise<IngestAnswer> {
  try {
    return await ingestOnce(bytes, from, deps);
  } catch (err) {
    // Two sendings of one Identificatie raced past the look-up; the database kept the first.
    // Deciding again now finds it, and answers as for any resend.
    if (isIdempotencyClash(err)) return ingestOnce(bytes, from, deps);
    throw err;
  }
}

function isIdempotencyClash(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes('idempotency_key');
}

async function ingestOnce(bytes: Uint8Array, from: Party, deps: IngestDeps): Promise<IngestAnswer> {
  const { store, directory, analyser, ids, clock } = deps;
  const id = ids.bericht();
  const receivedAt = clock().toISOString();
  const digest = sha256(bytes);
  const day = today(clock);
  const analysis = await analyser.analyse({ bytes, answerId: ids.answer(), today: day });
  const { result, header } = analysis;
  const type = result.type;

  const base = {
    id,
    receivedAt,
    type,
    origin: 'received' as const,
    senderId: from.id,
    sha256: digest,
    body: bytes,
    report: result,
    quality: qualityFacts(directory, from, header, analysis.deadline),
  };

  if (!result.xsdValid || type === null || header === null) {
    const body = answerBody(id, 'invalid', result, type, null);
    await store.save([
      {
        ...base,
        recipientId: null,
        afzender: null,
        ontvanger: null,
        identificatie: result.berichtIdentificatie?.identificatie ?? null,
        dagtekening: result.berichtIdentificatie?.dagtekening ?? null,
        idempotencyKey: null,
        status: 'invalid',
        answer: { statusCode: 422, body },
        retourcodes: [],
        offers: [],
        references: [],
        links: [],
        deliverTo: null,
      },
    ]);
    return { statusCode: 422, body, queued: false, pushQueued: false, report: result };
  }

  const routed = route(type, { Afzender: header.afzender, Ontvanger: header.ontvanger }, directory);
  if (!mayActFor(from, routed.senderCode, type, directory)) {
    // Nothing is stored: the message is not this party's to send, and may hold someone else's data.
    return { statusCode: 403, body: { ...answerBody(null, 'forbidden', result, type, null), fouten: [] }, queued: false, pushQueued: false, report: result };
  }

  if (!routed.ok) {
    const fout = unknownGemeente(routed.recipientCode);
    return headerCodeAnswer(bytes, from, deps, { base, analysis, type, senderCode: routed.senderCode, recipientId: null, day, fout, status: 'rejected', statusCode: 202, link: null, idempotencyKey: null });
  }

  // What an answer in the header to this routed message is built from (headerCodeAnswer).
  const inHeader = { base, analysis, type, senderCode: routed.senderCode, recipientId: routed.recipient.id, day };
  const { ownId, idempotencyKey } = identity(type, routed.senderCode, header);
  const original = store.original(idempotencyKey);
  if (original !== undefined) {
    if (original.sha256 === digest && original.answer !== null) {
      // An identical resend: the same answer as the first time, nothing stored twice.
      return { statusCode: original.answer.statusCode, body: original.answer.body as IngestBody, queued: false, pushQueued: false, report: result };
    }
    const fout: Fout = {
      code: 'TR056',
      retourcode: '9056',
      location: '/',
      line: 0,
      message: 'De Identificatie van dit bericht is eerder door deze afzender gebruikt voor een ander bericht van dit type.',
      detail: `Identificatie must be unique per message type per sender; first used by message ${original.id}.`,
    };
    return headerCodeAnswer(bytes, from, deps, { ...inHeader, fout, status: 'conflict', statusCode: 409, link: { toId: original.id, kind: 'conflicts-with' }, idempotencyKey: null });
  }

  // An external-source check (process.md §7, level 4): after the message's own rules, whose 0001
  // answers first, and before the cross-message rules are asked, as an error in the header is
  // answered in the header only. Kept as any rejected message is: an identical resend gets this
  // answer again, a corrected one needs an Identificatie of its own. A recipient that judges for
  // itself gets the message with the finding.
  const future = result.fouten.length === 0 ? futureDagtekening(type, header.dagtekening, day) : null;
  if (future !== null && !routed.recipient.forwardRejected) {
    return headerCodeAnswer(bytes, from, deps, { ...inHeader, fout: future, status: 'rejected', statusCode: 202, link: null, idempotencyKey });
  }
  const checked: ValidationResult = future === null ? result : { ...result, valid: false, fouten: [...result.fouten, future] };

  const common = {
    ...base,
    report: checked,
    afzender: header.afzender,
    ontvanger: header.ontvanger,
    identificatie: ownId,
    dagtekening: header.dagtekening,
    idempotencyKey,
    offers: analysis.offers,
    references: analysis.references,
    links: [],
  };
  const broken = checked.fouten.length > 0;
  const answer = broken && !routed.recipient.forwardRejected ? analysis.answer : null;
  const sender = senderParty(routed.senderCode, directory) ?? from;

  if (answer === null) {
    // Valid, or broken but the recipient judges for itself, or a retour/JW325 that cannot be answered.
    const body = answerBody(id, 'accepted', checked, type, routed.recipient.id);
    const record: NewBericht = {
      ...common,
      recipientId: routed.recipient.id,
      status: 'accepted',
      answer: { statusCode: 202, body },
      retourcodes: analysis.retourcodes,
      deliverTo: { partyId: routed.recipient.id, mode: routed.recipient.delivery.mode },
    };
    if (broken) {
      // Forwarded for the recipient to judge: it counts as sent only if the recipient accepts it.
      await store.save([record]);
      return { statusCode: 202, body, queued: true, pushQueued: pushes([record]), report: checked };
    }
    const claim = type === 'JW323' ? claimMode(routed.factuurbureau, record, sender, ids, header, day) : undefined;
    const admission = await store.admit({ record, facts: analysis.facts, today: day, ...(claim === undefined ? {} : { claim }) });
    if (admission.stored) {
      const pushQueued = pushes([record]) || (admission.answer !== undefined && claim?.kind === 'answer' && pushes([claim.answer]));
      if (admission.violations.length === 0 && admission.answer === undefined) return { statusCode: 202, body, queued: true, pushQueued, report: checked };
      // A claim admitted with findings on its prestaties, and/or answered by the gateway for a billing office.
      const report: ValidationResult = { ...checked, valid: admission.violations.length === 0, fouten: [...checked.fouten, ...admission.violations] };
      return { statusCode: 202, body: withClaimFindings(body, admission.violations, admission.answer), queued: true, pushQueued, report };
    }
    return crossRejected(bytes, deps, { record, analysis, violations: admission.violations, sender, day });
  }

  const answerRecord = generated(answer, id, sender, receivedAt, ids, header);
  const body = answerBody(id, 'rejected', checked, type, routed.recipient.id, answerRecord.id, answer);
  await store.save([
    {
      ...common,
      recipientId: routed.recipient.id,
      status: 'rejected',
      answer: { statusCode: 202, body },
      retourcodes: analysis.retourcodes,
      deliverTo: null,
    },
    answerRecord,
  ]);
  return { statusCode: 202, body, queued: true, pushQueued: pushes([answerRecord]), report: checked };
}

/**
 * How a JW323 is admitted (state/declaratie/admit.ts): to a billing office the gateway answers with
 * the JW325 itself, judged per prestatie; a gemeente gets the claim with any findings on its
 * prestaties and answers it with its own JW325.
 */
function claimMode(billingOffice: boolean, record: NewBericht, sender: Party, ids: Ids, heen: HeaderFields, day: string): ClaimMode {
  if (!billingOffice) return { kind: 'forward' };
  const placeholder: Answer = { type: 'JW325', xml: '', retourcodes: [] };
  return { kind: 'answer', identificatie: ids.answer(), dagtekening: answerDagtekening(heen.dagtekening, day), answer: generated(placeholder, record.id, sender, record.receivedAt, ids, heen) };
}

interface CrossContext {
  readonly record: NewBericht;
  readonly analysis: Analysis;
  readonly violations: readonly Fout[];
  readonly sender: Party;
  readonly day: string;
}

/**
 * A message that passed its own rules but breaks a rule that needs earlier messages: answered with
 * the retour that puts those codes on the classes concerned, or forwarded with the findings when
 * the recipient judges for itself. Either way it changed no state.
 */
async function crossRejected(bytes: Uint8Array, deps: IngestDeps, c: CrossContext): Promise<IngestAnswer> {
  const { store, directory, analyser, ids } = deps;
  const { record, analysis } = c;
  const result: ValidationResult = { ...analysis.result, valid: false, fouten: [...analysis.result.fouten, ...c.violations] };
  const recipient = record.recipientId === null ? undefined : directory.partyById(record.recipientId);
  if (recipient?.forwardRejected === true) {
    const body = answerBody(record.id, 'accepted', result, record.type, record.recipientId);
    await store.save([{ ...record, report: result, answer: { statusCode: 202, body } }]);
    return { statusCode: 202, body, queued: true, pushQueued: pushes([record]), report: result };
  }
  const redo = await analyser.analyse({ bytes, answerId: ids.answer(), today: c.day, crossViolations: c.violations });
  const answerRecord = redo.answer === null ? null : generated(redo.answer, record.id, c.sender, record.receivedAt, ids, analysis.header!);
  const body = answerBody(record.id, 'rejected', result, record.type, record.recipientId, answerRecord?.id ?? null, redo.answer);
  await store.save([
    { ...record, report: result, status: 'rejected', answer: { statusCode: 202, body }, deliverTo: null },
    ...(answerRecord === null ? [] : [answerRecord]),
  ]);
  return { statusCode: 202, body, queued: answerRecord !== null, pushQueued: answerRecord !== null && pushes([answerRecord]), report: result };
}

interface HeaderCodeContext {
  readonly base: Omit<NewBericht, 'recipientId' | 'afzender' | 'ontvanger' | 'identificatie' | 'dagtekening' | 'idempotencyKey' | 'status' | 'answer' | 'retourcodes' | 'offers' | 'references' | 'links' | 'deliverTo'>;
  readonly analysis: Analysis;
  readonly type: MessageType;
  readonly senderCode: string;
  readonly recipientId: string | null;
  readonly day: string;
  readonly fout: Fout;
  readonly status: 'conflict' | 'rejected';
  readonly statusCode: 202 | 409;
  readonly link: { readonly toId: string; readonly kind: 'conflicts-with' } | null;
  readonly idempotencyKey: string | null;
}

/**
 * A message refused for something in its header (TR056: reused Identificatie, 9056; TR378: unknown
 * gemeente, S300): answered with a header-only retour carrying that code where an answer exists,
 * never forwarded.
 */
async function headerCodeAnswer(bytes: Uint8Array, from: Party, deps: IngestDeps, c: HeaderCodeContext): Promise<IngestAnswer> {
  const { store, directory, analyser, ids } = deps;
  const header = c.analysis.header!;
  const redo = await analyser.analyse({ bytes, answerId: ids.answer(), today: c.day, headerCodes: [c.fout.retourcode] });
  const sender = senderParty(c.senderCode, directory) ?? from;
  const answerRecord = redo.answer === null ? null : generated(redo.answer, c.base.id, sender, c.base.receivedAt, ids, header);
  const result: ValidationResult = { ...c.analysis.result, valid: false, fouten: [...c.analysis.result.fouten, c.fout] };
  const outcome: Outcome = c.status === 'conflict' ? 'conflict' : 'rejected';
  const body = answerBody(c.base.id, outcome, result, c.type, c.recipientId, answerRecord?.id ?? null, redo.answer);
  await store.save([
    {
      ...c.base,
      report: result,
      recipientId: c.recipientId,
      afzender: header.afzender,
      ontvanger: header.ontvanger,
      identificatie: header.identificatieRetour ?? header.identificatie,
      dagtekening: header.dagtekening,
      idempotencyKey: c.idempotencyKey,
      status: c.status,
      answer: { statusCode: c.statusCode, body },
      retourcodes: c.analysis.retourcodes,
      offers: [],
      references: [],
      links: c.link === null ? [] : [c.link],
      deliverTo: null,
    },
    ...(answerRecord === null ? [] : [answerRecord]),
  ]);
  return { statusCode: c.statusCode, body, queued: answerRecord !== null, pushQueued: answerRecord !== null && pushes([answerRecord]), report: result };
}

function pushes(records: readonly NewBericht[]): boolean {
  return records.some((r) => r.deliverTo?.mode === 'push');
}

/** The record of an answer the gateway wrote, queued for the sender of the message it answers. */
function generated(answer: Answer, answersId: string, sender: Party, at: string, ids: Ids, heen: HeaderFields): NewBericht {
  const bytes = Buffer.from(answer.xml, 'utf8');
  return {
    id: ids.bericht(),
    receivedAt: at,
    type: answer.type,
    origin: 'generated',
    senderId: GATEWAY_PARTY,
    recipientId: sender.id,
    // A retour copies its heen-bericht's header; a JW325 turns it round.
    afzender: answer.type === 'JW325' ? heen.ontvanger : heen.afzender,
    ontvanger: answer.type === 'JW325' ? heen.afzender : heen.ontvanger,
    identificatie: null,
    dagtekening: at.slice(0, 10),
    idempotencyKey: null,
    sha256: sha256(bytes),
    body: bytes,
    status: 'generated' satisfies BerichtStatus,
    report: { type: answer.type, berichtIdentificatie: null, wellFormed: true, xsdValid: true, valid: true, fouten: [] },
    answer: null,
    retourcodes: answer.retourcodes,
    offers: [],
    references: [],
    links: [{ toId: answersId, kind: 'generated-for' }],
    deliverTo: { partyId: sender.id, mode: sender.delivery.mode },
  };
}

function answerBody(
  id: string | null,
  outcome: Outcome,
  result: ValidationResult,
  type: MessageType | null,
  ontvanger: string | null,
  antwoordId: string | null = null,
  answer: Answer | null = null,
): IngestBody {
  return {
    id,
    outcome,
    type,
    berichtIdentificatie: result.berichtIdentificatie?.identificatie ?? null,
    ontvanger,
    antwoord: antwoordId === null || answer === null ? null : { id: antwoordId, type: answer.type, retourcodes: answer.retourcodes },
    melding: MELDING[outcome],
    fouten: result.fouten,
  };
}
