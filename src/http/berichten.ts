/** POST /berichten and the read side: list, detail, raw message, operator replay. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from '../errors.js';
import { ingest } from '../ingest/ingest.js';
import { refusalFacts } from '../quality/facts.js';
import { MESSAGE_TYPES, type MessageType } from '../standard/catalogue.js';
import type { Party } from '../mappings/types.js';
import { BERICHT_STATUSES, NOT_FORWARDED, type BerichtStatus } from '../store/ports.js';
import { LARGE_BYTES } from '../validate/large.js';
import { reportToXml } from '../validate/report-xml.js';
import type { AppDeps } from './app.js';
import { authenticate, visibleParties } from './auth.js';

const XML_TYPES = ['application/xml', 'text/xml'];

/** Sendings refused before they became a message, which the quality tallies count, by status. */
const REFUSAL_CODES: Readonly<Record<number, string>> = {
  401: 'IJW_ERR_UNAUTHENTICATED',
  403: 'IJW_ERR_FORBIDDEN',
  413: 'IJW_ERR_TOO_LARGE',
  415: 'IJW_ERR_MEDIA_TYPE',
};

const foutSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    retourcode: { type: 'string' },
    location: { type: 'string' },
    line: { type: 'integer' },
    message: { type: 'string' },
    detail: { type: 'string' },
  },
} as const;

const ingestAnswerSchema = {
  type: 'object',
  properties: {
    id: { type: ['string', 'null'] },
    outcome: { type: 'string', enum: ['accepted', 'rejected', 'invalid', 'conflict', 'forbidden'] },
    type: { type: ['string', 'null'] },
    berichtIdentificatie: { type: ['string', 'null'] },
    ontvanger: { type: ['string', 'null'] },
    antwoord: {
      type: ['object', 'null'],
      properties: { id: { type: 'string' }, type: { type: 'string' }, retourcodes: { type: 'array', items: { type: 'string' } } },
    },
    melding: { type: 'string' },
    fouten: { type: 'array', items: foutSchema },
  },
} as const;

const errorSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, melding: { type: 'string' }, detail: { type: 'string' } },
} as const;

/** The same rule as the store's `visibleTo`: what you sent, and what was forwarded to you. */
function canSee(party: Party, b: { senderId: string; recipientId: string | null; status: BerichtStatus }): boolean {
  const visible = visibleParties(party);
  if (visible === undefined || visible.includes(b.senderId)) return true;
  return b.recipientId !== null && visible.includes(b.recipientId) && !NOT_FORWARDED.includes(b.status);
}

/** The media type without parameters: 'application/xml; charset=utf-8' → 'application/xml'. */
function isXmlMediaType(contentType: string | undefined): boolean {
  return XML_TYPES.includes(((contentType ?? '').split(';')[0] ?? '').trim().toLowerCase());
}

function wantsXml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /\b(application|text)\/xml\b/.test(accept) && !accept.includes('application/json');
}

