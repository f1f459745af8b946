/**
 * The HTTP face of the gateway, built apart from any listening server so tests can use inject()
 * and real servers alike. One encapsulated plugin per capability; dependencies come as options.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { ServerOptions as HttpsOptions } from 'node:https';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { dashboardRoutes } from '../dashboard/routes.js';
import { ERRORS, GatewayError } from '../errors.js';
import type { IngestAnswer } from '../ingest/ingest.js';
import type { Analyser } from '../ingest/pool.js';
import type { Ids } from '../ingest/ids.js';
import type { Directory, Party } from '../mappings/types.js';
import { codes } from '../quality/codes.js';
import { reportRoutes } from '../report/routes.js';
import { storageFailure } from '../store/health.js';
import type { Store } from '../store/ports.js';
import { berichtenRoutes } from './berichten.js';
import { kwaliteitRoutes } from './kwaliteit.js';
import { mailboxRoutes } from './mailbox.js';
import type { Metrics } from './metrics.js';
import { operateRoutes } from './operate.js';

export interface AppDeps {
  readonly store: Store;
  readonly directory: Directory;
  readonly analyser: Analyser;
  /** Runs a message's whole ingest where the store writes (ThreadedStore.ingest); else ingest() here. */
  readonly ingestOnWriter?: (bytes: Uint8Array, from: Party) => Promise<IngestAnswer>;
  readonly ids: Ids;
  readonly clock: () => Date;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** Largest accepted message in bytes (413 above it). */
  readonly maxBytes: number;
  /** Called when new deliveries were committed, so the pusher can start at once. */
  readonly onQueued: () => void;
  /** HTTPS options for mutual TLS; plain HTTP when absent. */
  readonly https?: HttpsOptions;
  /** True while shutting down: new messages are refused with 503. */
  readonly draining: () => boolean;
  /** Quality figures: cells of other parties below this are shown as "<5" (default 5). */
  readonly qualityThreshold?: number;
}

/** Retry-After on a 503: soon after a shutdown (another instance, or this one restarted); later when the storage fails. */
const RETRY_AFTER_SECONDS = { stopping: 5, storage: 30 } as const;

function errorBody(code: keyof typeof ERRORS, detail: string) {
  return { code, melding: ERRORS[code].nl, detail };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    // Request ids in every log line; a caller's own X-Request-Id is kept for tracing across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : deps.ids.bericht();
    },
    requestIdHeader: false,
    bodyLimit: deps.maxBytes,
    ...(deps.https === undefined ? {} : { https: deps.https }),
  } as FastifyServerOptions);

  app.setErrorHandler((err: FastifyError | GatewayError, request, reply) => {
    if (err instanceof GatewayError) {
      if (err.statusCode === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS.stopping));
      return reply.code(err.statusCode).send(err.toJSON());
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('IJW_ERR_TOO_LARGE', `The body exceeds ${deps.maxBytes} bytes.`));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody('IJW_ERR_MEDIA_TYPE', `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted.`));
    }
    if (err.validation !== undefined || (err.statusCode !== undefined && err.statusCode < 500)) {
      return reply.code(err.statusCode ?? 400).send(errorBody('IJW_ERR_BAD_REQUEST', err.message));
    }
    const storage = storageFailure(err);
    if (storage !== undefined) {
      request.log.error({ err }, 'store unavailable');
      // A write is not acknowledged: the sender sends again later. Usually nothing committed; when
      // only the sync failed it did, and the resend is then answered from the store as the first time.
      const body =
        request.method === 'GET' || request.method === 'HEAD'
          ? errorBody('IJW_ERR_STORE_READ_UNAVAILABLE', `The store could not answer the read (${storage}); nothing changed. Try again later.`)
          : errorBody('IJW_ERR_STORE_UNAVAILABLE', `The store could not take the write (${storage}); the message is not accepted. Send it again later: should it have been stored after all, the resend is answered as the first sending.`);
      return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS.storage)).send(body);
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('IJW_ERR_INTERNAL', 'Internal error; see the gateway log for the request id.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('IJW_ERR_NOT_FOUND', `No route ${request.method} ${request.url}.`));
  });

  // While shutting down, an answer ends its connection: a keep-alive connection that turns idle after
  // the server stopped listening would otherwise hold the shutdown for the keep-alive timeout.
  // Callback hooks, not async ones: these run for every answer, and a promise per hook per
  // request is measurable on the event loop at thousands of messages a second.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (deps.draining()) reply.header('connection', 'close');
    done(null, payload);
  });

  app.addHook('onResponse', (request, reply, done) => {
    deps.metrics.httpDuration
      .labels(request.routeOptions.url ?? 'unmatched', request.method, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
    done();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ijw-gateway',
        version: '0.1.0',
        description:
          'Gateway for iJw 3.2 messages: post messages, follow their status, fetch what waits for you. ' +
          'Authenticate with an X-API-Key header (or Authorization: Bearer) or a client certificate.',
      },
      components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await app.register(operateRoutes, { deps });
  await app.register(berichtenRoutes, { deps });
  await app.register(mailboxRoutes, { deps });
  await app.register(kwaliteitRoutes, { deps });
  await app.register(dashboardRoutes);
  await app.register(reportRoutes, { deps, codes: codes() });
  return app;
}
