/**
 * The monthly job: one report per configured aanbieder for the month before, written to
 * <dataDir>/rapporten/<agb>/<yyyy-mm>.html. A plain function; main.ts schedules it with node-cron.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { collectReport, type ReportSource } from './collect.js';
import { previousMonth } from './months.js';
import { renderReport } from './render.js';

/** On the 1st of each month at 06:00 Europe/Amsterdam, after the night's last messages of the month before. */
export const DEFAULT_REPORT_SCHEDULE = '0 6 1 * *';
export const REPORT_TIMEZONE = 'Europe/Amsterdam';

export function reportFile(dataDir: string, agb: string, month: string): string {
  return join(dataDir, 'rapporten', agb, `${month}.html`);
}

export interface ReportJob extends ReportSource {
  readonly dataDir: string;
  readonly log: Logger;
}

/**
 * Writes the reports of `month` (default: the month before the clock's) and returns their paths. A
 * file is written beside its final name and renamed, so a reader never sees half a report; one
 * aanbieder's failure (a full disk, say) is logged and does not keep the others from theirs.
 */
export async function writeMonthlyReports(job: ReportJob, month: string = previousMonth(job.clock())): Promise<string[]> {
  const written: string[] = [];
  for (const party of job.directory.parties) {
    if (party.kind !== 'aanbieder' || party.code === undefined) continue;
    const file = reportFile(job.dataDir, party.code, month);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, renderReport(await collectReport(job, party, month)));
      renameSync(`${file}.tmp`, file);
      written.push(file);
    } catch (err) {
      job.log.error({ err, aanbieder: party.id, month }, 'monthly quality report failed');
    }
  }
  job.log.info({ month, reports: written.length }, 'monthly quality reports written');
  return written;
}
