/** Health and metrics: unauthenticated, for load balancers and Prometheus; no message content. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app.js';

export async function operateRoutes(app: FastifyInstance, { deps }: { deps: AppDeps }): Promise<void> {
  app.get('/health', { schema: { summary: 'Liveness and readiness', security: [] } }, async (_request, reply) => {
    const queue = deps.store.queueDepth();
    const status = deps.draining() ? 'stopping' : 'ok';
    return reply.code(status === 'ok' ? 200 : 503).send({ status, queue });
  });

  app.get('/metrics', { schema: { summary: 'Prometheus metrics', security: [] } }, async (_request, reply) => {
    const queue = deps.store.queueDepth();
    deps.metrics.queueDepth.labels('push').set(queue.push);
    deps.metrics.queueDepth.labels('mailbox').set(queue.mailbox);
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
