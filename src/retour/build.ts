/**
 * Builds the retour the standard prescribes for a heen-bericht and its violations (process.md §3,
 * IV028): the header copied with the retour's BerichtCode and the retour's own fields; header only
 * when all is well or when the message is rejected on in-message rules (0001, with XsltVersie);
 * with a header-level code when the error is about the header; otherwise the client copied whole
 * with RetourCodes on every class: its own codes, 0233 below a rejected class, 0200 elsewhere.
 */
import { MESSAGES, XSD_VERSIONS, type MessageType } from '../standard/catalogue.js';
import { NODE, type ElementRef, type Located } from '../standard/located.js';
import type { ComplexType } from '../standard/model.js';
import type { Violation } from '../validate/rules/rule.js';
import type { CheckedMessage } from '../validate/rules/run.js';
import { classRefs, type Obj } from './classes.js';
import { MessageWriter } from './serialize.js';

/** Version of our in-message rule set, reported as XsltVersie when we reject on it (IV033). */
export const XSLT_VERSIE = '1.0.0';

export interface RetourOptions {
  /** The retour's own identification, at most 12 characters, unique per sender. */
  readonly identificatieRetour: string;
  /** yyyy-mm-dd. */
  readonly dagtekeningRetour: string;
  /** Versions of the XSDs used to build the retour; defaults to our schemas' appinfo. */
  readonly xsdVersieRetour?: { readonly BasisschemaXsdVersie: string; readonly BerichtXsdVersie: string };
  readonly xsltVersie?: string;
}

export class NoRetourError extends Error {
  readonly code = 'IJW_ERR_NO_RETOUR';
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

export function buildRetour(heen: CheckedMessage, violations: readonly Violation[], options: RetourOptions): string {
  const spec = MESSAGES[heen.type];
  if (spec.kind === 'retour') throw new NoRetourError(`${heen.type} is a retour; a retour is never answered`);
  if (spec.retour === undefined) throw new NoRetourError(`${heen.type} is not answered with a retour message`);
  const retourType: MessageType = spec.retour;
  const retourSpec = MESSAGES[retourType];
  const message = heen.message as unknown as Obj;
  const header = message.Header as Obj;
  const bodyName = spec.body;
  const bodyType = spec.root.children[1]?.type as ComplexType;
  const body = message[bodyName] as Obj;

  const classes = new Map<ElementRef, Obj>();
  classRefs(bodyType, body, classes);
  const codesByClass = new Map<Obj, string[]>();
  const headerCodes: string[] = [];
  let technical = false;
  for (const v of violations) {
    if (v.retourcode === '0001') {
      technical = true;
      continue;
    }
    let ref: ElementRef | null | undefined = v.target[NODE];
    while (ref != null && !classes.has(ref)) ref = ref.parent;
    const cls = ref == null ? undefined : classes.get(ref);
    if (cls === undefined) headerCodes.push(v.retourcode);
    else codesByClass.set(cls, [...(codesByClass.get(cls) ?? []), v.retourcode]);
  }

  // In-message (level 2) rejection trumps everything: header only with 0001 (IV028, IV033).
  const copyBody = !technical && headerCodes.length === 0 && codesByClass.size > 0;
  // IV028's worked example: with the client copied, the header itself has no remarks (0200).
  const headerRetourCodes = technical ? ['0001'] : copyBody ? ['0200'] : unique(headerCodes);
  const retourHeader: Obj = {
    ...header,
    BerichtCode: retourSpec.berichtCode,
    IdentificatieRetour: options.identificatieRetour,
    DagtekeningRetour: options.dagtekeningRetour,
    ...(technical || options.xsltVersie !== undefined ? { XsltVersie: options.xsltVersie ?? XSLT_VERSIE } : {}),
    XsdVersieRetour: options.xsdVersieRetour ?? {
      BasisschemaXsdVersie: XSD_VERSIONS.BasisschemaXsdVersie,
      BerichtXsdVersie: XSD_VERSIONS.BerichtXsdVersie,
    },
    ...(headerRetourCodes.length > 0 ? { RetourCodes: { RetourCode: headerRetourCodes } } : {}),
  };

  const rejectedAbove = (ref: ElementRef): boolean => {
    for (let r = ref.parent; r !== null; r = r.parent) {
      const cls = classes.get(r);
      if (cls !== undefined && codesByClass.has(cls)) return true;
    }
    return false;
  };
  const writer = new MessageWriter(retourType, {
    supply: (name, obj) => {
      if (name !== 'RetourCodes' || obj === retourHeader) return undefined;
      const ref = (obj as Located)[NODE];
      const own = codesByClass.get(obj);
      const codes = own !== undefined ? unique(own) : ref !== undefined && rejectedAbove(ref) ? ['0233'] : ['0200'];
      return { RetourCode: codes };
    },
  });
  return writer.document({ Header: retourHeader, ...(copyBody ? { [bodyName]: body } : {}) });
}
