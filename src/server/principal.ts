import type { FastifyRequest } from 'fastify';
import { type Principal, SOLO_PRINCIPAL } from '../app/principal.js';

/** Who is making this request: the signed-in member in team mode, the local user in solo mode. */
export function principalOf(request: FastifyRequest): Principal {
  return (request as { principal?: Principal }).principal ?? SOLO_PRINCIPAL;
}
