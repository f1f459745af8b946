/**
 * The order in which history is seeded: the order the standard's state needs, not the order of
 * file names. By Dagtekening, then by type as the process runs (verzoek → antwoord → toewijzing →
 * start/stop → declaratie → declaratie-antwoord), each retour right after the heen-bericht it
 * answers (a rejected message counts as not sent before anything builds on it), then by name.
 *
 * Only the order is read here, cheaply from the start of each file; the full analysis of each
 * message, one at a time while seeding, decides what it is. A file whose type or Dagtekening is
 * not found sorts first: it is almost certainly invalid and is reported as such.
 */
import { open } from 'node:fs/promises';
import { MESSAGE_TYPES, type MessageType } from '../standard/catalogue.js';
import type { InputFile } from './files.js';

const STEP: Readonly<Record<MessageType, number>> = {
  JW315: 0,
  JW317: 0,
  JW316: 1,
  JW318: 1,
  JW319: 2,
  JW320: 3,
  JW301: 4,
  JW302: 5,
  JW305: 6,
  JW307: 6,
  JW306: 7,
  JW308: 7,
  JW323: 8,
  JW325: 9,
};

// The header (with BerichtIdentificatie, the first Dagtekening of every iJw message) comes first.
const HEAD_BYTES = 64 * 1024;
const NAMESPACE = /istandaarden\.nl\/ijw\/\d+_\d+\/(jw\d{3})\/schema/i;
const DAGTEKENING = /<(?:[A-Za-z_][\w.-]*:)?Dagtekening\s*>\s*(\d{4}-\d{2}-\d{2})\s*</;

export interface SortKey {
  readonly dagtekening: string;
  readonly step: number;
  readonly name: string;
}

/** The sort key of a message from the start of its text; '' and -1 when not found. */
export function sortKey(name: string, head: string): SortKey {
  const ns = NAMESPACE.exec(head)?.[1]?.toUpperCase();
  const type = MESSAGE_TYPES.find((t) => t === ns);
  return { dagtekening: DAGTEKENING.exec(head)?.[1] ?? '', step: type === undefined ? -1 : STEP[type], name };
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.dagtekening !== b.dagtekening) return a.dagtekening < b.dagtekening ? -1 : 1;
  if (a.step !== b.step) return a.step - b.step;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function head(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await file.close();
  }
}

export async function inStateOrder(inputs: readonly InputFile[]): Promise<InputFile[]> {
  // One file at a time: a history of many thousands of files must not run out of file handles.
  const keyed: { input: InputFile; key: SortKey }[] = [];
  for (const input of inputs) {
    const text = input.error === undefined ? await head(input.path).catch(() => '') : '';
    keyed.push({ input, key: sortKey(input.path, text) });
  }
  return keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.input);
}
