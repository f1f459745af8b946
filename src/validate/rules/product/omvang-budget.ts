/**
 * A line is either measured in Omvang or capped by a Budget, never both (CD077, CD078), and a
 * line without Budget must name its Product (CD079: only a generic toewijzing, which has a budget,
 * leaves Product out).
 */
import { defineRule, type Reporter } from '../rule.js';
import { aangevraagd, toegewezen, verzoekLines, type Line } from './support.js';

function omvangWithBudget(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) if (l.omvang !== undefined && l.budget !== undefined) r.report(l.at, 'Omvang', 'Budget is filled as well.');
}

function budgetWithOmvang(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) if (l.omvang !== undefined && l.budget !== undefined) r.report(l.at, 'Budget', 'Omvang is filled as well.');
}

function productWithoutBudget(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    if (l.hasProductElement && l.product === undefined && l.budget === undefined) r.report(l.at, undefined, `${l.cls} has neither Product nor Budget.`);
  }
}

export const CD077 = defineRule(
  {
    code: 'CD077',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Omvang is gevuld terwijl er ook een budget is opgegeven.',
    en: 'Omvang must be empty when Budget is filled.',
  },
  {
    JW301: (m, r) => omvangWithBudget(toegewezen(m, r), r),
    JW315: (m, r) => omvangWithBudget(aangevraagd(m, r), r),
    JW317: (m, r) => omvangWithBudget(verzoekLines(m, r), r),
  },
);

export const CD078 = defineRule(
  {
    code: 'CD078',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Budget is gevuld terwijl er ook een omvang is opgegeven.',
    en: 'Budget must be empty when Omvang is filled.',
  },
  {
    JW301: (m, r) => budgetWithOmvang(toegewezen(m, r), r),
    JW315: (m, r) => budgetWithOmvang(aangevraagd(m, r), r),
    JW317: (m, r) => budgetWithOmvang(verzoekLines(m, r), r),
  },
);

export const CD079 = defineRule(
  {
    code: 'CD079',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Product ontbreekt terwijl er geen budget is opgegeven.',
    en: 'Product is required when Budget is empty.',
  },
  {
    JW301: (m, r) => productWithoutBudget(toegewezen(m, r), r),
    JW315: (m, r) => productWithoutBudget(aangevraagd(m, r), r),
    JW317: (m, r) => productWithoutBudget(verzoekLines(m, r), r),
  },
);
