/**
 * The quality figures over HTTP: defects, first-time-right shares, reaction terms and the messages
 * behind a count, as JSON or CSV, each caller seeing what its role may see (src/quality/visibility.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toAmsterdamDate } from '../calendar/index.js';
import { toDayNumber } from '../calendar/iso-date.js';
import { GatewayError } from '../errors.js';
import { codes, RULE_LISTS, type RuleList } from '../quality/codes.js';
import { toCsv } from '../quality/csv.js';
import { DEADLINE_SOORTEN, type DeadlineSoort } from '../quality/deadlines.js';
import { DIMENSIONS, isDimension, MESSAGE_DIMENSIONS, type Dimension } from '../quality/dimensions.js';
import { lastTwelveMonths, monthPeriod } from '../quality/period.js';
import type { Filters } from '../quality/reads.js';
import { defectView, deadlineView, firstTimeView } from '../quality/views.js';
import { perspective, type Perspective } from '../quality/visibility.js';
import { MESSAGE_TYPES, type MessageType } from '../standard/catalogue.js';
import type { AppDeps } from './app.js';
import { authenticate, visibleParties } from './auth.js';

/** Cells of other parties below this are shown as "<5". */
export const DEFAULT_THRESHOLD = 5;

const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const MONTH = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } as const;
const COUNT = { type: ['integer', 'string'], description: 'exact, or "<5" for a small cell of other parties' } as const;

const period = {
  van: { ...DAY, description: 'first day, inclusive (default: the first day of the month eleven months ago)' },
  tot: { ...DAY, description: 'last day, exclusive (default: the first day of next month)' },
  format: { type: 'string', enum: ['json', 'csv'], description: 'csv: semicolon-separated, as Accept: text/csv' },
} as const;

const filterProperties = Object.fromEntries(DIMENSIONS.map((d) => [d, { type: 'string' }]));

const headerSchema = {
  perspectief: { type: 'object', properties: { partij: { type: 'string' }, rol: { type: 'string' } } },
  drempel: { type: 'integer' },
  van: { type: 'string' },
  tot: { type: 'string' },
} as const;

const errorSchema = { type: 'object', properties: { code: { type: 'string' }, melding: { type: 'string' }, detail: { type: 'string' } } } as const;

const dimensionValues = Object.fromEntries(DIMENSIONS.map((d) => [d, { type: 'string' }]));

/** Responses of a table endpoint: the header, `rijen` of the given shape, and what else it adds. */
function tableResponses(row: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    200: { type: 'object', properties: { ...headerSchema, ...extra, rijen: { type: 'array', items: { type: 'object', properties: row } } } },
    400: errorSchema,
    401: errorSchema,
  } as const;
}

const PER = { per: { type: 'array', items: { type: 'string' } } } as const;

function checkDay(name: string, value: string): string {
  try {
    toDayNumber(value);
  } catch {
    throw new GatewayError('IJW_ERR_BAD_REQUEST', `${name} is not a date yyyy-mm-dd: ${value}`);
  }
  return value;
}

function parsePer(per: string | undefined, allowed: readonly Dimension[], fallback: readonly Dimension[]): Dimension[] {
  if (per === undefined || per.trim() === '') return [...fallback];
  const list = per.split(',').map((s) => s.trim());
  const wrong = list.filter((d) => !isDimension(d) || !allowed.includes(d));
  if (wrong.length > 0) throw new GatewayError('IJW_ERR_BAD_REQUEST', `per: unknown dimension ${wrong.join(', ')}; choose from ${allowed.join(', ')}`);
  return [...new Set(list as Dimension[])];
}

function filtersOf(q: Record<string, unknown>, allowed: readonly Dimension[]): Filters {
  const out: Filters = {};
  for (const d of allowed) {
    const v = q[d];
    if (typeof v === 'string' && v !== '') out[d] = v;
  }
  return out;
}

function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: string }).format;
  if (format !== undefined) return format === 'csv';
  return /\btext\/csv\b/.test(request.headers.accept ?? '');
}

