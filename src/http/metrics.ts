/**
 * Prometheus instruments, on a registry of our own (no global default registry), created once in
 * the composition root and handed to whoever records.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly messagesIn: Counter<'type' | 'outcome'>;
  readonly messagesOut: Counter<'type' | 'mode'>;
  readonly deliveryAttempts: Counter<'result'>;
  readonly queueDepth: Gauge<'mode'>;
  readonly storeAvailable: Gauge;
  readonly httpDuration: Histogram<'route' | 'method' | 'status'>;
  readonly ingestDuration: Histogram<'outcome'>;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'ijw_' });
  const registers = [registry];
  return {
    registry,
    messagesIn: new Counter({
      name: 'ijw_messages_in_total',
      help: 'Messages received, per message type and outcome (accepted, rejected, invalid, conflict, forbidden).',
      labelNames: ['type', 'outcome'],
      registers,
    }),
    messagesOut: new Counter({
      name: 'ijw_messages_out_total',
      help: 'Messages handed to a recipient: pushed and accepted, or acknowledged from the mailbox.',
      labelNames: ['type', 'mode'],
      registers,
    }),
    deliveryAttempts: new Counter({
      name: 'ijw_delivery_attempts_total',
      help: 'Push attempts, per result (delivered, retry, dead).',
      labelNames: ['result'],
      registers,
    }),
    storeAvailable: new Gauge({
      name: 'ijw_store_available',
      help: '1 while the store takes writes, 0 after a failure of the storage until a write commits again (as /health).',
      registers,
    }),
    queueDepth: new Gauge({
      name: 'ijw_queue_depth',
      help: 'Deliveries waiting: push (to be sent) and mailbox (to be fetched).',
      labelNames: ['mode'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'ijw_http_request_duration_seconds',
      help: 'HTTP request duration by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    ingestDuration: new Histogram({
      name: 'ijw_ingest_duration_seconds',
      help: 'Time from receiving a message to its committed answer, by outcome.',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}
