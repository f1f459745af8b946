/**
 * Who sends a message and who receives it, from its type and header: gemeentecode or AGB code →
 * Party, with centrale facturatie sending a regio's billing types to its factuurbureau.
 */
import { MESSAGES, MESSAGE_TYPES, type MessageSpec, type MessageType } from '../standard/catalogue.js';
import type { Directory, Party } from '../mappings/types.js';

/** The kind of code in Afzender/Ontvanger: a 4-digit gemeentecode or an 8-digit AGB code. */
export type Side = MessageSpec['afzender'];

export interface Header {
  readonly Afzender: string;
  readonly Ontvanger: string;
}

export interface Route {
  readonly ok: true;
  /** Code of the party that physically sends the message (for a retour: the header's Ontvanger). */
  readonly senderCode: string;
  readonly senderSide: Side;
  /** Code of the addressed party, also when a factuurbureau receives on a gemeente's behalf. */
  readonly recipientCode: string;
  readonly recipient: Party;
  /** The recipient is the factuurbureau of the addressed gemeente's regio (centrale facturatie). */
  readonly factuurbureau: boolean;
}

/** The addressed gemeentecode is not a gemeente: normal bad input, so a result rather than a throw. */
export interface Unroutable {
  readonly ok: false;
  readonly reason: 'unknown-gemeente';
  readonly senderCode: string;
  readonly senderSide: Side;
  readonly recipientCode: string;
}

function other(side: Side): Side {
  return side === 'gemeente' ? 'aanbieder' : 'gemeente';
}

/**
 * A retour copies its heen-bericht's header (IV028), so it travels against its Afzender/Ontvanger:
 * the physical sender is the Ontvanger.
 */
export function sides(type: MessageType): { readonly sender: Side; readonly recipient: Side } {
  const spec = MESSAGES[type];
  return spec.kind === 'retour'
    ? { sender: other(spec.afzender), recipient: spec.afzender }
    : { sender: spec.afzender, recipient: other(spec.afzender) };
}

/**
 * What a factuurbureau sends back for the types routed to it: their retours and the gemeente's
 * functional answers (for JW323: JW325). It sends these with the gemeente's code as sender.
 */
export function typesSentByFactuurbureau(routed: readonly MessageType[]): MessageType[] {
  return MESSAGE_TYPES.filter((t) => {
    const spec = MESSAGES[t];
    if (sides(t).sender !== 'gemeente') return false;
    return routed.some((r) => MESSAGES[r].retour === t || (spec.functionalAnswerTo ?? []).includes(r));
  });
}

export function route(type: MessageType, header: Header, dir: Directory): Route | Unroutable {
  const retour = MESSAGES[type].kind === 'retour';
  const senderCode = retour ? header.Ontvanger : header.Afzender;
  const recipientCode = retour ? header.Afzender : header.Ontvanger;
  const { sender: senderSide, recipient: recipientSide } = sides(type);
  const found = { senderCode, senderSide, recipientCode } as const;

  if (recipientSide === 'aanbieder') {
    return { ok: true, ...found, recipient: dir.aanbieder(recipientCode), factuurbureau: false };
  }
  const gemeente = dir.gemeente(recipientCode);
  if (gemeente === undefined) return { ok: false, reason: 'unknown-gemeente', ...found };

  const billing = dir.regioOf(recipientCode)?.factuurbureau;
  if (billing !== undefined && billing.types.includes(type)) {
    const office = dir.partyById(billing.partyId);
    // loadMappings checks that every factuurbureau reference resolves.
    if (office === undefined) throw new Error(`factuurbureau ${billing.partyId} of gemeente ${recipientCode} is not in the directory`);
    return { ok: true, ...found, recipient: office, factuurbureau: true };
  }
  return { ok: true, ...found, recipient: gemeente, factuurbureau: false };
}

/**
 * May the authenticated `actor` send a message of `type` whose sender code (Route.senderCode) is
 * `senderCode`? Yes when it is that party, acts for it (actsFor), or is the factuurbureau of the
 * sender gemeente's regio and the type is one it answers with (typesSentByFactuurbureau).
 * Operators get no exception: replaying is not sending.
 */
export function mayActFor(actor: Party, senderCode: string, type: MessageType, dir: Directory): boolean {
  const side = sides(type).sender;
  if (actor.kind === side && actor.code === senderCode) return true;
  if (actor.actsFor.includes(`${side}:${senderCode}`)) return true;
  if (actor.kind !== 'factuurbureau' || side !== 'gemeente') return false;
  const billing = dir.regioOf(senderCode)?.factuurbureau;
  return billing !== undefined && billing.partyId === actor.id && typesSentByFactuurbureau(billing.types).includes(type);
}
