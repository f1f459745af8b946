import type { JW325_RetourCodes, LDT_RetourCode } from '../../../standard/types.generated.js';
import { defineRule } from '../rule.js';
import { GEEN_OPMERKING, isOnly, mixesVerdicts, NIET_BEOORDEELD, rejects, VOLLEDIG_TOEGEKEND } from './support.js';

function has(codes: JW325_RetourCodes, code: LDT_RetourCode): boolean {
  return codes.RetourCode.includes(code);
}

/**
 * IV087, the retourcodes per level of a JW325, checked on the answer alone (TR342 does the
 * amounts and "only rejected prestaties"):
 * - Header: 0200 alone when a DeclaratieAntwoord follows; without one the header holds the
 *   rejection (0001 after an in-message error, or the header rule's code) and no 0200/8001/0233.
 * - DeclaratieAntwoord: 8001 alone (fully approved: no Clienten), 0200 alone (something below was
 *   rejected: Clienten present), or only rejection codes; never 0233.
 * - Client: 0200 alone, or only rejection codes (no 8001/0233). Under a rejected Client every
 *   Prestatie is "not assessed": 0233 and nothing else; under a 0200 Client no Prestatie has 0233.
 * - Prestatie: never 8001, and 0200 never next to another code.
 * That the JW325 answers the right JW323, and that 8001 means the JW323's total, is the pair check.
 */
export const IV087 = defineRule(
  {
    code: 'IV087',
    kind: 'IV',
    retourcode: '0001',
    nl: 'De retourcodes in het declaratie-antwoord passen niet bij de opbouw: 0200/8001 per niveau, 0233 alleen onder een afgekeurde cliënt, cliënten alleen bij gedeeltelijke afkeur.',
    en: 'JW325 retourcodes must follow the answer structure: header 0200 with a DeclaratieAntwoord; 8001 without Clienten; 0200 with Clienten; 0233 exactly on the prestaties of a rejected Client.',
  },
  {
    JW325: (m, r) => {
      const header = m.Header.RetourCodes;
      const antwoord = m.DeclaratieAntwoord;
      if (antwoord !== undefined) {
        if (!isOnly(header.RetourCode, GEEN_OPMERKING)) {
          r.report(m.Header, 'RetourCodes', 'A header followed by a DeclaratieAntwoord carries 0200 alone.');
        }
      } else if (!rejects(header.RetourCode) || mixesVerdicts(header.RetourCode) || has(header, NIET_BEOORDEELD)) {
        r.report(m.Header, 'RetourCodes', 'A header without DeclaratieAntwoord carries the rejection code(s) only.');
      }
      if (antwoord === undefined) return;

      const codes = antwoord.RetourCodes.RetourCode;
      if (mixesVerdicts(codes) || has(antwoord.RetourCodes, NIET_BEOORDEELD)) {
        r.report(antwoord, 'RetourCodes', 'DeclaratieAntwoord carries 8001 alone, 0200 alone, or rejection codes only.');
      } else if (isOnly(codes, VOLLEDIG_TOEGEKEND) && antwoord.Clienten !== undefined) {
        r.report(antwoord, 'Clienten', 'A fully approved declaration (8001) returns no clients.');
      } else if (isOnly(codes, GEEN_OPMERKING) && antwoord.Clienten === undefined) {
        r.report(antwoord, 'RetourCodes', 'With nothing rejected the declaration is fully approved: 8001, not 0200.');
      }

      for (const client of antwoord.Clienten?.Client ?? []) {
        const clientCodes = client.RetourCodes;
        const clientMisfit = mixesVerdicts(clientCodes.RetourCode) || has(clientCodes, VOLLEDIG_TOEGEKEND) || has(clientCodes, NIET_BEOORDEELD);
        if (clientMisfit) {
          r.report(client, 'RetourCodes', 'A Client carries 0200 alone or rejection codes only (no 8001 or 0233).');
        }
        const clientRejected = rejects(clientCodes.RetourCode) && !has(clientCodes, GEEN_OPMERKING);
        for (const p of client.Prestaties.Prestatie) {
          const pc = p.RetourCodes.RetourCode;
          if (clientRejected) {
            if (!isOnly(pc, NIET_BEOORDEELD)) {
              r.report(p, 'RetourCodes', 'Under a rejected Client a Prestatie is not assessed: 0233 alone.');
            }
          } else if (has(p.RetourCodes, NIET_BEOORDEELD)) {
            r.report(p, 'RetourCodes', '0233 (not assessed) belongs only under a rejected Client.');
          } else if (mixesVerdicts(pc) || has(p.RetourCodes, VOLLEDIG_TOEGEKEND)) {
            r.report(p, 'RetourCodes', 'A Prestatie carries no 8001, and 0200 never next to another code.');
          }
        }
      }
    },
  },
);
