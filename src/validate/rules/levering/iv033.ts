/**
 * IV033: a retour (or claim answer) that rejects a message on in-message rules (header RetourCode
 * 0001) names the version of the rule set it checked with in XsltVersie. The text ties this to the
 * published XSLTs; 0001 is the only trace of an in-message rejection a receiver can see, so we
 * require XsltVersie whenever the header carries 0001.
 */
import { defineRule, type Reporter } from '../rule.js';
import type { AnswerHeader } from './support.js';

function check(h: AnswerHeader, r: Reporter): void {
  if (h.XsltVersie === undefined && h.RetourCodes?.RetourCode.includes('0001') === true) {
    r.report(h, 'XsltVersie', 'The header carries RetourCode 0001 without XsltVersie.');
  }
}

export const IV033 = defineRule(
  {
    code: 'IV033',
    kind: 'IV',
    retourcode: '0001',
    nl: 'Het bericht is afgekeurd op berichtinhoud (0001), maar XsltVersie ontbreekt.',
    en: 'XsltVersie is required when the header rejects the message on in-message rules (RetourCode 0001).',
  },
  {
    JW302: (m, r) => check(m.Header, r),
    JW306: (m, r) => check(m.Header, r),
    JW308: (m, r) => check(m.Header, r),
    JW316: (m, r) => check(m.Header, r),
    JW318: (m, r) => check(m.Header, r),
    JW320: (m, r) => check(m.Header, r),
    JW325: (m, r) => check(m.Header, r),
  },
);
