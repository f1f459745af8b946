/** Which version of a toewijzing is current, and which toewijzingen of a client are. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  currentToewijzing,
  currentToewijzingenOfClient,
  isCurrent,
  isDeleted,
  toewijzingenByNummer,
} from '../../../src/state/toewijzing/current.js';
import { TOEWIJZING_SCHEMA } from '../../../src/state/toewijzing/schema.js';
import type { CrossContext } from '../../../src/state/rule.js';

function context(): { ctx: CrossContext; add: (row: Record<string, unknown>) => void } {
  const db = new Database(':memory:');
  db.exec(TOEWIJZING_SCHEMA);
  const ctx = { db, stmt: (sql: string) => db.prepare(sql) } as unknown as CrossContext;
  const insert = db.prepare(`INSERT INTO toewijzingen (bericht_id, gemeente, nummer, aanbieder, bsn, versie, ingangsdatum, einddatum, reden_wijziging, categorie, code)
    VALUES (@bericht_id, @gemeente, @nummer, @aanbieder, @bsn, @versie, @ingangsdatum, @einddatum, @reden_wijziging, '45', '45A48')`);
  const add = (row: Record<string, unknown>): void => {
    insert.run({ bericht_id: 'b', gemeente: '0228', aanbieder: '98041733', bsn: '999936669', einddatum: null, reden_wijziging: null, ...row });
  };
  return { ctx, add };
}

describe('isDeleted and isCurrent', () => {
  it('treats 13, and 01 with Einddatum = Ingangsdatum, as deleted', () => {
    expect(isDeleted({ reden_wijziging: '13', ingangsdatum: '2026-03-01', einddatum: '2026-03-01' })).toBe(true);
    expect(isDeleted({ reden_wijziging: '01', ingangsdatum: '2026-03-01', einddatum: '2026-03-01' })).toBe(true);
    expect(isDeleted({ reden_wijziging: '01', ingangsdatum: '2026-03-01', einddatum: '2026-05-31' })).toBe(false);
    expect(isDeleted({ reden_wijziging: '14', ingangsdatum: '2026-03-01', einddatum: '2026-03-01' })).toBe(false);
  });

  it('counts running, open and future toewijzingen as current, ended and deleted ones not', () => {
    const t = (ingangsdatum: string, einddatum: string | null, reden_wijziging: string | null = null) => ({ ingangsdatum, einddatum, reden_wijziging });
    expect(isCurrent(t('2026-01-01', '2026-06-30'), '2026-06-30')).toBe(true);
    expect(isCurrent(t('2026-01-01', '2026-06-30'), '2026-07-01')).toBe(false);
    expect(isCurrent(t('2026-01-01', null), '2030-01-01')).toBe(true);
    expect(isCurrent(t('2026-09-01', '2026-12-31'), '2026-07-01')).toBe(true);
    expect(isCurrent(t('2026-09-01', '2026-09-01', '13'), '2026-07-01')).toBe(false);
  });
});

describe('current versions', () => {
  it('takes the latest Toewijzingsdatum + Toewijzingstijd, not the latest arrival', () => {
    const { ctx, add } = context();
    add({ nummer: '1', versie: '2026-03-02T11:00:00', ingangsdatum: '2026-03-09', einddatum: '2026-12-31' });
    add({ nummer: '1', versie: '2026-05-27T15:30:00', ingangsdatum: '2026-03-09', einddatum: '2026-05-31', reden_wijziging: '12' });
    // A resend of the first version arrives last (IV013: it keeps its original date and time).
    add({ nummer: '1', versie: '2026-03-02T11:00:00', ingangsdatum: '2026-03-09', einddatum: '2026-12-31' });
    expect(currentToewijzing(ctx, '0228', '1')?.einddatum).toBe('2026-05-31');
    expect(toewijzingenByNummer(ctx, '0228', ['1', '2', '1']).get('1')?.einddatum).toBe('2026-05-31');
    expect(toewijzingenByNummer(ctx, '0228', ['1', '2']).get('2')).toBeUndefined();
  });

  it("lists a client's current toewijzingen by their current version", () => {
    const { ctx, add } = context();
    add({ nummer: '1', versie: '2026-01-16T10:00:00', ingangsdatum: '2026-02-01', einddatum: '2026-07-31' });
    add({ nummer: '1', versie: '2026-07-02T09:00:00', ingangsdatum: '2026-02-01', einddatum: '2026-06-26', reden_wijziging: '14' });
    add({ nummer: '2', versie: '2026-01-16T10:00:00', ingangsdatum: '2026-08-01', einddatum: '2026-12-31' });
    add({ nummer: '3', versie: '2026-01-16T10:00:00', ingangsdatum: '2026-02-01', einddatum: null });
    add({ nummer: '3', versie: '2026-01-17T10:00:00', ingangsdatum: '2026-02-01', einddatum: '2026-02-01', reden_wijziging: '13' });
    add({ nummer: '4', versie: '2026-01-16T10:00:00', ingangsdatum: '2026-02-01', einddatum: null, bsn: '999948246' });
    add({ nummer: '5', versie: '2026-01-16T10:00:00', ingangsdatum: '2026-02-01', einddatum: null, aanbieder: '98062519' });
    const key = { gemeente: '0228', aanbieder: '98041733', bsn: '999936669' };
    expect(currentToewijzingenOfClient(ctx, key, '2026-06-30').map((t) => t.nummer)).toEqual(['2']);
    expect(currentToewijzingenOfClient(ctx, key, '2026-06-26').map((t) => t.nummer)).toEqual(['1', '2']);
  });
});
