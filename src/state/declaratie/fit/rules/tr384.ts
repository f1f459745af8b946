import { defineCrossRule } from '../../../rule.js';
import { claimOf } from '../lines.js';

/** TR384: a deleted toewijzing (RedenWijziging 13) counts as never sent, so nothing is declared on it. */
export const TR384 = defineCrossRule(
  {
    code: 'TR384',
    kind: 'TR',
    retourcode: '9384',
    nl: 'Op een verwijderde toewijzing (reden wijziging 13) mag niet worden gedeclareerd.',
    en: 'No prestatie may be declared on a toewijzing that was deleted (RedenWijziging 13).',
  },
  {
    JW323: (facts, r) => {
      for (const line of r.shared(claimOf, facts).lines) {
        if (line.pairing === 'deleted') r.report(line.prestatie, `ToewijzingNummer ${line.prestatie.toewijzingNummer} was deleted.`);
      }
    },
  },
);
