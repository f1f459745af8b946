#!/usr/bin/env node
/** The `ijw-gateway` command line. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ENGINES, type EngineName } from '../validate/validator.js';
import { runBackup } from './backup-command.js';
import { runRetour } from './retour-command.js';
import { runSeed, type SeedFlags } from './seed-command.js';
import { runServe } from './serve-command.js';
import { runValidate, type OutputFormat } from './validate-command.js';

// Exit codes: 0 all valid, 1 invalid input found, 2 usage error (as the issue and many linters use).
const EXIT_USAGE = 2;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('ijw-gateway')
    .description('Gateway for iJw 3.2 (iStandaard Jeugdwet) messages: validation, retour messages and routing.')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('validate')
    .description('Validate iJw 3.2 messages (files or folders of *.xml) against the schemas and rules.')
    .argument('<paths...>', 'files or folders; folders are searched for *.xml')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--engine <engine>', 'XSD engine (xerces needs a JDK and is slow)').choices(ENGINES).default('libxml2'))
    .option('--max-bytes <n>', 'refuse messages larger than this (default 25 MB, the hubs\' limit)', positiveInt)
    .action(async (paths: string[], opts: { format: OutputFormat; engine: EngineName; maxBytes?: number }) => {
      process.exitCode = await runValidate(paths, opts, io());
    });

  program
    .command('retour')
    .description('Print the retour message (JW302, JW306, …) for a heen-bericht, with its retourcodes.')
    .argument('<heen>', 'the heen-bericht (JW301, JW305, JW307, JW315, JW317 or JW319)')
    .option('--identificatie <id>', 'IdentificatieRetour (at most 12 characters; default: generated)', maxLength(12))
    .option('--dagtekening <date>', 'DagtekeningRetour, yyyy-mm-dd (default: today)', isoDate)
    .action(async (heen: string, opts: { identificatie?: string; dagtekening?: string }) => {
      process.exitCode = await runRetour(heen, opts, io());
    });

  program
    .command('serve')
    .description('Run the gateway: accept, validate, store, route and deliver iJw messages over HTTP.')
    .option('--port <n>', 'port to listen on (IJW_PORT, default 8080)', portNumber)
    .option('--data-dir <dir>', 'where the SQLite database lives (IJW_DATA_DIR, default ./data)')
    .option('--mappings <dir>', 'parties, regio routing and delivery settings (IJW_MAPPINGS_DIR, default: the sample mappings)')
    .action(async (opts: { port?: number; dataDir?: string; mappings?: string }) => {
      process.exitCode = await runServe(opts, io());
    });

  program
    .command('seed')
    .summary('Load the history from before going live into the cross-message state (nothing is delivered).')
    .description(
      'Load the history exchanged before going live into the gateway\'s database, so that later messages find what they refer to. ' +
        'Valid messages are recorded with the cross-message findings they would have had; invalid ones are skipped and reported; ' +
        'a file seeded before is skipped.',
    )
    .argument('<paths...>', 'files or folders of historical iJw messages; folders are searched for *.xml')
    .option('--data-dir <dir>', 'where the SQLite database lives, as for serve (IJW_DATA_DIR, default ./data)')
    .option('--mappings <dir>', 'parties and regio\'s, as for serve (IJW_MAPPINGS_DIR, default: the sample mappings)')
    .option('--json', 'one JSON object per file on stdout, the summary on stderr')
    .addOption(
      new Option('--order <order>', 'state: by Dagtekening, then JW315/JW317, JW319, JW301, JW305/JW307, JW323, JW325 (each retour after its heen-bericht), then name; name: file-name order')
        .choices(['state', 'name'])
        .default('state'),
    )
    .addHelpText(
      'after',
      '\nSeeded messages are stored with status "seeded": never delivered, answered or counted in the quality figures.\n' +
        'Exit code: 0 every valid file seeded (or seeded before), 1 some files invalid or in conflict, 2 usage error.',
    )
    .action(async (paths: string[], opts: SeedFlags) => {
      process.exitCode = await runSeed(paths, opts, io());
    });

  program
    .command('backup')
    .description('Write a consistent copy of the gateway\'s database to a new file, also while the gateway runs.')
    .argument('<file>', 'the new file (never overwritten)')
    .option('--data-dir <dir>', 'where the SQLite database lives, as for serve (IJW_DATA_DIR, default ./data)')
    .addHelpText(
      'after',
      '\nRestore: stop the gateway, copy the file to <data-dir>/ijw-gateway.sqlite (remove the -wal and -shm files beside it), start.\n' +
        'Exit code: 0 written, 1 the backup failed, 2 usage error (no database, the file exists).',
    )
    .action((file: string, opts: { dataDir?: string }) => {
      process.exitCode = runBackup(file, opts, io());
    });

  return program;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
}

function io() {
  return {
    out: (line: string) => process.stdout.write(`${line}\n`),
    err: (line: string) => process.stderr.write(`${line}\n`),
    isTTY: process.stderr.isTTY === true,
  };
}

function maxLength(n: number): (value: string) => string {
  return (value) => {
    if (value.trim() === '' || value.length > n) throw new InvalidArgumentError(`expected 1 to ${n} characters`);
    return value;
  };
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected yyyy-mm-dd');
  return value;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    throw err;
  }
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit();
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