export async function berichtenRoutes(app: FastifyInstance, { deps }: { deps: AppDeps }): Promise<void> {
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: deps.maxBytes }, (_req, body, done) => done(null, body));

  // The type of a message refused with 403: the only thing of its content the refusal keeps.
  const refusedType = new WeakMap<FastifyRequest, MessageType | null>();
  // Before the answer leaves, as for a stored message: a refusal that was answered is counted.
  app.addHook('onSend', (request, reply, payload, done) => {
    const code = REFUSAL_CODES[reply.statusCode];
    if (request.method !== 'POST' || request.routeOptions.url !== '/berichten' || code === undefined) {
      done(null, payload);
      return;
    }
    void countRefusal(request, reply.statusCode, code).then(() => done(null, payload));
  });

  async function countRefusal(request: FastifyRequest, statusCode: number, code: string): Promise<void> {
    let party: Party | null = null;
    try {
      party = authenticate(request, deps.directory);
    } catch {
      // 401: nobody we know
    }
    try {
      await deps.store.recordRefusal({
        at: deps.clock().toISOString(),
        partyId: party?.id ?? null,
        statusCode,
        code,
        type: refusedType.get(request) ?? null,
        quality: refusalFacts(deps.directory, party),
      });
    } catch (err) {
      request.log.error({ err }, 'refusal not counted');
    }
  }

  app.post(
    '/berichten',
    {
      schema: {
        summary: 'Send an iJw 3.2 message',
        description:
          'The message is validated (XSD, then every in-message rule), authorised against its Afzender, stored durably and ' +
          'queued for its recipient. A message that breaks rules is answered on the recipient\'s behalf with the retour ' +
          '(or JW325) the standard prescribes, delivered to the sender. 2xx means committed.',
        consumes: XML_TYPES,
        body: { type: 'string', description: 'The message, UTF-8 XML.' },
        response: {
          202: ingestAnswerSchema,
          409: ingestAnswerSchema,
          422: ingestAnswerSchema,
          401: errorSchema,
          403: { ...ingestAnswerSchema, properties: { ...ingestAnswerSchema.properties, ...errorSchema.properties } },
          413: errorSchema,
          415: errorSchema,
          503: errorSchema,
        },
      },
      // The schema above documents the body; the parser hands us the raw bytes.
      validatorCompiler: () => () => true,
      // Decided when the headers arrive, before the body: a sending that started before a shutdown
      // is finished and committed, an unknown caller cannot make us read 25 MB, and fastify's own
      // JSON and text parsers never see a message (they would hand over an object or a string).
      onRequest: (request, _reply, done) => {
        try {
          if (deps.draining()) throw new GatewayError('IJW_ERR_UNAVAILABLE', 'Shutting down; not accepting new messages.');
          authenticate(request, deps.directory);
          if (!isXmlMediaType(request.headers['content-type'])) {
            throw new GatewayError('IJW_ERR_MEDIA_TYPE', `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted.`);
          }
        } catch (err) {
          done(err as Error);
          return;
        }
        done();
      },
    },
    async (request, reply) => {
      const party = authenticate(request, deps.directory);
      // Without a body fastify skips the parser; an empty message is still a message (preflight: EMPTY).
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const started = performance.now();
      // A large declaratie is analysed on the analysis workers (with chunk threads): on the writer
      // thread it would hold up every other write for a second or more.
      const answer = deps.ingestOnWriter !== undefined && bytes.byteLength < LARGE_BYTES ? await deps.ingestOnWriter(bytes, party) : await ingest(bytes, party, deps);
      const { body } = answer;
      deps.metrics.messagesIn.labels(body.type ?? 'unknown', body.outcome).inc();
      deps.metrics.ingestDuration.labels(body.outcome).observe((performance.now() - started) / 1000);
      request.log.info({ bericht: body.id, type: body.type, outcome: body.outcome, from: party.id, to: body.ontvanger }, 'bericht');
      // Mailboxes wait for their owners; only a push needs the pusher, which polls the store.
      if (answer.pushQueued) deps.onQueued();
      if (body.id !== null) reply.header('location', `/berichten/${body.id}`);
      if (answer.statusCode === 403) {
        refusedType.set(request, body.type);
        return reply.code(403).send({ ...body, code: 'IJW_ERR_FORBIDDEN', detail: `${party.id} may not send for this Afzender.` });
      }
      if (answer.statusCode === 422 && wantsXml(request)) {
        return reply.code(422).type('application/xml; charset=utf-8').send(reportToXml(answer.report, { id: body.id, melding: body.melding }));
      }
      return reply.code(answer.statusCode as 202 | 409 | 422).send(body);
    },
  );

  app.get(
    '/berichten',
    {
      schema: {
        summary: 'List messages you sent or received (operators: all), newest first',
        querystring: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: MESSAGE_TYPES },
            afzender: { type: 'string' },
            ontvanger: { type: 'string' },
            status: { type: 'string', enum: BERICHT_STATUSES },
            van: { type: 'string', format: 'date-time', description: 'received at or after' },
            tot: { type: 'string', format: 'date-time', description: 'received before' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            na: { type: 'string', description: 'cursor: the `volgende` of the previous page' },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const party = authenticate(request, deps.directory);
      const q = request.query as {
        type?: MessageType;
        afzender?: string;
        ontvanger?: string;
        status?: BerichtStatus;
        van?: string;
        tot?: string;
        limit: number;
        na?: string;
      };
      const visible = visibleParties(party);
      const page = await deps.store.list({
        limit: q.limit,
        ...(q.type === undefined ? {} : { type: q.type }),
        ...(q.afzender === undefined ? {} : { afzender: q.afzender }),
        ...(q.ontvanger === undefined ? {} : { ontvanger: q.ontvanger }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.van === undefined ? {} : { from: new Date(q.van).toISOString() }),
        ...(q.tot === undefined ? {} : { to: new Date(q.tot).toISOString() }),
        ...(q.na === undefined ? {} : { after: q.na }),
        ...(visible === undefined ? {} : { visibleTo: visible }),
      });
      return { berichten: page.items, volgende: page.next };
    },
  );

  const visibleSummary = (request: FastifyRequest): { party: Party; id: string } => {
    const party = authenticate(request, deps.directory);
    const { id } = request.params as { id: string };
    const detail = deps.store.detail(id);
    if (detail === undefined || !canSee(party, detail)) {
      // Not found and not yours look the same: ids of other parties' messages are not confirmed.
      throw new GatewayError('IJW_ERR_NOT_FOUND', `No message ${id} visible to you.`);
    }
    return { party, id };
  };

  app.get(
    '/berichten/:id',
    {
      schema: {
        summary: 'One message: validation report, status history, delivery attempts and related messages',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    },
    async (request) => {
      const { party, id } = visibleSummary(request);
      const detail = deps.store.detail(id)!;
      return {
        ...detail,
        // A party sees links only to messages it may see itself.
        related: detail.related.filter((r) => {
          const other = deps.store.detail(r.id);
          return other !== undefined && canSee(party, other);
        }),
        xml: `/berichten/${id}/xml`,
      };
    },
  );

  app.get(
    '/berichten/:id/xml',
    {
      schema: {
        summary: 'The message exactly as received (or as the gateway wrote it)',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    },
    async (request, reply) => {
      const { id } = visibleSummary(request);
      return reply.type('application/xml; charset=utf-8').send(Buffer.from(deps.store.body(id)!));
    },
  );

  app.post(
    '/berichten/:id/replay',
    {
      schema: {
        summary: 'Operators: queue a message again for its recipient (after a dead letter, or on request)',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    },
    async (request, reply) => {
      const party = authenticate(request, deps.directory);
      if (!party.operator) throw new GatewayError('IJW_ERR_NOT_OPERATOR', `${party.id} is not an operator.`);
      const { id } = request.params as { id: string };
      const detail = deps.store.detail(id);
      if (detail === undefined || detail.recipientId === null) throw new GatewayError('IJW_ERR_NOT_FOUND', `No deliverable message ${id}.`);
      if (detail.status === 'invalid' || detail.status === 'rejected' || detail.status === 'conflict') {
        throw new GatewayError('IJW_ERR_BAD_REQUEST', `Message ${id} has status ${detail.status}; only messages that were queued can be replayed.`);
      }
      const recipient = deps.directory.partyById(detail.recipientId);
      if (recipient === undefined) throw new GatewayError('IJW_ERR_NOT_FOUND', `Recipient ${detail.recipientId} is no longer configured.`);
      const deliveryId = await deps.store.requeue(id, recipient.id, recipient.delivery.mode, `replay by ${party.id}`);
      request.log.info({ bericht: id, by: party.id, delivery: deliveryId }, 'replay');
      deps.onQueued();
      return reply.code(202).send({ id, delivery: deliveryId, ontvanger: recipient.id, mode: recipient.delivery.mode });
    },
  );
}
