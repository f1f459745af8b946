/**
 * The catalogue of iJw 3.2 message types: codes, namespaces, who sends them and how they pair.
 */
import { BerichtCode } from './codelijsten/index.js';
import type { ComplexType } from './model.js';
import { messageRoots, type Party } from './messages.js';

export const RELEASE = '3.2';
export const BASIS_NAMESPACE = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';
/** Matches any iJw namespace, to tell "another release" apart from "not iJw at all". */
export const IJW_NAMESPACE_PATTERN = /^http:\/\/www\.istandaarden\.nl\/ijw\/(\d+)_(\d+)\/([a-z0-9]+)\/schema$/;

/**
 * The versions our schemas carry in their appinfo. IV034 has senders copy them into XsdVersie;
 * which versions a receiver accepts is its own setting.
 */
export const XSD_VERSIONS = {
  BerichtXsdVersie: '0.1.0',
  BerichtXsdMinVersie: '0.1.0',
  BerichtXsdMaxVersie: '0.1.0',
  BasisschemaXsdVersie: '0.1.0',
  BasisschemaXsdMinVersie: '0.1.0',
  BasisschemaXsdMaxVersie: '0.1.0',
} as const;

export type MessageType = keyof typeof messageRoots;
export type MessageKind = 'heen' | 'retour';

export interface MessageSpec {
  readonly type: MessageType;
  readonly berichtCode: string;
  readonly name: string;
  /** heen: starts an exchange and is answered; retour: the technical answer to one heen-bericht. */
  readonly kind: MessageKind;
  /** The party in the header's Afzender element (for a retour: copied from its heen-bericht). */
  readonly afzender: Party;
  /** For a heen-bericht: its retour. JW325 has none. */
  readonly retour?: MessageType;
  /** For a retour: the heen-bericht it answers. */
  readonly answers?: MessageType;
  /** Heen-berichten this message answers functionally (JW301/JW319 answer a VOT or VOW, JW325 a JW323). */
  readonly functionalAnswerTo?: readonly MessageType[];
  readonly namespace: string;
  /** The prefix the standard uses, e.g. 'jw301'. */
  readonly prefix: string;
  /** Name of the element under Bericht that holds the content. */
  readonly body: string;
  readonly root: ComplexType;
}

function spec(
  type: MessageType,
  berichtCode: keyof typeof BerichtCode.codes,
  afzender: Party,
  relation: Partial<Pick<MessageSpec, 'retour' | 'answers' | 'functionalAnswerTo'>> = {},
): MessageSpec {
  const root = messageRoots[type];
  const prefix = type.toLowerCase();
  const body = root.children[1]?.name;
  const name = (BerichtCode.codes[berichtCode] ?? type).replace(/^JW\d{3} /, '');
  if (body === undefined) throw new Error(`${type} has no body element`);
  return {
    type,
    berichtCode,
    name,
    kind: relation.answers === undefined ? 'heen' : 'retour',
    afzender,
    ...relation,
    namespace: `http://www.istandaarden.nl/ijw/3_2/${prefix}/schema`,
    prefix,
    body,
    root,
  };
}

export const MESSAGES: Readonly<Record<MessageType, MessageSpec>> = {
  JW301: spec('JW301', '436', 'gemeente', {
    retour: 'JW302',
    functionalAnswerTo: ['JW315', 'JW317'],
  }),
  JW302: spec('JW302', '437', 'gemeente', { answers: 'JW301' }),
  JW305: spec('JW305', '438', 'aanbieder', { retour: 'JW306' }),
  JW306: spec('JW306', '439', 'aanbieder', { answers: 'JW305' }),
  JW307: spec('JW307', '440', 'aanbieder', { retour: 'JW308' }),
  JW308: spec('JW308', '441', 'aanbieder', { answers: 'JW307' }),
  JW315: spec('JW315', '446', 'aanbieder', { retour: 'JW316' }),
  JW316: spec('JW316', '447', 'aanbieder', { answers: 'JW315' }),
  JW317: spec('JW317', '486', 'aanbieder', { retour: 'JW318' }),
  JW318: spec('JW318', '487', 'aanbieder', { answers: 'JW317' }),
  JW319: spec('JW319', '488', 'gemeente', {
    retour: 'JW320',
    functionalAnswerTo: ['JW315', 'JW317'],
  }),
  JW320: spec('JW320', '489', 'gemeente', { answers: 'JW319' }),
  JW323: spec('JW323', '490', 'aanbieder'),
  JW325: spec('JW325', '491', 'gemeente', { functionalAnswerTo: ['JW323'] }),
};

export const MESSAGE_TYPES = Object.keys(MESSAGES) as MessageType[];

const byNamespace = new Map(MESSAGE_TYPES.map((t) => [MESSAGES[t].namespace, MESSAGES[t]]));
const byBerichtCode = new Map(MESSAGE_TYPES.map((t) => [MESSAGES[t].berichtCode, MESSAGES[t]]));

export function messageByNamespace(namespace: string): MessageSpec | undefined {
  return byNamespace.get(namespace);
}

export function messageByBerichtCode(code: string): MessageSpec | undefined {
  return byBerichtCode.get(code);
}

export function isMessageType(value: string): value is MessageType {
  return Object.hasOwn(MESSAGES, value);
}
