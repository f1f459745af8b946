/**
 * Writes the tallies, the drill-down index and the reaction terms of one message inside the
 * store's transaction for that message (SqliteStore calls it per record), so the figures are
 * exactly as committed and survive a crash with the message.
 */
import type Database from 'better-sqlite3';
import type { NewBericht } from '../store/ports.js';
import { cellsOfBericht, cellsOfRefusal, type Cell } from './cells.js';
import { due, outcome, planTerms, type NewTerm } from './deadlines.js';
import { gemeenteOf } from './facts.js';
import type { Refusal } from './ports.js';

export interface QualityWriter {
  bericht(b: NewBericht): void;
  refusal(r: Refusal): void;
}

export function qualityWriter(db: Database.Database, options: { readonly tally: boolean } = { tally: true }): QualityWriter {
  const stmt = {
    count: db.prepare<Cell>(`INSERT INTO quality_counts (day, measure, rule, retourcode, type, afzender, ontvanger, gemeente, regio, variant, n)
      VALUES (@day, @measure, @rule, @retourcode, @type, @afzender, @ontvanger, @gemeente, @regio, @variant, @n)
      ON CONFLICT DO UPDATE SET n = n + excluded.n`),
    defect: db.prepare<[string, string, string, string]>('INSERT OR IGNORE INTO quality_defects (bericht_id, rule, retourcode, day) VALUES (?, ?, ?, ?)'),
    refusal: db.prepare<[string, string | null, number, string, string | null, string]>(
      'INSERT INTO refusals (at, party_id, status_code, code, type, quality) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    term: db.prepare(`INSERT INTO quality_deadlines (kind, key, type, bericht_id, party, counterparty, gemeente, regio, from_day, due, answered_on, answer_id, outcome)
      VALUES (@kind, @key, @type, @berichtId, @party, @counterparty, @gemeente, @regio, @fromDay, @due, @answeredOn, @answerId, @outcome)`),
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

  const insertTerm = (t: NewTerm, berichtId: string, regio: string, answerId: string | null) =>
    stmt.term.run({
      kind: t.soort,
      key: t.key,
      type: t.type,
      berichtId,
      party: t.party,
      counterparty: t.counterparty,
      gemeente: gemeenteOf(t.party, t.counterparty),
      regio,
      fromDay: t.fromDay,
      due: t.due,
      answeredOn: t.answeredOn,
      answerId: t.answeredOn === null ? null : answerId,
      outcome: t.answeredOn === null ? null : outcome(t.due, t.answeredOn),
    });

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

  return {
    bericht(b) {
      if (!options.tally) return;
      const cells = cellsOfBericht({ ...b, fouten: b.report.fouten, quality: b.quality ?? null });
      for (const c of cells) {
        stmt.count.run(c);
        if (c.measure === 'defect') stmt.defect.run(b.id, c.rule, c.retourcode, c.day);
      }
      terms(b);
    },
    refusal(r) {
      stmt.refusal.run(r.at, r.partyId, r.statusCode, r.code, r.type, JSON.stringify(r.quality));
      if (!options.tally) return;
      for (const c of cellsOfRefusal(r)) stmt.count.run(c);
    },
  };
}
