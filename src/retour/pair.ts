/**
 * Checks a retour against the heen-bericht it answers (IV028, IV033, OP065): what no single-message
 * rule can see. The gateway runs it when it holds both; our own retours are tested with it too.
 */
import { MESSAGES } from '../standard/catalogue.js';
import type { CheckedMessage } from '../validate/rules/run.js';

export interface PairIssue {
  readonly code: 'IV028' | 'IV033' | 'OP065';
  readonly detail: string;
}

type Obj = Record<string, unknown>;

/** Plain data of a typed object without RetourCodes: what a retour must copy unchanged. */
function content(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(content);
  if (typeof value !== 'object' || value === null) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'RetourCodes') out[k] = content(v);
  return out;
}

function codesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => codesIn(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'RetourCodes') out.push(...((v as { RetourCode: string[] }).RetourCode ?? []));
      else codesIn(v, out);
    }
  }
  return out;
}

const COPIED = ['BerichtVersie', 'BerichtSubversie', 'Afzender', 'Ontvanger', 'BerichtIdentificatie', 'XsdVersie'] as const;

export function checkRetourPair(heen: CheckedMessage, retour: CheckedMessage): PairIssue[] {
  const issues: PairIssue[] = [];
  const spec = MESSAGES[heen.type];
  if (spec.retour !== retour.type) {
    return [{ code: 'IV028', detail: `${retour.type} does not answer ${heen.type} (expected ${spec.retour ?? 'no retour'}).` }];
  }
  const h = heen.message.Header as unknown as Obj;
  const r = retour.message.Header as unknown as Obj;
  for (const name of COPIED) {
    if (JSON.stringify(content(h[name])) !== JSON.stringify(content(r[name]))) {
      issues.push({ code: 'IV028', detail: `Header ${name} is not copied unchanged from the heen-bericht.` });
    }
  }
  const dagtekening = (h.BerichtIdentificatie as Obj).Dagtekening as string;
  if ((r.DagtekeningRetour as string) < dagtekening) {
    issues.push({ code: 'IV028', detail: 'DagtekeningRetour lies before the Dagtekening of the heen-bericht.' });
  }
  const headerCodes = ((r.RetourCodes as { RetourCode?: string[] } | undefined)?.RetourCode ?? []) as string[];
  if (headerCodes.includes('0001') && r.XsltVersie === undefined) {
    issues.push({ code: 'IV033', detail: 'A retour that rejects on in-message rules (0001) must state XsltVersie.' });
  }
  const body = (retour.message as unknown as Obj)[spec.body];
  if (body !== undefined) {
    if (headerCodes.some((c) => c !== '0200')) {
      issues.push({ code: 'IV028', detail: 'A retour with a header-level code carries no client; with a client the header says 0200 at most.' });
    }
    const heenBody = (heen.message as unknown as Obj)[spec.body];
    if (JSON.stringify(content(body)) !== JSON.stringify(content(heenBody))) {
      issues.push({ code: 'IV028', detail: `${spec.body} and its classes are not copied unchanged from the heen-bericht.` });
    }
    if (codesIn(body).every((c) => c === '0200' || c === '0233')) {
      issues.push({ code: 'OP065', detail: `A copied ${spec.body} must have at least one rejected class.` });
    }
  }
  return issues;
}
