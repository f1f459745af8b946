/**
 * Writes the tallies, the drill-down index and the reaction terms of the messages the store
 * commits, inside the store's transaction, so the figures are exactly as committed and survive a
 * crash with the messages. Terms and drill-down rows are written with each message (an answer may
 * close a term opened earlier in the same group); the count cells are summed over the store's
 * group commit and written once per distinct cell at its end (group-sums.ts).
 */
import type Database from 'better-sqlite3';
import type { NewBericht } from '../store/ports.js';
import { cellKey, cellsOfBericht, cellsOfRefusal, type Cell } from './cells.js';
import { due, outcome, planTerms, type NewTerm } from './deadlines.js';
import { gemeenteOf } from './facts.js';
import { GroupSums } from './group-sums.js';
import type { Refusal } from './ports.js';

type CellKey = [string, string, string, string, string, string, string, string, string, string];

/**
 * Called by the store for each message and refusal it writes, and around its group commit: after
 * each write `keep` (it stayed in) or `drop` (rolled back to its savepoint), `commit` as the last
 * statement of the group's transaction, `discard` when that transaction was rolled back.
 */
export interface QualityWriter {
  bericht(b: NewBericht): void;
  refusal(r: Refusal): void;
  keep(): void;
  drop(): void;
  /** Writes the group's count cells, kept writes only (also those since the last keep). */
  commit(): void;
  discard(): void;
}

export function qualityWriter(db: Database.Database, options: { readonly tally: boolean } = { tally: true }): QualityWriter {
  const stmt = {
    // Update first, insert when the cell is new: after a day's first group nearly every cell
    // exists, and an UPDATE costs about two thirds of an INSERT … ON CONFLICT DO UPDATE.
    count: db.prepare<[number, ...CellKey]>(`UPDATE quality_counts SET n = n + ? WHERE day = ? AND measure = ? AND rule = ? AND retourcode = ?
      AND type = ? AND afzender = ? AND ontvanger = ? AND gemeente = ? AND regio = ? AND variant = ?`),
    newCount: db.prepare<[number, ...CellKey]>(`INSERT INTO quality_counts (n, day, measure, rule, retourcode, type, afzender, ontvanger, gemeente, regio, variant)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    defect: db.prepare<[string, string, string, string]>('INSERT OR IGNORE INTO quality_defects (bericht_id, rule, retourcode, day) VALUES (?, ?, ?, ?)'),
    refusal: db.prepare<[string, string | null, number, string, string | null, string]>(
      'INSERT INTO refusals (at, party_id, status_code, code, type, quality) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    term: db.prepare<[string, string, string, string, string, string, string, string, string, string, string | null, string | null, string | null]>(
      `INSERT INTO quality_deadlines (kind, key, type, bericht_id, party, counterparty, gemeente, regio, from_day, due, answered_on, answer_id, outcome)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    openTerms: db.prepare<[string, string], { id: number; due: string }>(
      'SELECT id, due FROM quality_deadlines WHERE key = ? AND kind = ? AND outcome IS NULL',
    ),
    answer: db.prepare<[string, string, string, number]>('UPDATE quality_deadlines SET answered_on = ?, answer_id = ?, outcome = ? WHERE id = ?'),
    // The JW315 a woonplaats rejection answers; a JW317 (VOW) has no such term.
    verzoek: db.prepare<[string], { from_day: string; gemeente: string; regio: string }>(
      "SELECT from_day, gemeente, regio FROM quality_deadlines WHERE key = ? AND kind = 'antwoord' AND type = 'JW315' LIMIT 1",
    ),
    hasWoonplaats: db.prepare<[string], { id: number }>("SELECT id FROM quality_deadlines WHERE key = ? AND kind = 'woonplaats'"),
  };

  // Positional parameters: binding thirteen named ones took about 3 µs of the 7 µs a term row cost.
  const insertTerm = (t: NewTerm, berichtId: string, regio: string, answerId: string | null) =>
    stmt.term.run(
      t.soort,
      t.key,
      t.type,
      berichtId,
      t.party,
      t.counterparty,
      gemeenteOf(t.party, t.counterparty),
      regio,
      t.fromDay,
      t.due,
      t.answeredOn,
      t.answeredOn === null ? null : answerId,
      t.answeredOn === null ? null : outcome(t.due, t.answeredOn),
    );

  const terms = (b: NewBericht) => {
    const plan = planTerms(b);
    const regio = b.quality?.regio ?? '';
    for (const t of plan.open) insertTerm(t, b.id, regio, t.soort === 'startstop' ? b.id : null);
    for (const a of plan.answers) {
      for (const open of stmt.openTerms.all(a.key, a.soort)) stmt.answer.run(plan.day, b.id, outcome(open.due, plan.day), open.id);
    }
    for (const key of plan.woonplaats) {
      const verzoek = stmt.verzoek.get(key);
      if (verzoek === undefined || stmt.hasWoonplaats.get(key) !== undefined) continue;
      const t: NewTerm = {
        soort: 'woonplaats',
        key,
        type: 'JW319',
        party: b.afzender ?? '',
        counterparty: b.ontvanger ?? '',
        fromDay: verzoek.from_day,
        due: due('woonplaats', verzoek.from_day),
        answeredOn: plan.day,
      };
      insertTerm(t, b.id, verzoek.regio, b.id);
    }
  };

  const counts = new GroupSums<Cell>(cellKey);

  return {
    bericht(b) {
      if (!options.tally) return;
      // Written out rather than spread: a NewBericht has twenty-odd fields, and this runs per message.
      const cells = cellsOfBericht({
        receivedAt: b.receivedAt,
        type: b.type,
        origin: b.origin,
        status: b.status,
        afzender: b.afzender,
        ontvanger: b.ontvanger,
        fouten: b.report.fouten,
        quality: b.quality ?? null,
      });
      for (const c of cells) {
        counts.add(c);
        if (c.measure === 'defect') stmt.defect.run(b.id, c.rule, c.retourcode, c.day);
      }
      terms(b);
    },
    refusal(r) {
      stmt.refusal.run(r.at, r.partyId, r.statusCode, r.code, r.type, JSON.stringify(r.quality));
      if (!options.tally) return;
      for (const c of cellsOfRefusal(r)) counts.add(c);
    },
    keep: () => counts.keep(),
    drop: () => counts.drop(),
    commit() {
      counts.keep();
      for (const { item: c, n } of counts.take()) {
        const key: CellKey = [c.day, c.measure, c.rule, c.retourcode, c.type, c.afzender, c.ontvanger, c.gemeente, c.regio, c.variant];
        if (stmt.count.run(n, ...key).changes === 0) stmt.newCount.run(n, ...key);
      }
    },
    discard: () => counts.clear(),
  };
}
