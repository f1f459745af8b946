/**
 * Seeding: one message of the history the parties exchanged before their region switched to the
 * gateway, recorded so that the cross-message rules find what later messages refer to (the JW301
 * a JW305 starts, the open VOT a JW301 honours, the JW323 a JW325 answers). The same analysis as
 * `ingest` (XSD, in-message rules) decides whether it is a valid message; a valid one is stored
 * with status 'seeded' and its facts applied whatever the cross-message rules say (it was
 * accepted long ago: "counts as not sent" cannot undo that), with the findings those rules would
 * have had returned as data-quality feedback. Nothing is delivered, answered or tallied.
 */
import { createHash } from 'node:crypto';
import { toAmsterdamDate } from '../calendar/index.js';
import type { Directory } from '../mappings/types.js';
import { route } from '../route/route.js';
import type { MessageType } from '../standard/catalogue.js';
import type { AdmitRequest, NewBericht, Seeding } from '../store/ports.js';
import type { Fout } from '../validate/report.js';
import type { Ids } from './ids.js';
import { identity, senderParty, unknownGemeente, type IngestBody } from './ingest.js';
import type { Analyser } from './pool.js';

/** The party id a seeded message is recorded under when its sender is in no directory. */
export const SEED_PARTY = 'seed';

export interface SeedDeps {
  readonly store: { seed(request: AdmitRequest): Promise<Seeding> };
  readonly directory: Directory;
  readonly analyser: Analyser;
  readonly ids: Ids;
  readonly clock: () => Date;
}

export type SeedOutcome = Seeding['outcome'] | 'invalid';

export interface SeedResult {
  readonly outcome: SeedOutcome;
  readonly type: MessageType | null;
  readonly berichtIdentificatie: string | null;
  /** seeded: the stored id; duplicate, conflict: the id of the message already under its key. */
  readonly id: string | null;
  /** invalid: why it was skipped (input codes, XSD, in-message rules, TR378). */
  readonly errors: readonly Fout[];
  /** seeded: the cross-message findings it would have had if sent today (applied regardless). */
  readonly findings: readonly Fout[];
}

// An answer is only built for a broken message, which is skipped; its identification is never used.
const UNUSED_ANSWER_ID = 'SEED';

const MELDING =
  'Bericht is al uitgewisseld voordat de regio op de gateway overging (historie, ingelezen met ijw-gateway seed); het wordt niet opnieuw doorgestuurd.';

export async function seedMessage(bytes: Uint8Array, deps: SeedDeps): Promise<SeedResult> {
  const { store, directory, analyser, ids, clock } = deps;
  const analysis = await analyser.analyse({ bytes, answerId: UNUSED_ANSWER_ID, today: toAmsterdamDate(clock()) });
  const { result, header, facts } = analysis;
  const type = result.type;
  const berichtIdentificatie = result.berichtIdentificatie?.identificatie ?? null;
  const invalid = (errors: readonly Fout[]): SeedResult => ({ outcome: 'invalid', type, berichtIdentificatie, id: null, errors, findings: [] });
  if (!result.valid || type === null || header === null || facts === null) return invalid(result.fouten);

  const routed = route(type, { Afzender: header.afzender, Ontvanger: header.ontvanger }, directory);
  if (!routed.ok) return invalid([unknownGemeente(routed.recipientCode)]);
  const { ownId, idempotencyKey } = identity(type, routed.senderCode, header);
  const id = ids.bericht();
  // A later identical sending gets this answer, as any resend does: it was accepted, not forwarded again.
  const answer: IngestBody = { id, outcome: 'accepted', type, berichtIdentificatie: ownId, ontvanger: routed.recipient.id, antwoord: null, melding: MELDING, fouten: [] };
  const record: NewBericht = {
    id,
    receivedAt: clock().toISOString(),
    type,
    origin: 'received',
    senderId: senderParty(routed.senderCode, directory)?.id ?? SEED_PARTY,
    recipientId: routed.recipient.id,
    afzender: header.afzender,
    ontvanger: header.ontvanger,
    identificatie: ownId,
    dagtekening: header.dagtekening,
    idempotencyKey,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    body: bytes,
    status: 'seeded',
    report: result,
    answer: { statusCode: 202, body: answer },
    retourcodes: analysis.retourcodes,
    offers: analysis.offers,
    references: analysis.references,
    links: [],
    deliverTo: null,
  };
  // Checked as on its own Dagtekening, the day it was exchanged.
  const seeding = await store.seed({ record, facts, today: header.dagtekening });
  return {
    outcome: seeding.outcome,
    type,
    berichtIdentificatie: ownId,
    id: seeding.outcome === 'seeded' ? id : (seeding.originalId ?? null),
    errors: [],
    findings: seeding.violations,
  };
}
