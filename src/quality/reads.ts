/**
 * The read side of the quality figures: grouped tallies, first-time-right shares, reaction terms
 * and the messages behind a count. Every query gets a Scope and groups the rows that are not the
 * caller's own with their party columns replaced, in SQL, so detail of others never leaves the
 * database. Masking small cells is visibility.ts's job on the result.
 */
import type Database from 'better-sqlite3';
import type { MessageType } from '../standard/catalogue.js';
import { NOT_FORWARDED, type BerichtStatus } from '../store/ports.js';
import type { Measure } from './cells.js';
import type { DeadlineSoort } from './deadlines.js';
import { COLUMN, UNKNOWN, type Dimension } from './dimensions.js';
import type { QualityReadsNow } from './ports.js';
import { OTHERS, type Scope } from './visibility.js';

/** Days `yyyy-mm-dd`: `from` inclusive, `to` exclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export type Filters = Partial<Record<Dimension, string>>;

export interface DefectQuery extends Period {
  readonly per: readonly Dimension[];
  readonly filters: Filters;
  readonly scope: Scope;
}

export interface DefectRow {
  readonly values: Readonly<Partial<Record<Dimension, string>>>;
  readonly own: boolean;
  readonly n: number;
}

export type FirstTimeQuery = DefectQuery;

export interface FirstTimeRow {
  readonly values: Readonly<Partial<Record<Dimension, string>>>;
  readonly own: boolean;
  readonly received: number;
  readonly clean: number;
}

export interface DeadlineQuery extends Period {
  readonly soort?: DeadlineSoort;
  readonly scope: Scope;
  /** The caller's today: an open term past its due date counts as breached. */
  readonly today: string;
}

export interface DeadlineRow {
  readonly partij: string;
  readonly maand: string;
  readonly soort: DeadlineSoort;
  readonly own: boolean;
  readonly open: number;
  readonly met: number;
  readonly breached: number;
}

export interface DrillQuery {
  readonly rule?: string;
  readonly retourcode?: string;
  readonly type?: MessageType;
  readonly from?: string;
  readonly to?: string;
  readonly afzender?: string;
  readonly ontvanger?: string;
  /** Party ids as for Store.list: undefined = all (operator). */
  readonly visibleTo?: readonly string[];
  readonly limit: number;
  readonly after?: string;
}

export interface DrillItem {
  readonly id: string;
  readonly type: MessageType | null;
  readonly ontvangen: string;
  readonly afzender: string | null;
  readonly ontvanger: string | null;
  readonly status: BerichtStatus;
  readonly retourcodes: readonly string[];
  readonly regels: readonly string[];
}

