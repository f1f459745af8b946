/**
 * `ijw-gateway validate`: checks files and folders of iJw messages and reports per file, as text
 * for people or as one JSON object per line for pipelines.
 */
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { inputFout, rejected, type Fout, type ValidationResult } from '../validate/report.js';
import { createValidator, type EngineName } from '../validate/validator.js';
import { expandInputs } from './files.js';

export type OutputFormat = 'text' | 'json';

export interface ValidateCommandOptions {
  readonly format: OutputFormat;
  readonly engine: EngineName;
  readonly maxBytes?: number;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
  readonly isTTY: boolean;
}

export interface FileReport {
  readonly file: string;
  readonly type: string | null;
  readonly berichtIdentificatie: string | null;
  readonly wellFormed: boolean;
  readonly xsdValid: boolean;
  readonly valid: boolean;
  readonly errors: readonly Fout[];
}

function toReport(file: string, r: ValidationResult): FileReport {
  return {
    file,
    type: r.type,
    berichtIdentificatie: r.berichtIdentificatie?.identificatie ?? null,
    wellFormed: r.wellFormed,
    xsdValid: r.xsdValid,
    valid: r.valid,
    errors: r.fouten,
  };
}

function textLines(report: FileReport): string[] {
  const what = report.type === null ? 'onbekend type' : report.type;
  const id = report.berichtIdentificatie === null ? '' : ` ${report.berichtIdentificatie}`;
  if (report.valid) return [`OK    ${report.file} (${what}${id})`];
  const lines = [`FOUT  ${report.file} (${what}${id}): ${report.errors.length} fout(en)`];
  for (const e of report.errors) lines.push(...foutLines(e));
  return lines;
}

/** One error or finding in text output: code, retourcode and place, then the Dutch and English text. */
export function foutLines(e: Fout): string[] {
  return [`      [${e.code} ${e.retourcode}] regel ${e.line} ${e.location}`, `        ${e.message}`, `        ${e.detail}`];
}

function summaryLines(reports: readonly FileReport[]): string[] {
  const perType = new Map<string, { valid: number; invalid: number }>();
  const perCode = new Map<string, number>();
  for (const r of reports) {
    const key = r.type ?? 'onbekend';
    const counts = perType.get(key) ?? { valid: 0, invalid: 0 };
    if (r.valid) counts.valid++;
    else counts.invalid++;
    perType.set(key, counts);
    for (const e of r.errors) perCode.set(e.code, (perCode.get(e.code) ?? 0) + 1);
  }
  const valid = reports.filter((r) => r.valid).length;
  const lines = [
    '',
    `Samenvatting: ${reports.length} bestand(en), ${valid} geldig, ${reports.length - valid} ongeldig`,
  ];
  for (const [type, c] of [...perType].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${type.padEnd(9)} ${String(c.valid).padStart(6)} geldig ${String(c.invalid).padStart(6)} ongeldig`);
  }
  const top = [...perCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
  if (top.length > 0) {
    lines.push('  Meest voorkomende foutcodes:');
    for (const [code, n] of top) lines.push(`    ${code.padEnd(9)} ${n}`);
  }
  return lines;
}

// A progress bar only pays off for more than a handful of files.
const PROGRESS_THRESHOLD = 5;

/** Returns the process exit code: 0 all valid, 1 any invalid. */
export async function runValidate(paths: readonly string[], options: ValidateCommandOptions, io: Output): Promise<number> {
  const validator = createValidator({
    engine: options.engine,
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
  const inputs = await expandInputs(paths);
  const bar =
    io.isTTY && inputs.length > PROGRESS_THRESHOLD
      ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
      : undefined;
  bar?.start(inputs.length, 0);
  const reports: FileReport[] = [];
  for (const input of inputs) {
    let result: ValidationResult;
    if (input.error !== undefined) {
      result = rejected(inputFout('READ', input.error), false);
    } else {
      try {
        result = await validator.validate(await readFile(input.path));
      } catch (err) {
        result = rejected(inputFout('READ', (err as Error).message), false);
      }
    }
    const report = toReport(input.path, result);
    reports.push(report);
    if (options.format === 'json') io.out(JSON.stringify(report));
    else if (bar === undefined || !report.valid) {
      bar?.stop();
      for (const line of textLines(report)) io.out(line);
      bar?.start(inputs.length, reports.length);
    }
    bar?.update(reports.length);
  }
  bar?.stop();
  await validator.close();
  const summary = summaryLines(reports);
  // JSON mode keeps stdout to one object per file; the summary goes to stderr.
  for (const line of summary) (options.format === 'json' ? io.err : io.out)(line);
  return reports.every((r) => r.valid) ? 0 : 1;
}
