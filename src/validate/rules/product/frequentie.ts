/**
 * CS338 (JW301, JW317) and CS343 (JW315): units that make no sense per day - etmaal (14),
 * dagdeel (16), euro (83), stuks inspanning (84) - take Frequentie per week, per month or in total
 * (2, 4, 6) on lines that end after 2020 or have no end.
 */
import type { LDT_Eenheid } from '../../../standard/types.generated.js';
import { defineRule, type Reporter } from '../rule.js';
import { aangevraagd, endsAfterTransition, toegewezen, verzoekLines, type Line } from './support.js';

const NOT_PER_DAY: ReadonlySet<LDT_Eenheid> = new Set<LDT_Eenheid>(['14', '16', '83', '84']);

function check(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    const o = l.omvang;
    // Frequentie is required by the schema and is one of 1, 2, 4, 6: only 1 (per day) is wrong here.
    if (o !== undefined && NOT_PER_DAY.has(o.Eenheid) && o.Frequentie === '1' && endsAfterTransition(l.end)) {
      r.report(o, 'Frequentie', `Eenheid ${o.Eenheid} takes Frequentie 2, 4 or 6.`);
    }
  }
}

const text = {
  kind: 'CS',
  retourcode: '0001',
  nl: 'Bij eenheid etmaal, dagdeel, euro of stuks (inspanning) is de frequentie per week, per maand of totaal, niet per dag.',
} as const;

export const CS338 = defineRule(
  { ...text, code: 'CS338', en: 'With Eenheid 14, 16, 83 or 84 and an Einddatum after 2020-12-31 or none, Frequentie must be 2, 4 or 6.' },
  {
    JW301: (m, r) => check(toegewezen(m, r), r),
    JW317: (m, r) => check(verzoekLines(m, r), r),
  },
);

export const CS343 = defineRule(
  { ...text, code: 'CS343', en: 'With Eenheid 14, 16, 83 or 84 and a ToewijzingEinddatum after 2020-12-31 or none, Frequentie must be 2, 4 or 6.' },
  { JW315: (m, r) => check(aangevraagd(m, r), r) },
);
