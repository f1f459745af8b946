/**
 * End dates of product lines: required with a Budget (CD075) or a weekly Frequentie (CD076,
 * needed to turn weeks into declarable months), and never before the line's start (CS003, which
 * also covers a Contact's Periode in JW301).
 */
import type { JW301_Contact } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { dateBefore } from '../support.js';
import { aangevraagd, toegewezen, verzoekLines, type Line } from './support.js';

function endWithBudget(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    if (l.budget !== undefined && l.end === undefined) r.report(l.at, undefined, `${l.cls} has a Budget but no ${l.endName}.`);
  }
}

function endWithWeekly(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    if (l.omvang?.Frequentie === '2' && l.end === undefined) r.report(l.at, undefined, `${l.cls} has Frequentie 2 (per week) but no ${l.endName}.`);
  }
}

function endNotBeforeStart(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    if (l.end !== undefined && dateBefore(l.end, l.start)) {
      r.report(l.at, l.endName, `${l.endName} ${l.end} lies before ${l.startName} ${l.start}.`);
    }
  }
}

function contactPeriod(c: JW301_Contact, r: Reporter): void {
  const p = c.Periode;
  if (p?.Begindatum !== undefined && p.Einddatum !== undefined && dateBefore(p.Einddatum, p.Begindatum)) {
    r.report(p, 'Einddatum', 'The Contact Periode ends before it begins.');
  }
}

export const CD075 = defineRule(
  {
    code: 'CD075',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Einddatum ontbreekt bij een product met een budget.',
    en: 'Einddatum (ToewijzingEinddatum in JW315) is required when Budget is filled.',
  },
  {
    JW301: (m, r) => endWithBudget(toegewezen(m, r), r),
    JW315: (m, r) => endWithBudget(aangevraagd(m, r), r),
    JW317: (m, r) => endWithBudget(verzoekLines(m, r), r),
  },
);

export const CD076 = defineRule(
  {
    code: 'CD076',
    kind: 'CD',
    retourcode: '0001',
    nl: 'Einddatum ontbreekt bij een product met frequentie per week.',
    en: 'Einddatum (ToewijzingEinddatum in JW315) is required when Frequentie is 2 (per week).',
  },
  {
    JW301: (m, r) => endWithWeekly(toegewezen(m, r), r),
    JW315: (m, r) => endWithWeekly(aangevraagd(m, r), r),
    JW317: (m, r) => endWithWeekly(verzoekLines(m, r), r),
  },
);

export const CS003 = defineRule(
  {
    code: 'CS003',
    kind: 'CS',
    retourcode: '0001',
    nl: 'De einddatum ligt voor de begin- of ingangsdatum van dezelfde periode.',
    en: 'An Einddatum, when present, must be on or after the begin or ingangs date of its period.',
  },
  {
    JW301: (m, r) => {
      endNotBeforeStart(toegewezen(m, r), r);
      for (const c of m.Client.Contactgegevens.Contact) contactPeriod(c, r);
      for (const rel of m.Client.Relaties?.Relatie ?? []) contactPeriod(rel.Contact, r);
    },
    JW315: (m, r) => endNotBeforeStart(aangevraagd(m, r), r),
    JW317: (m, r) => endNotBeforeStart(verzoekLines(m, r), r),
  },
);
