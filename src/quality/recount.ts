/**
 * Counts the tallies again from what the store holds: every received message (header columns,
 * outcome, report, stored facts) and every refusal, through the same cell functions the writer
 * uses. Equal to quality_counts as long as retention has removed nothing: the tallies keep the
 * counts of pruned messages on purpose, the message store does not.
 */
import type Database from 'better-sqlite3';
import type { ValidationResult } from '../validate/report.js';
import { cellKey, cellsOfBericht, cellsOfRefusal, KEY_COLUMNS, type Cell } from './cells.js';
import type { QualityFacts } from './facts.js';

/** Cells in a stable order, equal cells summed: the form in which two tallies compare. */
export function normalise(cells: Iterable<Cell>): Cell[] {
  const byKey = new Map<string, Cell>();
  for (const c of cells) {
    const k = cellKey(c);
    const seen = byKey.get(k);
    byKey.set(k, seen === undefined ? { ...c } : { ...seen, n: seen.n + c.n });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

export function recount(db: Database.Database): Cell[] {
  const cells: Cell[] = [];
  const berichten = db.prepare<[], { received_at: string; type: string | null; origin: 'received' | 'generated'; status: string; afzender: string | null; ontvanger: string | null; report: string; quality: string | null }>(
    "SELECT received_at, type, origin, status, afzender, ontvanger, report, quality FROM berichten WHERE origin = 'received'",
  );
  for (const r of berichten.iterate()) {
    const report = JSON.parse(r.report) as ValidationResult;
    cells.push(
      ...cellsOfBericht({
        receivedAt: r.received_at,
        type: r.type,
        origin: r.origin,
        status: r.status,
        afzender: r.afzender,
        ontvanger: r.ontvanger,
        fouten: report.fouten,
        quality: r.quality === null ? null : (JSON.parse(r.quality) as QualityFacts),
      }),
    );
  }
  const refusals = db.prepare<[], { at: string; status_code: number; type: string | null; quality: string }>('SELECT at, status_code, type, quality FROM refusals');
  for (const r of refusals.iterate()) {
    cells.push(...cellsOfRefusal({ at: r.at, statusCode: r.status_code, type: r.type, quality: JSON.parse(r.quality) as QualityFacts }));
  }
  return normalise(cells);
}

/** The tallies as written, in the same form. */
export function tallied(db: Database.Database): Cell[] {
  return normalise(db.prepare<[], Cell>(`SELECT ${KEY_COLUMNS.join(', ')}, n FROM quality_counts`).all());
}
