/**
 * IV042 (JW301, JW315, JW317): Volume, Eenheid and Frequentie together state an amount of care.
 * The schema already requires all three, whole numbers and known codes, and CS338/CS343 pair the
 * units with their frequencies; what remains checkable is that the amount is not zero: an Omvang
 * of 0 per week or in total assigns nothing (ending or deleting a toewijzing goes by Einddatum and
 * RedenWijziging). Whether a euro Volume is really in cents cannot be seen in the message.
 */
import { defineRule, type Reporter } from '../rule.js';
import { aangevraagd, toegewezen, verzoekLines, type Line } from './support.js';

function check(lines: readonly Line[], r: Reporter): void {
  for (const l of lines) {
    const o = l.omvang;
    // xs:integer allows leading zeros and a sign: compare the number, not the text.
    if (o !== undefined && Number(o.Volume) === 0) r.report(o, 'Volume', `${l.cls} Omvang has Volume 0.`);
  }
}

export const IV042 = defineRule(
  {
    code: 'IV042',
    kind: 'IV',
    retourcode: '0001',
    nl: 'De omvang heeft volume 0; een omvang geeft een hoeveelheid ondersteuning aan in samenhang met eenheid en frequentie.',
    en: 'Omvang must state an amount of support: Volume, Eenheid and Frequentie together, with a Volume above 0.',
  },
  {
    JW301: (m, r) => check(toegewezen(m, r), r),
    JW315: (m, r) => check(aangevraagd(m, r), r),
    JW317: (m, r) => check(verzoekLines(m, r), r),
  },
);
