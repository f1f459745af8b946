/**
 * The prestaties of a JW323 paired with the toewijzing each names, computed once per message and
 * shared by every fit rule (r.shared): one indexed look-up per distinct ToewijzingNummer, however
 * many prestaties name it (declaredToewijzingen, shared with the other groups' JW323 rules).
 */
import type { Jw323Facts, PrestatieFact } from '../../facts.js';
import type { CrossContext } from '../../rule.js';
import { declaredToewijzingen, isDeleted, type ToewijzingRow } from '../../toewijzing/current.js';

/**
 * missing: no toewijzing of this gemeente for this aanbieder has the number (TR338);
 * deleted: its current version is a deletion (TR384); found: the other rules check against it.
 */
export type Pairing = 'missing' | 'deleted' | 'found';

export interface Line {
  readonly prestatie: PrestatieFact;
  readonly pairing: Pairing;
  /** The current version of the toewijzing, when found. */
  readonly toewijzing: ToewijzingRow | undefined;
}

export interface Claim {
  readonly gemeente: string;
  readonly aanbieder: string;
  readonly lines: readonly Line[];
  /** The lines per ToewijzingNummer of the found toewijzingen, in message order. */
  readonly byToewijzing: ReadonlyMap<string, readonly Line[]>;
}

/** The JW323 names the gemeente as Ontvanger even when a billing office receives it. */
export function claimOf(facts: Jw323Facts, ctx: CrossContext): Claim {
  const gemeente = facts.header.ontvanger;
  const aanbieder = facts.header.afzender;
  const toewijzingen = declaredToewijzingen(facts, ctx);
  const lines: Line[] = [];
  const byToewijzing = new Map<string, Line[]>();
  for (const client of facts.clienten) {
    for (const prestatie of client.prestaties) {
      const nummer = prestatie.toewijzingNummer;
      const t = toewijzingen.get(nummer);
      // A toewijzing of another aanbieder is none of this aanbieder's: it may not declare on it (OP276).
      const pairing: Pairing = t === undefined || t.aanbieder !== aanbieder ? 'missing' : isDeleted(t) ? 'deleted' : 'found';
      const line: Line = { prestatie, pairing, toewijzing: pairing === 'missing' ? undefined : t };
      lines.push(line);
      if (pairing === 'found') {
        let list = byToewijzing.get(nummer);
        if (list === undefined) byToewijzing.set(nummer, (list = []));
        list.push(line);
      }
    }
  }
  return { gemeente, aanbieder, lines, byToewijzing };
}

/** The lines checked against their toewijzing: found, and debet. */
export function debetLines(claim: Claim): Iterable<Line & { readonly toewijzing: ToewijzingRow }> {
  return claim.lines.filter((l): l is Line & { toewijzing: ToewijzingRow } => l.pairing === 'found' && l.prestatie.debetCredit === 'D');
}
