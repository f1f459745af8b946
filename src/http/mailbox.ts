/**
 * The mailbox, for recipients without an endpoint: list what waits, fetch a message, acknowledge
 * it. A message stays available until it is acknowledged. An intermediary may read the mailbox of
 * a party it acts for with ?voor=<party id>.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from '../errors.js';
import type { Party } from '../mappings/types.js';
import type { AppDeps } from './app.js';
import { authenticate } from './auth.js';

function owner(request: FastifyRequest, deps: AppDeps): { caller: Party; partyId: string } {
  const caller = authenticate(request, deps.directory);
  const voor = (request.query as { voor?: string }).voor;
  if (voor === undefined || voor === caller.id) return { caller, partyId: caller.id };
  if (caller.operator || caller.actsFor.includes(voor)) return { caller, partyId: voor };
  throw new GatewayError('IJW_ERR_FORBIDDEN', `${caller.id} does not act for ${voor}.`);
}

const voorQuery = { voor: { type: 'string', description: 'party id, for an intermediary reading for a party it acts for' } } as const;
const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

export async function mailboxRoutes(app: FastifyInstance, { deps }: { deps: AppDeps }): Promise<void> {
  app.get(
    '/mailbox',
    {
      schema: {
        summary: 'Messages waiting for you, oldest first',
        querystring: {
          type: 'object',
          properties: {
            ...voorQuery,
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            na: { type: 'integer', minimum: 0, description: 'cursor: the last id of the previous page' },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { partyId } = owner(request, deps);
      const { limit, na } = request.query as { limit: number; na?: number };
      const items = deps.store.mailbox(partyId, limit, na ?? 0).map((d) => {
        const b = deps.store.detail(d.berichtId);
        return {
          id: d.id,
          bericht: d.berichtId,
          type: b?.type ?? null,
          afzender: b?.afzender ?? null,
          ontvanger: b?.ontvanger ?? null,
          retourcodes: b?.retourcodes ?? [],
          sinds: d.createdAt,
          xml: `/mailbox/${d.id}`,
        };
      });
      return { berichten: items, volgende: items.length === limit ? (items[items.length - 1]?.id ?? null) : null };
    },
  );

  app.get('/mailbox/:id', { schema: { summary: 'Fetch one waiting message (raw XML)', params: idParams, querystring: { type: 'object', properties: voorQuery } } }, async (request, reply) => {
    const { partyId } = owner(request, deps);
    const { id } = request.params as { id: number };
    const item = deps.store.mailboxItem(partyId, id);
    if (item === undefined) throw new GatewayError('IJW_ERR_NOT_FOUND', `No mailbox item ${id} for ${partyId}.`);
    return reply
      .header('x-ijw-bericht-id', item.berichtId)
      .header('x-ijw-status', item.state)
      .type('application/xml; charset=utf-8')
      .send(Buffer.from(deps.store.body(item.berichtId)!));
  });

  app.post('/mailbox/:id/ack', { schema: { summary: 'Acknowledge a fetched message; it leaves the mailbox', params: idParams, querystring: { type: 'object', properties: voorQuery } } }, async (request, reply) => {
    const { partyId } = owner(request, deps);
    const { id } = request.params as { id: number };
    const item = deps.store.mailboxItem(partyId, id);
    if (item === undefined) throw new GatewayError('IJW_ERR_NOT_FOUND', `No mailbox item ${id} for ${partyId}.`);
    if (item.state === 'pending') {
      await deps.store.acknowledge(partyId, id, deps.clock().toISOString());
      const b = deps.store.detail(item.berichtId);
      deps.metrics.messagesOut.labels(b?.type ?? 'unknown', 'mailbox').inc();
    }
    return reply.code(204).send();
  });
}
