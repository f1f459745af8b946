/** Health and metrics: unauthenticated, for load balancers and Prometheus; no message content. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app.js';

export async function operateRoutes(app: FastifyInstance, { deps }: { deps: AppDeps }): Promise<void> {
  // 503 while stopping, and while the store cannot take writes (health.ts): a load balancer then
  // sends elsewhere instead of to an instance that would refuse every message.
  app.get('/health', { schema: { summary: 'Liveness and readiness', security: [] } }, async (_request, reply) => {
    let queue: { push: number; mailbox: number };
    try {
      queue = deps.store.queueDepth();
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', problem: `the store cannot be read: ${(err as Error).message}` });
    }
    if (deps.draining()) return reply.code(503).send({ status: 'stopping', queue });
    const health = deps.store.health();
    if (!health.ok) return reply.code(503).send({ status: 'unavailable', problem: health.problem, since: health.since, queue });
    return reply.code(200).send({ status: 'ok', queue });
  });

  app.get('/metrics', { schema: { summary: 'Prometheus metrics', security: [] } }, async (_request, reply) => {
    const queue = deps.store.queueDepth();
    deps.metrics.queueDepth.labels('push').set(queue.push);
    deps.metrics.queueDepth.labels('mailbox').set(queue.mailbox);
    deps.metrics.storeAvailable.set(deps.store.health().ok ? 1 : 0);
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
