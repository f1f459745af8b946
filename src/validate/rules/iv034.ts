import { MESSAGES, MESSAGE_TYPES, type MessageType } from '../../standard/catalogue.js';
import type { CDT_XsdVersie } from '../../standard/types.generated.js';
import { defineRule, type Check, type Checks, type Reporter } from './rule.js';

function check(v: CDT_XsdVersie, r: Reporter): void {
  const { basisschema, bericht } = r.options.xsdVersies;
  if (!basisschema.includes(v.BasisschemaXsdVersie)) {
    r.report(v, 'BasisschemaXsdVersie', `Accepted: ${basisschema.join(', ')}.`);
  }
  if (!bericht.includes(v.BerichtXsdVersie)) r.report(v, 'BerichtXsdVersie', `Accepted: ${bericht.join(', ')}.`);
}

// A retour copies its heen-bericht's XsdVersie unchanged; its own schema version is XsdVersieRetour.
const checkHeader: Check<MessageType> = (m, r) => check(m.Header.XsdVersie, r);
const checkRetourHeader: Check<MessageType> = (m, r) => {
  if ('XsdVersieRetour' in m.Header) check(m.Header.XsdVersieRetour, r);
};

/**
 * IV034: XsdVersie is copied from the schemas' appinfo. Which versions a receiver accepts is its
 * own setting (RuleOptions.xsdVersies); an invulinstructie has no retourcode of its own, and a
 * message we cannot read as the version it claims is technically rejected: 0001.
 */
export const IV034 = defineRule(
  {
    code: 'IV034',
    kind: 'IV',
    retourcode: '0001',
    nl: 'De XsdVersie in de header is geen versie die de ontvanger accepteert.',
    en: 'Header XsdVersie must be a version of the XSDs the receiver accepts (copied from the appinfo).',
  },
  Object.fromEntries(MESSAGE_TYPES.map((t) => [t, MESSAGES[t].kind === 'retour' ? checkRetourHeader : checkHeader])) as Checks,
);
