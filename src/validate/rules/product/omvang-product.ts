/**
 * Omvang follows the product code: CD041 requires it when Product has a Code; CD080 (JW301),
 * CD095 (JW315) and CD096 (JW317) forbid it on a line without a Code that ends after 2020 or has
 * no end (aspecific and generic toewijzingen carry no Omvang since 2021).
 */
import { defineRule, type Reporter } from '../rule.js';
import { aangevraagd, endsAfterTransition, toegewezen, verzoekLines, type Line } from './support.js';

function requireOmvang(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    if (l.product?.Code !== undefined && l.omvang === undefined) r.report(l.at, undefined, `${l.cls} has a product Code but no Omvang.`);
  }
}

function forbidOmvang(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    if (l.hasProductElement && l.product?.Code === undefined && l.omvang !== undefined && endsAfterTransition(l.end)) {
      r.report(l.at, 'Omvang', `${l.cls} has no product Code and ${l.end === undefined ? `no ${l.endName}` : `${l.endName} after 2020-12-31`}.`);
    }
  }
}

export const CD041 = defineRule(
  {
    code: 'CD041',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Omvang ontbreekt terwijl het product een productcode heeft.',
    en: 'Omvang is required when Product has a Code.',
  },
  {
    JW301: (m, r) => requireOmvang(toegewezen(m, r), r),
    JW315: (m, r) => requireOmvang(aangevraagd(m, r), r),
    JW317: (m, r) => requireOmvang(verzoekLines(m, r), r),
  },
);

const forbidText = {
  kind: 'CD',
  retourcode: '0001',
  nl: 'Omvang is gevuld bij een product zonder productcode dat na 31-12-2020 eindigt of geen einddatum heeft.',
} as const;

export const CD080 = defineRule(
  { ...forbidText, code: 'CD080', en: 'ToegewezenProduct without a product Code and with Einddatum after 2020-12-31 or none: Omvang must be empty.' },
  { JW301: (m, r) => forbidOmvang(toegewezen(m, r), r) },
);

export const CD095 = defineRule(
  { ...forbidText, code: 'CD095', en: 'AangevraagdProduct without a product Code and with ToewijzingEinddatum after 2020-12-31 or none: Omvang must be empty.' },
  { JW315: (m, r) => forbidOmvang(aangevraagd(m, r), r) },
);

export const CD096 = defineRule(
  { ...forbidText, code: 'CD096', en: 'NieuwProduct without a product Code and with Einddatum after 2020-12-31 or none: Omvang must be empty.' },
  { JW317: (m, r) => forbidOmvang(verzoekLines(m, r), r) },
);
