import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runValidate, type FileReport } from '../../src/cli/validate-command.js';
import { fixtures } from '../support/fixtures.js';
import { fixturesDir, repoRoot } from '../support/paths.js';

const run = promisify(execFile);
const bin = join(repoRoot, 'dist', 'cli', 'main.js');

function captured() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), isTTY: false } };
}

async function json(paths: string[]) {
  const c = captured();
  const code = await runValidate(paths, { format: 'json', engine: 'libxml2' }, c.io);
  return { code, reports: c.out.map((l) => JSON.parse(l) as FileReport), stderr: c.err };
}

describe('validate command', () => {
  it('prints one JSON object per file with the documented fields, and exits 0 when all are valid', async () => {
    const valid = fixtures('valid-');
    const { code, reports } = await json(valid.map((f) => join(fixturesDir, f.name)));
    expect(code).toBe(0);
    expect(reports).toHaveLength(valid.length);
    for (const r of reports) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['file', 'type', 'wellFormed', 'xsdValid', 'valid', 'errors']));
      expect(r.valid).toBe(true);
    }
  });

  it('walks folders for *.xml and exits 1 when any file is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ijw-cli-'));
    writeFileSync(join(dir, 'a.xml'), fixtures('valid-')[0]!.bytes);
    writeFileSync(join(dir, 'b.xml'), fixtures('xsd-')[0]!.bytes);
    writeFileSync(join(dir, 'notes.txt'), 'not a message');
    const { code, reports, stderr } = await json([dir]);
    expect(code).toBe(1);
    expect(reports.map((r) => [r.file.slice(dir.length + 1), r.valid])).toEqual([
      ['a.xml', true],
      ['b.xml', false],
    ]);
    expect(reports[1]!.errors[0]).toMatchObject({ code: 'XSD', retourcode: '0001' });
    expect(stderr.join('\n')).toMatch(/2 bestand\(en\), 1 geldig, 1 ongeldig/);
  });

  it('turns missing, unreadable and hostile files into result lines', async () => {
    const { code, reports } = await json([join(fixturesDir, 'hostile'), '/nonexistent/file.xml']);
    expect(code).toBe(1);
    expect(reports.length).toBeGreaterThanOrEqual(9);
    expect(reports.every((r) => !r.valid && r.errors.length > 0)).toBe(true);
    expect(reports.at(-1)).toMatchObject({ file: '/nonexistent/file.xml', wellFormed: false, type: null });
    expect(reports.at(-1)!.errors[0]!.code).toBe('READ');
  });

  it('prints a text report with a summary per type and the top error codes', async () => {
    const c = captured();
    const files = [...fixtures('valid-').slice(0, 2), ...fixtures('xsd-').slice(0, 2)].map((f) => join(fixturesDir, f.name));
    await runValidate(files, { format: 'text', engine: 'libxml2' }, c.io);
    const text = c.out.join('\n');
    expect(text).toMatch(/^OK {4}/m);
    expect(text).toMatch(/^FOUT {2}/m);
    expect(text).toMatch(/Samenvatting: 4 bestand\(en\), 2 geldig, 2 ongeldig/);
    expect(text).toMatch(/Meest voorkomende foutcodes:\n\s+XSD\s+\d+/);
  });
});

describe('ijw-gateway binary', () => {
  it('answers --help with exit 0 and a usage error with exit 2', async () => {
    const help = await run('node', [bin, '--help']);
    expect(help.stdout).toContain('validate');
    await expect(run('node', [bin, 'validate'])).rejects.toMatchObject({ code: 2 });
    await expect(run('node', [bin, 'validate', '--format', 'yaml', fixturesDir])).rejects.toMatchObject({ code: 2 });
  });

  it('validates a folder end to end with exit code 1 for the invalid fixtures', async () => {
    const err = await run('node', [bin, 'validate', '--format', 'json', fixturesDir]).catch((e: { code: number; stdout: string }) => e);
    expect('code' in err ? err.code : 0).toBe(1);
    const lines = err.stdout.trim().split('\n');
    expect(lines.every((l) => typeof JSON.parse(l).valid === 'boolean')).toBe(true);
  });

  it('offers the Xerces reference engine', async () => {
    const valid = join(fixturesDir, fixtures('valid-')[0]!.name);
    const invalid = join(fixturesDir, fixtures('xsd-')[0]!.name);
    const err = await run('node', [bin, 'validate', '--format', 'json', '--engine', 'xerces', valid, invalid]).catch(
      (e: { code: number; stdout: string }) => e,
    );
    const reports = err.stdout.trim().split('\n').map((l) => JSON.parse(l) as FileReport);
    expect(reports.map((r) => r.xsdValid)).toEqual([true, false]);
    expect(reports[1]!.errors[0]!.code).toBe('XSD');
  }, 60_000);
});
