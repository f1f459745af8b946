/**
 * OP065: a retour carries a client only when something about that client was rejected. A copied
 * client (or, in a JW320, the copied Antwoord) whose classes all say 0200 (no remarks) or 0233
 * (not assessed) was in fact accepted and should not be in the retour.
 */
import { defineRule, type Reporter } from '../rule.js';
import { isStatusCode, retourChecks, retourClasses, type RetourParts } from './support.js';

function check({ body }: RetourParts, r: Reporter): void {
  if (body === undefined) return;
  const rejected = retourClasses(body).some((c) => c.RetourCodes.RetourCode.some((code) => !isStatusCode(code)));
  if (!rejected) r.report(body, undefined, 'Every class of the copied body carries only 0200 or 0233.');
}

export const OP065 = defineRule(
  {
    code: 'OP065',
    kind: 'OP',
    retourcode: '0001',
    nl: 'Het retourbericht bevat een cliënt zonder afgekeurde berichtklasse; alleen afgekeurde cliënten horen erin.',
    en: 'A retour may only contain a client (JW320: an Antwoord) with at least one rejected class.',
  },
  retourChecks(check),
);
