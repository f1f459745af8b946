/**
 * IV028: how a retour is built, as far as one received retour shows it. The copy of the heen
 * header and body (and one retour per heen message) needs the heen message itself; those parts
 * are for the pair check when the gateway holds both (src/retour/pair.ts). Here:
 *
 * - The header's RetourCodes and the body agree: an in-message rejection (0001) or a header-level
 *   error is answered with the header only; a retour with no rejection at all has no RetourCodes.
 *   (Whether a copied body holds a rejection is OP065.)
 * - 0001 stands alone and only in the header.
 * - 0200 (no remarks) and 0233 (not assessed) describe a class that was not rejected, so they are
 *   never combined with another code on the same class.
 * - Every code is one the rules on the answered heen message can return (WJ001 per rule).
 * - DagtekeningRetour does not lie before the Dagtekening of the heen message it answers.
 */
import { defineRule, type Reporter } from '../rule.js';
import { dateBefore } from '../support.js';
import { isStatusCode, retourChecks, retourClasses, type RetourParts, type RetourType, type WithRetourCodes } from './support.js';

type RetourCodes = WithRetourCodes['RetourCodes'];

const COMMON = ['0001', '0200', '0233', '8848', '9056', 'S300'];

/** The heen message each retour answers, and the codes its rules return (WJ001, per TR rule). */
const ANSWERS: Readonly<Record<RetourType, { readonly heen: string; readonly codes: ReadonlySet<string> }>> = {
  JW302: { heen: 'JW301', codes: new Set([...COMMON, 'S329', '9332', '9379', '9385']) },
  JW306: { heen: 'JW305', codes: new Set([...COMMON, 'S329', '9019', '9063', '9071', '9074', '9326']) },
  JW308: { heen: 'JW307', codes: new Set([...COMMON, 'S329', '9019', '9063', '9069', '9074', '9413', '9414', '9415']) },
  JW316: { heen: 'JW315', codes: new Set([...COMMON, 'S329', '9347', '9374']) },
  JW318: {
    heen: 'JW317',
    codes: new Set([...COMMON, 'S329', '8187', '9347', '9349', '9350', '9351', '9357', '9361', '9373', '9374', '9375', '9411', '9412']),
  },
  JW320: { heen: 'JW319', codes: new Set([...COMMON, '9355', '9359', '9360', '9365']) },
};

function check({ type, header, body }: RetourParts, r: Reporter): void {
  const { heen, codes: allowed } = ANSWERS[type];

  const headerCodes = header.RetourCodes;
  if (headerCodes !== undefined) {
    const hc = headerCodes.RetourCode;
    if (body !== undefined && hc.some((c) => c !== '0200')) {
      r.report(headerCodes, undefined, 'Header codes other than 0200 (0001, a header error) come with the header alone, without the copied Client or Antwoord.');
    }
    if (body === undefined && hc.every(isStatusCode)) {
      r.report(headerCodes, undefined, 'A retour without any rejection is the header alone, without RetourCodes.');
    }
    if (hc.includes('0001') && hc.some((c) => c !== '0001')) {
      r.report(headerCodes, undefined, 'RetourCode 0001 is not combined with other codes.');
    }
  }

  const codesOf = (cls: RetourCodes, inHeader: boolean): void => {
    const codes = cls.RetourCode;
    if (codes.length > 1 && codes.some(isStatusCode) && codes.some((c) => c !== codes[0])) {
      r.report(cls, undefined, '0200 and 0233 are not combined with any other code in one class.');
    }
    codes.forEach((code, i) => {
      if (code === '0001' && !inHeader) r.report(cls, 'RetourCode', 'RetourCode 0001 belongs in the header only.', i);
      else if (!allowed.has(code)) r.report(cls, 'RetourCode', `No rule on ${heen} returns RetourCode ${code}.`, i);
    });
  };
  if (headerCodes !== undefined) codesOf(headerCodes, true);
  if (body !== undefined) for (const cls of retourClasses(body)) codesOf(cls.RetourCodes, false);

  const dagtekening = header.BerichtIdentificatie.Dagtekening;
  if (dateBefore(header.DagtekeningRetour, dagtekening)) {
    r.report(header, 'DagtekeningRetour', 'DagtekeningRetour lies before the Dagtekening of the message it answers.');
  }
}

export const IV028 = defineRule(
  {
    code: 'IV028',
    kind: 'IV',
    retourcode: '0001',
    nl: 'Het retourbericht is niet opgebouwd zoals de invulinstructie voorschrijft (retourcodes, opbouw of dagtekening).',
    en: 'The retour is not built as IV028 prescribes.',
  },
  retourChecks(check),
);
