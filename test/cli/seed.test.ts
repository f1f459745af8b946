/**
 * `ijw-gateway seed` end to end: history seeded into a data dir, then the real gateway started on
 * it accepts what refers to that history (and rejects it on a fresh data dir); seeding is
 * idempotent, skips and reports invalid files, orders by the state's needs, and leaves the quality
 * figures, mailboxes and delivery queues alone.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runSeed, type SeedFlags, type SeedLine } from '../../src/cli/seed-command.js';
import { fixture } from '../support/fixtures.js';
import { KEY, startTestGateway, tempDir } from '../support/gateway.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

const VOT = 'jw315/valid-two-products-huisarts-referral.xml'; // JGV-315-0001, 2026-01-12
const TOEWIJZING = 'jw301/valid-specific-hours-per-week-after-vot.xml'; // EDE-301-0001, 2026-01-16, honours the VOT
const START = 'jw305/valid-start-specific-hours.xml'; // JGV-305-0001: starts that toewijzing
const INVALID = 'jw301/cd005-landcode-without-postcode.xml'; // breaks CD005

// Seeded the day before go-live; the gateway runs on go-live day.
const SEED_CLOCK = () => new Date('2026-03-09T09:00:00.000Z');
const LIVE_CLOCK = () => new Date('2026-03-10T09:00:00.000Z');
const MARCH = 'van=2026-03-01&tot=2026-04-01';

/** A folder of history whose names sort against the state's order: the toewijzing before its VOT. */
function history(extra: Record<string, string> = {}): string {
  const dir = tempDir('history');
  mkdirSync(join(dir, 'a-ede'));
  mkdirSync(join(dir, 'b-jgv'));
  const files: Record<string, string> = { 'a-ede/toewijzing.xml': TOEWIJZING, 'b-jgv/vot.xml': VOT, ...extra };
  for (const [name, source] of Object.entries(files)) copyFileSync(join(fixturesDir, source), join(dir, name));
  return dir;
}

async function seed(paths: string[], flags: SeedFlags) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSeed(paths, { json: true, ...flags }, { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false }, SEED_CLOCK);
  return { code, lines: out.map((l) => JSON.parse(l) as SeedLine), stderr: err.join('\n') };
}

