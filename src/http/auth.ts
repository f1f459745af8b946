/**
 * Who is calling: an API key (X-API-Key, or Authorization: Bearer) in the default setup, or the
 * client certificate of a mutual-TLS connection. Both map to a configured party.
 */
import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import { GatewayError } from '../errors.js';
import type { Directory, Party } from '../mappings/types.js';

function apiKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  return undefined;
}

function certificateParty(request: FastifyRequest, directory: Directory): Party | undefined {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (socket.authorized !== true || typeof socket.getPeerCertificate !== 'function') return undefined;
  const cert = socket.getPeerCertificate();
  if (cert.raw === undefined) return undefined;
  return directory.byCertificate(createHash('sha256').update(cert.raw).digest('hex'));
}

export function authenticate(request: FastifyRequest, directory: Directory): Party {
  const key = apiKey(request);
  const party = key !== undefined ? directory.byApiKey(key) : certificateParty(request, directory);
  if (party === undefined) {
    throw new GatewayError('IJW_ERR_UNAUTHENTICATED', key === undefined ? 'No API key and no known client certificate.' : 'Unknown API key.');
  }
  return party;
}

/** Party ids whose messages `party` may see: its own, and those it acts for. Undefined: all (operator). */
export function visibleParties(party: Party): readonly string[] | undefined {
  return party.operator ? undefined : [party.id, ...party.actsFor];
}
