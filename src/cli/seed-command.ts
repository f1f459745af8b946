/**
 * `ijw-gateway seed`: loads the history a region's parties exchanged before going live into the
 * gateway's database (the file `serve` uses), so that the cross-message rules find the earlier
 * messages later ones refer to. Per file: seeded (with the cross-message findings it would have had,
 * as data-quality feedback), already seeded (skipped), invalid (skipped) or in conflict with another
 * message under its Identificatie (skipped). See src/ingest/seed.ts for what seeding records.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { GatewayError } from '../errors.js';
import { systemIds } from '../ingest/ids.js';
import { localAnalyser } from '../ingest/pool.js';
import { seedMessage, type SeedOutcome, type SeedResult } from '../ingest/seed.js';
import { DATABASE_FILE } from '../main.js';
import { loadMappings } from '../mappings/load.js';
import type { Directory } from '../mappings/types.js';
import { checkerOptions } from '../state/options.js';
import type { CheckerOptions } from '../state/check.js';
import { SqliteStore } from '../store/sqlite.js';
import { inputFout } from '../validate/report.js';
import { expandInputs, type InputFile } from './files.js';
import { inStateOrder } from './seed-order.js';
import { foutLines, type Output } from './validate-command.js';

export type SeedOrder = 'state' | 'name';

export interface SeedFlags {
  readonly dataDir?: string;
  readonly mappings?: string;
  readonly json?: boolean;
  readonly order?: SeedOrder;
}

export interface SeedLine extends SeedResult {
  readonly file: string;
}

const EXIT_USAGE = 2;

const LABEL: Readonly<Record<SeedOutcome, string>> = {
  seeded: 'SEED    ',
  duplicate: 'DUBBEL  ',
  conflict: 'CONFLICT',
  invalid: 'FOUT    ',
};

function textLines(line: SeedLine): string[] {
  const what = `${line.type ?? 'onbekend type'}${line.berichtIdentificatie === null ? '' : ` ${line.berichtIdentificatie}`}`;
  const head = `${LABEL[line.outcome]} ${line.file} (${what})`;
  switch (line.outcome) {
    case 'seeded':
      if (line.findings.length === 0) return [head];
      return [`${head}: ${line.findings.length} bevinding(en) over eerdere berichten; toch ingelezen`, ...line.findings.flatMap(foutLines)];
    case 'duplicate':
      return [`${head}: al eerder ingelezen of ontvangen als ${line.id ?? '?'}; overgeslagen`];
    case 'conflict':
      return [`${head}: deze Identificatie is al gebruikt voor een ander bericht (${line.id ?? '?'}); overgeslagen`];
    case 'invalid':
      return [`${head}: ${line.errors.length} fout(en); overgeslagen`, ...line.errors.flatMap(foutLines)];
  }
}

function summaryLines(lines: readonly SeedLine[]): string[] {
  const n = (o: SeedOutcome) => lines.filter((l) => l.outcome === o).length;
  const withFindings = lines.filter((l) => l.findings.length > 0).length;
  return [
    '',
    `Samenvatting: ${lines.length} bestand(en): ${n('seeded')} ingelezen (${withFindings} met bevindingen), ` +
      `${n('duplicate')} al eerder ingelezen, ${n('invalid')} ongeldig, ${n('conflict')} in conflict`,
  ];
}

interface Setup {
  readonly dataDir: string;
  readonly directory: Directory;
  readonly checker: CheckerOptions;
  readonly maxBytes: number;
  readonly xsdVersies: readonly string[];
}

/** The same settings, mappings and database file as `serve`; a problem is a usage error. */
function setup(flags: SeedFlags): Setup {
  const config = loadConfig(process.env, {
    ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
    ...(flags.mappings === undefined ? {} : { mappingsDir: flags.mappings }),
  });
  return {
    dataDir: config.dataDir,
    directory: loadMappings(config.mappingsDir),
    checker: checkerOptions(config.mappingsDir),
    maxBytes: config.maxBytes,
    xsdVersies: config.xsdVersies,
  };
}

/** Returns the exit code: 0 every valid file seeded (or seeded before), 1 any invalid or in conflict, 2 usage error. */
export async function runSeed(paths: readonly string[], flags: SeedFlags, io: Output, clock: () => Date = () => new Date()): Promise<number> {
  let s: Setup;
  try {
    s = setup(flags);
  } catch (err) {
    if (err instanceof GatewayError) {
      io.err(err.message);
      return EXIT_USAGE;
    }
    throw err;
  }
  const found = await expandInputs(paths);
  if (found.length === 0) {
    io.err(`Geen .xml-bestanden gevonden in ${paths.join(', ')}.`);
    return EXIT_USAGE;
  }
  const inputs = flags.order === 'name' ? found : await inStateOrder(found);

  mkdirSync(s.dataDir, { recursive: true });
  const store = new SqliteStore({ path: join(s.dataDir, DATABASE_FILE), checker: s.checker });
  const analyser = localAnalyser({ maxBytes: s.maxBytes, rules: { xsdVersies: { basisschema: s.xsdVersies, bericht: s.xsdVersies } } });
  const deps = { store, directory: s.directory, analyser, ids: systemIds(() => clock().getTime()), clock };
  const lines: SeedLine[] = [];
  try {
    for (const input of inputs) {
      const line: SeedLine = { file: input.path, ...(await seedFile(input, deps)) };
      lines.push(line);
      if (flags.json === true) io.out(JSON.stringify(line));
      else for (const text of textLines(line)) io.out(text);
    }
  } finally {
    await analyser.close();
    store.close();
  }
  // JSON mode keeps stdout to one object per file; the summary goes to stderr.
  for (const text of summaryLines(lines)) (flags.json === true ? io.err : io.out)(text);
  return lines.some((l) => l.outcome === 'invalid' || l.outcome === 'conflict') ? 1 : 0;
}

async function seedFile(input: InputFile, deps: Parameters<typeof seedMessage>[1]): Promise<SeedResult> {
  const unreadable = (detail: string): SeedResult => ({ outcome: 'invalid', type: null, berichtIdentificatie: null, id: null, errors: [inputFout('READ', detail)], findings: [] });
  if (input.error !== undefined) return unreadable(input.error);
  let bytes: Buffer;
  try {
    bytes = await readFile(input.path);
  } catch (err) {
    return unreadable((err as Error).message);
  }
  return seedMessage(bytes, deps);
}
