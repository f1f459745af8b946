/**
 * The answers of the quality API as data: rows from reads.ts, masked for the caller's perspective.
 * Dutch field names, as the API publishes them.
 */
import type { DeadlineSoort } from './deadlines.js';
import type { Dimension } from './dimensions.js';
import type { DeadlineRow, DefectRow, FirstTimeRow } from './reads.js';
import { mask, total, type Perspective, type Shown } from './visibility.js';

export interface Header {
  readonly perspectief: { readonly partij: string; readonly rol: string };
  readonly drempel: number;
  readonly van: string;
  readonly tot: string;
}

export type DefectView = Header & {
  readonly per: readonly Dimension[];
  readonly rijen: readonly (Partial<Record<Dimension, string>> & { readonly aantal: Shown; readonly eigen: boolean })[];
  readonly totaal: Shown;
  /** False when the total leaves out the one masked cell it would otherwise give away. */
  readonly totaalVolledig: boolean;
};

export type FirstTimeView = Header & {
  readonly per: readonly Dimension[];
  readonly rijen: readonly (Partial<Record<Dimension, string>> & {
    readonly berichten: Shown;
    readonly eersteKeerGoed: Shown;
    /** Share accepted first time, 0..1 with 4 decimals; null when a count behind it is masked. */
    readonly aandeel: number | null;
    readonly eigen: boolean;
  })[];
};

export type DeadlineView = Header & {
  readonly rijen: readonly {
    readonly partij: string;
    readonly maand: string;
    readonly soort: DeadlineSoort;
    readonly open: Shown;
    readonly opTijd: Shown;
    readonly teLaat: Shown;
    readonly eigen: boolean;
  }[];
};

export function header(p: Perspective, van: string, tot: string): Header {
  return { perspectief: { partij: p.partij, rol: p.rol }, drempel: p.drempel, van, tot };
}

export function defectView(p: Perspective, van: string, tot: string, per: readonly Dimension[], rows: readonly DefectRow[]): DefectView {
  const cells = rows.map((r) => ({ r, n: r.n, shown: mask(r.n, r.own, p.drempel) }));
  return {
    ...header(p, van, tot),
    per,
    rijen: cells.map(({ r, shown }) => ({ ...r.values, aantal: shown, eigen: r.own })),
    ...total(cells, p.drempel),
  };
}

export function firstTimeView(p: Perspective, van: string, tot: string, per: readonly Dimension[], rows: readonly FirstTimeRow[]): FirstTimeView {
  return {
    ...header(p, van, tot),
    per,
    rijen: rows.map((r) => {
      const berichten = mask(r.received, r.own, p.drempel);
      const eersteKeerGoed = mask(r.clean, r.own, p.drempel);
      const hidden = typeof berichten === 'string' || typeof eersteKeerGoed === 'string' || r.received === 0;
      return { ...r.values, berichten, eersteKeerGoed, aandeel: hidden ? null : Math.round((r.clean / r.received) * 10_000) / 10_000, eigen: r.own };
    }),
  };
}

export function deadlineView(p: Perspective, van: string, tot: string, rows: readonly DeadlineRow[]): DeadlineView {
  return {
    ...header(p, van, tot),
    rijen: rows.map((r) => ({
      partij: r.partij,
      maand: r.maand,
      soort: r.soort,
      open: mask(r.open, r.own, p.drempel),
      opTijd: mask(r.met, r.own, p.drempel),
      teLaat: mask(r.breached, r.own, p.drempel),
      eigen: r.own,
    })),
  };
}
