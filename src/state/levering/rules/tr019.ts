import type { Header, StartFact } from '../../facts.js';
import { defineCrossRule, type CrossReporter } from '../../rule.js';
import { currentToewijzing, isDeleted, type ToewijzingRow } from '../../toewijzing/current.js';
import { isDelivery, nummerKey } from '../ledger.js';

/**
 * TR019 (9019): for effort- and output-based work a start or stop names, by its ToewijzingNummer,
 * a toewijzing that exists: one the receiving gemeente gave to the sending aanbieder for this client
 * and has not deleted (a deleted toewijzing counts as never sent). Covers OP363 as well.
 *
 * Our reading, as a receiver would apply it:
 * - the line must also carry the toegewezen product unchanged (IV075: Categorie and Code for a
 *   specific toewijzing, Categorie only for an aspecific one, no Product for a generic one); a line
 *   for another product does not relate to that toewijzing;
 * - a line without ToewijzingNummer is task-based work, which has no toewijzing (IV096): not checked;
 * - a deletion (StatusAanlevering 3) only undoes an earlier line and gets no content checks (the
 *   standard's note with TR063), so it is not checked either: withdrawing a start of a toewijzing
 *   the gemeente has since deleted must stay possible.
 */
function problem(t: ToewijzingRow | undefined, header: Header, bsn: string, line: StartFact): string | undefined {
  if (t === undefined) return 'The receiving gemeente has no toewijzing with this ToewijzingNummer.';
  if (isDeleted(t)) return 'The toewijzing with this ToewijzingNummer was deleted by the gemeente.';
  if (t.aanbieder !== header.afzender) return 'The toewijzing with this ToewijzingNummer belongs to another aanbieder.';
  if (t.bsn !== bsn) return 'The toewijzing with this ToewijzingNummer belongs to another client.';
  const categorie = line.product?.categorie ?? null;
  const code = line.product?.code ?? null;
  if (t.categorie !== categorie || t.code !== code) {
    const shown = (c: string | null, k: string | null): string => (c === null ? 'no product' : k === null ? `category ${c}` : `product ${c}/${k}`);
    return `The toewijzing is for ${shown(t.categorie, t.code)}, the line names ${shown(categorie, code)}.`;
  }
  return undefined;
}

/**
 * ToewijzingNummer is an xs:integer: a start may write '022800101' for the toewijzing '22800101'.
 * The register keeps the number as the JW301 wrote it, so the canonical form is tried second.
 */
function find(r: CrossReporter, gemeente: string, nummer: string): ToewijzingRow | undefined {
  const canonical = nummerKey(nummer);
  return currentToewijzing(r, gemeente, nummer) ?? (canonical === nummer ? undefined : currentToewijzing(r, gemeente, canonical));
}

function check(header: Header, bsn: string, lines: readonly StartFact[], r: CrossReporter): void {
  const seen = new Map<string, ToewijzingRow | undefined>();
  for (const line of lines) {
    if (!isDelivery(line) || line.toewijzingNummer === null) continue;
    const nummer = line.toewijzingNummer;
    let t = seen.get(nummer);
    if (!seen.has(nummer)) {
      t = find(r, header.ontvanger, nummer);
      seen.set(nummer, t);
    }
    const found = problem(t, header, bsn, line);
    if (found !== undefined) r.report(line, found);
  }
}

export const TR019 = defineCrossRule(
  {
    code: 'TR019',
    kind: 'TR',
    retourcode: '9019',
    nl: 'De start of stop hoort niet bij een toewijzing: de gemeente heeft met dit ToewijzingNummer geen (niet verwijderde) toewijzing voor deze cliënt, aanbieder en dit product afgegeven.',
    en: 'A start or stop must relate to a toewijzing by its ToewijzingNummer: one the gemeente gave this aanbieder for this client and product, and did not delete.',
  },
  {
    JW305: (facts, r) => check(facts.header, facts.client.bsn, facts.starts, r),
    JW307: (facts, r) => check(facts.header, facts.client.bsn, facts.stops, r),
  },
);
