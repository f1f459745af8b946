/**
 * Who sees what of the quality figures (the Food Valley monitor model): a party sees its own
 * figures in full detail and the rest only aggregated over parties, with small cells masked.
 *
 * - gemeente: rows in which it (or a party it acts for) is Afzender, Ontvanger or the gemeente side;
 *   other gemeenten only per regio, their parties as "(overig)";
 * - aanbieder, intermediair: rows of its own traffic (and of those it acts for); the rest as national
 *   totals only;
 * - factuurbureau: every row of its regio; the rest as national totals;
 * - ketenbureau and operators: everything, per rule, retourcode, type, regio and party.
 *
 * Cells of others below the threshold are shown as "<drempel" (default "<5").
 */
import type { Directory, Party } from '../mappings/types.js';
import type { Dimension } from './dimensions.js';

/** Replaces the party (and, nationally, the regio) of rows that are not the caller's own. */
export const OTHERS = '(overig)';

export interface Scope {
  /** Sees every row in full. */
  readonly all: boolean;
  /** Party codes whose rows are the caller's own: AGB codes and gemeentecodes. */
  readonly codes: readonly string[];
  /** Regio's whose rows are the caller's own (a factuurbureau's regio). */
  readonly regios: readonly string[];
  /** Dimensions replaced by OTHERS in rows that are not the caller's own. */
  readonly hidden: readonly Dimension[];
}

export interface Perspective {
  readonly partij: string;
  readonly rol: string;
  readonly scope: Scope;
  readonly drempel: number;
}

const PARTY_DIMENSIONS: readonly Dimension[] = ['afzender', 'ontvanger', 'gemeente'];

function codeOf(directory: Directory, id: string): string {
  const p = directory.partyById(id);
  return p?.code ?? id;
}

export function perspective(party: Party, directory: Directory, drempel: number): Perspective {
  const base = { partij: party.id, rol: party.operator ? 'beheerder' : party.kind, drempel };
  if (party.operator || party.kind === 'ketenbureau') {
    return { ...base, scope: { all: true, codes: [], regios: [], hidden: [] } };
  }
  const codes = [...(party.code === undefined ? [] : [party.code]), ...party.actsFor.map((id) => codeOf(directory, id))];
  if (party.kind === 'gemeente') return { ...base, scope: { all: false, codes, regios: [], hidden: PARTY_DIMENSIONS } };
  const regios = party.kind === 'factuurbureau' && party.regio !== undefined ? [party.regio] : [];
  return { ...base, scope: { all: false, codes, regios, hidden: [...PARTY_DIMENSIONS, 'regio'] } };
}

/** A count as shown: exact in the caller's own rows, masked below the threshold in others'. */
export type Shown = number | string;

export function mask(n: number, own: boolean, drempel: number): Shown {
  return own || n === 0 || n >= drempel ? n : `<${drempel}`;
}

export function isMasked(v: Shown): v is string {
  return typeof v === 'string';
}

/**
 * The total over shown cells. Exact, unless exactly one cell is masked: then the total minus the
 * others would give that cell away, so the total leaves it out and says so. A total that is itself
 * below the threshold and holds masked cells is masked too.
 */
export function total(cells: readonly { readonly n: number; readonly shown: Shown }[], drempel: number): { totaal: Shown; totaalVolledig: boolean } {
  const all = cells.reduce((s, c) => s + c.n, 0);
  const masked = cells.filter((c) => isMasked(c.shown));
  if (masked.length === 0) return { totaal: all, totaalVolledig: true };
  if (all < drempel) return { totaal: `<${drempel}`, totaalVolledig: true };
  if (masked.length === 1) return { totaal: all - masked[0]!.n, totaalVolledig: false };
  return { totaal: all, totaalVolledig: true };
}