/** Row count of every table in the data dir's database. */
function tableCounts(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, 'ijw-gateway.sqlite'), { readonly: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('ijw-gateway seed', () => {
  it('seeds the history in the order the state needs, after which the gateway accepts the start of a seeded toewijzing', async () => {
    const dataDir = tempDir('seed-data');
    const { code, lines, stderr } = await seed([history()], { dataDir });
    expect(code).toBe(0);
    // By Dagtekening and type, not by name: the VOT first, so the toewijzing honours an open request.
    expect(lines.map((l) => [l.type, l.outcome, l.findings.length])).toEqual([
      ['JW315', 'seeded', 0],
      ['JW301', 'seeded', 0],
    ]);
    expect(stderr).toContain('2 ingelezen (0 met bevindingen), 0 al eerder ingelezen, 0 ongeldig');

    const counts = tableCounts(dataDir);
    expect(counts).toMatchObject({ berichten: 2, deliveries: 0, quality_counts: 0, quality_defects: 0, quality_deadlines: 0 });
    expect(counts.toewijzingen).toBeGreaterThan(0);

    const gw = await startTestGateway({ dataDir, clock: LIVE_CLOCK });
    try {
      // Nothing seeded waits in a mailbox or counts in the quality figures.
      expect((await gw.get('/mailbox', KEY.jgv)).json().berichten).toEqual([]);
      expect((await gw.get('/mailbox', KEY.ede)).json().berichten).toEqual([]);
      expect((await gw.get(`/kwaliteit/eerste-keer?${MARCH}&per=afzender`, KEY.beheer)).json().rijen).toEqual([]);

      // Ede's system sends the seeded toewijzing once more: answered as a resend, not forwarded again.
      const resend = await gw.post(KEY.ede, fixture(TOEWIJZING));
      expect(resend.status).toBe(202);
      expect(resend.json()).toMatchObject({ outcome: 'accepted', melding: expect.stringContaining('ijw-gateway seed') });

      const r = await gw.post(KEY.jgv, fixture(START));
      expect(r.json()).toMatchObject({ outcome: 'accepted', fouten: [] });

      // Only the live JW305 counts: one message, clean; no defect from the history.
      const firstTime = (await gw.get(`/kwaliteit/eerste-keer?${MARCH}&per=type`, KEY.beheer)).json().rijen;
      expect(firstTime).toEqual([expect.objectContaining({ type: 'JW305', berichten: 1, eersteKeerGoed: 1 })]);
      expect((await gw.get(`/kwaliteit/defecten?${MARCH}&per=type`, KEY.beheer)).json().rijen).toEqual([]);
      const terms = (await gw.get(`/kwaliteit/termijnen?van=2026-01-01&tot=2026-04-01`, KEY.beheer)).json().rijen as { soort: string }[];
      expect(terms.map((t) => t.soort).sort()).toEqual(['retour', 'startstop']); // both of the JW305

      // The seeded messages are on record under their own status.
      const seeded = (await gw.get('/berichten?status=seeded', KEY.beheer)).json().berichten as { type: string }[];
      expect(seeded.map((b) => b.type).sort()).toEqual(['JW301', 'JW315']);
    } finally {
      await gw.close();
    }
    expect(tableCounts(dataDir).deliveries).toBe(1); // the JW305 for Ede only
  });

  it('without the history the same start is rejected: its toewijzing is unknown (9019)', async () => {
    const gw = await startTestGateway({ clock: LIVE_CLOCK });
    try {
      const r = (await gw.post(KEY.jgv, fixture(START))).json();
      expect(r.outcome).toBe('rejected');
      expect(r.antwoord.retourcodes).toContain('9019');
    } finally {
      await gw.close();
    }
  });

  it('seeding twice changes nothing: every file is reported as seeded before', async () => {
    const dataDir = tempDir('seed-twice');
    const dir = history();
    const first = await seed([dir], { dataDir });
    const before = tableCounts(dataDir);
    const again = await seed([dir], { dataDir });
    expect(again.code).toBe(0);
    expect(again.lines.map((l) => l.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(again.lines.map((l) => l.id)).toEqual(first.lines.map((l) => l.id));
    expect(tableCounts(dataDir)).toEqual(before);
  });

  it('skips and reports an invalid file (exit 1) and seeds the rest', async () => {
    const dataDir = tempDir('seed-invalid');
    const { code, lines, stderr } = await seed([history({ 'a-ede/broken.xml': INVALID })], { dataDir });
    expect(code).toBe(1);
    const broken = lines.find((l) => l.file.endsWith('broken.xml'));
    expect(broken).toMatchObject({ outcome: 'invalid', type: 'JW301', berichtIdentificatie: 'EDE-301-9107', id: null });
    expect(broken?.errors.map((e) => e.code)).toEqual(['CD005']);
    expect(lines.filter((l) => l.outcome === 'seeded')).toHaveLength(2);
    expect(stderr).toContain('1 ongeldig');
    expect(tableCounts(dataDir).berichten).toBe(2);
  });

  it('in file-name order the toewijzing comes before its VOT: seeded anyway, with the finding it would have had (TR379, 9379)', async () => {
    const dataDir = tempDir('seed-by-name');
    const { code, lines } = await seed([history()], { dataDir, order: 'name' });
    expect(code).toBe(0);
    expect(lines.map((l) => [l.type, l.outcome])).toEqual([
      ['JW301', 'seeded'],
      ['JW315', 'seeded'],
    ]);
    const toewijzing = lines[0]!;
    expect(toewijzing.findings.map((f) => `${f.code} ${f.retourcode}`)).toContain('TR379 9379');
    expect(tableCounts(dataDir).quality_defects).toBe(0);
  });

  it('a conflicting message under a seeded Identificatie is skipped and reported (exit 1)', async () => {
    const dataDir = tempDir('seed-conflict');
    await seed([history()], { dataDir });
    const dir = tempDir('history-conflict');
    const changed = fixture(TOEWIJZING).toString('utf8').replace('<jw301:Geslacht>1</jw301:Geslacht>', '<jw301:Geslacht>2</jw301:Geslacht>');
    writeFileSync(join(dir, 'changed.xml'), changed);
    const { code, lines } = await seed([dir], { dataDir });
    expect(code).toBe(1);
    expect(lines.map((l) => l.outcome)).toEqual(['conflict']);
  });

  it('exits 2 on usage errors: no paths, a folder without messages, an invalid setting', async () => {
    const bin = join(repoRoot, 'dist', 'cli', 'main.js');
    const run = promisify(execFile);
    const noPaths = await run(process.execPath, [bin, 'seed'], { cwd: tempDir('seed-cwd') }).catch((e: { code: number }) => e);
    expect((noPaths as { code: number }).code).toBe(2);
    const empty = await seed([tempDir('seed-empty')], { dataDir: tempDir('seed-empty-data') });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Geen .xml-bestanden');
    const badMappings = await seed([history()], { dataDir: tempDir('seed-bad-mappings'), mappings: tempDir('no-mappings') });
    expect(badMappings.code).toBe(2);
  });
});
