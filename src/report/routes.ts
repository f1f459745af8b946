/**
 * GET /kwaliteit/rapport/:aanbieder/:maand: an aanbieder's monthly quality report as HTML, made
 * fresh from the tallies. For the aanbieder itself, a party acting for it, and operators (the
 * ketenbureau); anyone else gets the 404 of a report that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../errors.js';
import type { AppDeps } from '../http/app.js';
import { authenticate, visibleParties } from '../http/auth.js';
import { collectReport, type CodeMeanings } from './collect.js';
import { MONTH_PATTERN } from './months.js';
import { REPORT_CSP, renderReport } from './render.js';

export interface ReportRouteOptions {
  readonly deps: Pick<AppDeps, 'store' | 'directory' | 'clock'>;
  readonly codes: CodeMeanings;
}

export async function reportRoutes(app: FastifyInstance, { deps, codes }: ReportRouteOptions): Promise<void> {
  app.get(
    '/kwaliteit/rapport/:aanbieder/:maand',
    {
      schema: {
        summary: "An aanbieder's monthly quality report (HTML, printable to PDF): its messages, first-time-right share, defects per rule and retourcode, deadlines",
        tags: ['kwaliteit'],
        params: {
          type: 'object',
          properties: {
            aanbieder: { type: 'string', pattern: '^\\d{8}$', description: 'AGB code' },
            maand: { type: 'string', pattern: MONTH_PATTERN.source, description: 'YYYY-MM' },
          },
          required: ['aanbieder', 'maand'],
        },
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const caller = authenticate(request, deps.directory);
      const { aanbieder: agb, maand } = request.params as { aanbieder: string; maand: string };
      const aanbieder = deps.directory.aanbieder(agb);
      // The ketenbureau sees national figures (quality/visibility.ts), so every aanbieder's report.
      const visible = caller.kind === 'ketenbureau' ? undefined : visibleParties(caller);
      if (visible !== undefined && !visible.includes(aanbieder.id)) {
        throw new GatewayError('IJW_ERR_NOT_FOUND', `No report of aanbieder ${agb} for you.`);
      }
      const html = renderReport(await collectReport({ quality: deps.store.quality, directory: deps.directory, codes, clock: deps.clock }, aanbieder, maand));
      return reply.type('text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).header('cache-control', 'no-store').send(html);
    },
  );
}