function sendCsv(reply: FastifyReply, name: string, columns: readonly string[], rows: readonly Record<string, unknown>[]) {
  const yesNo = rows.map((r) => ('eigen' in r ? { ...r, eigen: r.eigen === true ? 'ja' : 'nee' } : r));
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="kwaliteit-${name}.csv"`)
    .send(toCsv(columns, yesNo));
}

interface Context {
  readonly perspective: Perspective;
  readonly van: string;
  readonly tot: string;
}

export async function kwaliteitRoutes(app: FastifyInstance, { deps, ruleLists = RULE_LISTS }: { deps: AppDeps; ruleLists?: readonly RuleList[] }): Promise<void> {
  const threshold = deps.qualityThreshold ?? DEFAULT_THRESHOLD;

  const context = (request: FastifyRequest): Context => {
    const party = authenticate(request, deps.directory);
    const q = request.query as { van?: string; tot?: string };
    const fallback = lastTwelveMonths(deps.clock());
    const van = checkDay('van', q.van ?? fallback.van);
    const tot = checkDay('tot', q.tot ?? fallback.tot);
    if (tot <= van) throw new GatewayError('IJW_ERR_BAD_REQUEST', `tot (${tot}) must come after van (${van}).`);
    return { perspective: perspective(party, deps.directory, threshold), van, tot };
  };

  app.get(
    '/kwaliteit/defecten',
    {
      schema: {
        summary: 'Defects counted per dimension (XSD, rules, header checks, transport refusals)',
        description:
          'Rows group the defects of the period by the dimensions in `per`. Your own rows are exact; rows of other parties are ' +
          'aggregated (their party as "(overig)") and cells below the threshold are shown as "<5". Filters on a party dimension ' +
          'return your own rows only. `?format=csv` or `Accept: text/csv` gives the same rows as semicolon-separated CSV.',
        querystring: {
          type: 'object',
          properties: { ...period, per: { type: 'string', description: `comma list of ${DIMENSIONS.join(', ')} (default maand)` }, ...filterProperties },
          additionalProperties: false,
        },
        response: tableResponses({ ...dimensionValues, aantal: COUNT, eigen: { type: 'boolean' } }, { ...PER, totaal: COUNT, totaalVolledig: { type: 'boolean' } }),
      },
    },
    async (request, reply) => {
      const c = context(request);
      const q = request.query as Record<string, unknown> & { per?: string };
      const per = parsePer(q.per, DIMENSIONS, ['maand']);
      const rows = await deps.store.quality.defects({ from: c.van, to: c.tot, per, filters: filtersOf(q, DIMENSIONS), scope: c.perspective.scope });
      const view = defectView(c.perspective, c.van, c.tot, per, rows);
      if (wantsCsv(request)) return sendCsv(reply, 'defecten', [...per, 'aantal', 'eigen'], view.rijen);
      return view;
    },
  );

  app.get(
    '/kwaliteit/eerste-keer',
    {
      schema: {
        summary: 'Share of messages accepted the first time, without any defect',
        description: 'Received messages (`berichten`) and those accepted without a defect (`eersteKeerGoed`), per dimension (default afzender).',
        querystring: {
          type: 'object',
          properties: { ...period, per: { type: 'string', description: `comma list of ${MESSAGE_DIMENSIONS.join(', ')} (default afzender)` }, ...filterProperties },
          additionalProperties: false,
        },
        response: tableResponses(
          { ...dimensionValues, berichten: COUNT, eersteKeerGoed: COUNT, aandeel: { type: ['number', 'null'] }, eigen: { type: 'boolean' } },
          PER,
        ),
      },
    },
    async (request, reply) => {
      const c = context(request);
      const q = request.query as Record<string, unknown> & { per?: string };
      const per = parsePer(q.per, MESSAGE_DIMENSIONS, ['afzender']);
      const rows = await deps.store.quality.firstTime({ from: c.van, to: c.tot, per, filters: filtersOf(q, MESSAGE_DIMENSIONS), scope: c.perspective.scope });
      const view = firstTimeView(c.perspective, c.van, c.tot, per, rows);
      if (wantsCsv(request)) return sendCsv(reply, 'eerste-keer', [...per, 'berichten', 'eersteKeerGoed', 'aandeel', 'eigen'], view.rijen);
      return view;
    },
  );

  app.get(
    '/kwaliteit/termijnen',
    {
      schema: {
        summary: 'Reaction terms per party and month: open, on time, late',
        description:
          'Terms in werkdagen with the Dutch public holidays: retour 3 (OP090), antwoord on a JW315/JW317 5 (OP274, OP346), ' +
          'startstop 5 after the start or stop (OP271, OP272), declaratie-antwoord 10 (OP090x4), woonplaats 2 weeks (OP359). ' +
          '`partij` is the party that has to act; `maand` the month the term ends. An open term past its end counts as late.',
        querystring: {
          type: 'object',
          properties: { ...period, soort: { type: 'string', enum: DEADLINE_SOORTEN } },
          additionalProperties: false,
        },
        response: tableResponses({
          partij: { type: 'string' },
          maand: { type: 'string' },
          soort: { type: 'string' },
          open: COUNT,
          opTijd: COUNT,
          teLaat: COUNT,
          eigen: { type: 'boolean' },
        }),
      },
    },
    async (request, reply) => {
      const c = context(request);
      const { soort } = request.query as { soort?: DeadlineSoort };
      const rows = await deps.store.quality.deadlines({
        from: c.van,
        to: c.tot,
        ...(soort === undefined ? {} : { soort }),
        scope: c.perspective.scope,
        today: toAmsterdamDate(deps.clock()),
      });
      const view = deadlineView(c.perspective, c.van, c.tot, rows);
      if (wantsCsv(request)) return sendCsv(reply, 'termijnen', ['partij', 'maand', 'soort', 'open', 'opTijd', 'teLaat', 'eigen'], view.rijen);
      return view;
    },
  );

  app.get(
    '/kwaliteit/berichten',
    {
      schema: {
        summary: 'The messages behind a defect count that you may see, newest first',
        description: 'Each item links to GET /berichten/{id}. Transport refusals have no message behind them.',
        querystring: {
          type: 'object',
          properties: {
            regel: { type: 'string' },
            retourcode: { type: 'string' },
            type: { type: 'string', enum: MESSAGE_TYPES },
            maand: MONTH,
            afzender: { type: 'string' },
            ontvanger: { type: 'string' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            after: { type: 'string', description: 'cursor: the `next` of the previous page' },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    type: { type: ['string', 'null'] },
                    ontvangen: { type: 'string' },
                    afzender: { type: ['string', 'null'] },
                    ontvanger: { type: ['string', 'null'] },
                    status: { type: 'string' },
                    retourcodes: { type: 'array', items: { type: 'string' } },
                    regels: { type: 'array', items: { type: 'string' } },
                    bericht: { type: 'string', description: 'GET this for the message and its report' },
                  },
                },
              },
              next: { type: ['string', 'null'] },
            },
          },
          400: errorSchema,
          401: errorSchema,
        },
      },
    },
    async (request) => {
      const party = authenticate(request, deps.directory);
      const q = request.query as { regel?: string; retourcode?: string; type?: MessageType; maand?: string; afzender?: string; ontvanger?: string; limit: number; after?: string };
      const month = q.maand === undefined ? undefined : monthPeriod(q.maand);
      const visible = visibleParties(party);
      const page = await deps.store.quality.berichten({
        limit: q.limit,
        ...(q.regel === undefined ? {} : { rule: q.regel }),
        ...(q.retourcode === undefined ? {} : { retourcode: q.retourcode }),
        ...(q.type === undefined ? {} : { type: q.type }),
        ...(month === undefined ? {} : { from: month.van, to: month.tot }),
        ...(q.afzender === undefined ? {} : { afzender: q.afzender }),
        ...(q.ontvanger === undefined ? {} : { ontvanger: q.ontvanger }),
        ...(q.after === undefined ? {} : { after: q.after }),
        ...(visible === undefined ? {} : { visibleTo: visible }),
      });
      return { items: page.items.map((i) => ({ ...i, bericht: `/berichten/${i.id}` })), next: page.next };
    },
  );

  const catalogue = codes(ruleLists);
  app.get(
    '/kwaliteit/codes',
    {
      schema: {
        summary: 'What the codes in the figures mean: retourcodes (WJ001) and rule codes',
        response: {
          200: {
            type: 'object',
            properties: {
              retourcodes: { type: 'object', additionalProperties: { type: 'string' } },
              regels: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
    },
    async (request) => {
      authenticate(request, deps.directory);
      return catalogue;
    },
  );
}