export interface DrillPage {
  readonly items: readonly DrillItem[];
  readonly next: string | null;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** SQL that is 1 for a row of the caller's own, over the given party and regio columns. */
function ownExpression(scope: Scope, partyColumns: readonly string[], regioColumn: string): { sql: string; params: string[] } {
  if (scope.all) return { sql: '1', params: [] };
  const parts: string[] = [];
  const params: string[] = [];
  if (scope.codes.length > 0) {
    for (const c of partyColumns) {
      parts.push(`${c} IN (${marks(scope.codes.length)})`);
      params.push(...scope.codes);
    }
  }
  if (scope.regios.length > 0) {
    parts.push(`${regioColumn} IN (${marks(scope.regios.length)})`);
    params.push(...scope.regios);
  }
  return parts.length === 0 ? { sql: '0', params: [] } : { sql: `(CASE WHEN ${parts.join(' OR ')} THEN 1 ELSE 0 END)`, params };
}

function stored(value: string): string {
  return value === UNKNOWN ? '' : value;
}

function shown(value: string): string {
  return value === '' ? UNKNOWN : value;
}

interface Grouped {
  readonly values: Partial<Record<Dimension, string>>;
  readonly own: boolean;
  readonly sums: Readonly<Record<Measure, number>>;
}

function grouped(db: Database.Database, q: DefectQuery, measures: readonly Measure[]): Grouped[] {
  const own = ownExpression(q.scope, ['afzender', 'ontvanger', 'gemeente'], 'regio');
  const where = [`measure IN (${marks(measures.length)})`, 'day >= ?', 'day < ?'];
  const params: unknown[] = [...measures, q.from, q.to];
  let ownOnly = false;
  for (const [d, v] of Object.entries(q.filters) as [Dimension, string][]) {
    where.push(`${COLUMN[d]} = ?`);
    params.push(stored(v));
    // Filtering others by a column they do not show would single them out again.
    if (q.scope.hidden.includes(d)) ownOnly = true;
  }
  const select = q.per.map((d, i) => (q.scope.hidden.includes(d) ? `CASE WHEN own = 1 THEN ${COLUMN[d]} ELSE '${OTHERS}' END AS d${i}` : `${COLUMN[d]} AS d${i}`));
  const groupBy = ['own', ...q.per.map((_, i) => `d${i}`)];
  const sums = measures.map((m) => `SUM(CASE WHEN measure = '${m}' THEN n ELSE 0 END) AS "${m}"`);
  const sql = `SELECT ${[...select, 'own', ...sums].join(', ')}
    FROM (SELECT *, ${own.sql} AS own FROM quality_counts WHERE ${where.join(' AND ')})
    ${ownOnly ? 'WHERE own = 1' : ''}
    GROUP BY ${groupBy.join(', ')} ORDER BY ${groupBy.slice(1).concat('own DESC').join(', ')}`;
  const rows = db.prepare<unknown[], Record<string, string | number>>(sql).all(...own.params, ...params);
  return rows.map((r) => ({
    values: Object.fromEntries(q.per.map((d, i) => [d, shown(String(r[`d${i}`]))])),
    own: r.own === 1,
    sums: Object.fromEntries(measures.map((m) => [m, Number(r[m])])) as Record<Measure, number>,
  }));
}

export function qualityReads(db: Database.Database): QualityReadsNow {
  return {
    defects(q) {
      return grouped(db, q, ['defect']).map((g) => ({ values: g.values, own: g.own, n: g.sums.defect }));
    },
    firstTime(q) {
      return grouped(db, q, ['received', 'clean']).map((g) => ({ values: g.values, own: g.own, received: g.sums.received, clean: g.sums.clean }));
    },
    deadlines(q) {
      const own = ownExpression(q.scope, ['party', 'counterparty', 'gemeente'], 'regio');
      const params: unknown[] = [q.from, q.to];
      const soort = q.soort === undefined ? '' : 'AND kind = ?';
      if (q.soort !== undefined) params.push(q.soort);
      // A term counts in the month it falls due. Open while today is on or before the due date,
      // as calendar status() decides it; ISO dates compare as strings.
      const sql = `SELECT CASE WHEN own = 1 THEN party ELSE '${OTHERS}' END AS partij, substr(due, 1, 7) AS maand, kind AS soort, own,
          SUM(CASE WHEN outcome IS NULL AND due >= ? THEN 1 ELSE 0 END) AS open,
          SUM(CASE WHEN outcome = 'met' THEN 1 ELSE 0 END) AS met,
          SUM(CASE WHEN outcome = 'breached' OR (outcome IS NULL AND due < ?) THEN 1 ELSE 0 END) AS breached
        FROM (SELECT *, ${own.sql} AS own FROM quality_deadlines WHERE due >= ? AND due < ? ${soort})
        GROUP BY own, partij, maand, soort ORDER BY maand, soort, partij, own DESC`;
      return db
        .prepare<unknown[], { partij: string; maand: string; soort: DeadlineSoort; own: number; open: number; met: number; breached: number }>(sql)
        .all(q.today, q.today, ...own.params, ...params)
        .map((r) => ({ ...r, partij: shown(r.partij), own: r.own === 1 }));
    },
    berichten(q) {
      const inner: string[] = [];
      const innerParams: unknown[] = [];
      const eq = (sql: string, v: string | undefined, into: string[], params: unknown[]) => {
        if (v === undefined) return;
        into.push(sql);
        params.push(v);
      };
      eq('rule = ?', q.rule, inner, innerParams);
      eq('retourcode = ?', q.retourcode, inner, innerParams);
      eq('day >= ?', q.from, inner, innerParams);
      eq('day < ?', q.to, inner, innerParams);
      const where = [`b.id IN (SELECT bericht_id FROM quality_defects ${inner.length > 0 ? `WHERE ${inner.join(' AND ')}` : ''})`];
      const params: unknown[] = [...innerParams];
      eq('b.type = ?', q.type, where, params);
      // The tallies count a message without a readable header under its authenticated sender.
      eq("COALESCE(b.afzender, json_extract(b.quality, '$.sender')) = ?", q.afzender, where, params);
      eq('b.ontvanger = ?', q.ontvanger, where, params);
      if (q.visibleTo !== undefined) {
        const m = marks(q.visibleTo.length) || 'NULL';
        // As Store.list: what one sent, and what was forwarded to one (refused messages were not).
        where.push(`(b.sender_id IN (${m}) OR (b.recipient_id IN (${m}) AND b.status NOT IN (${marks(NOT_FORWARDED.length)})))`);
        params.push(...q.visibleTo, ...q.visibleTo, ...NOT_FORWARDED);
      }
      eq('b.id < ?', q.after, where, params);
      const sql = `SELECT b.id, b.type, b.received_at, b.afzender, b.ontvanger, b.status,
          (SELECT json_group_array(DISTINCT x.rule) FROM quality_defects x WHERE x.bericht_id = b.id) AS rules,
          (SELECT json_group_array(DISTINCT x.retourcode) FROM quality_defects x WHERE x.bericht_id = b.id) AS codes
        FROM berichten b WHERE ${where.join(' AND ')} ORDER BY b.id DESC LIMIT ?`;
      const rows = db
        .prepare<unknown[], { id: string; type: MessageType | null; received_at: string; afzender: string | null; ontvanger: string | null; status: BerichtStatus; rules: string; codes: string }>(sql)
        .all(...params, q.limit + 1);
      const items = rows.slice(0, q.limit).map((r) => ({
        id: r.id,
        type: r.type,
        ontvangen: r.received_at,
        afzender: r.afzender,
        ontvanger: r.ontvanger,
        status: r.status,
        retourcodes: (JSON.parse(r.codes) as string[]).filter((c) => c !== '').sort(),
        regels: (JSON.parse(r.rules) as string[]).sort(),
      }));
      return { items, next: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null };
    },
  };
}
