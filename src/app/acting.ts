/**
 * The principal on whose behalf the store is written, for the audit log's "who".
 *
 * Why an AsyncLocalStorage rather than an `actor` argument: the Repos port has some sixty
 * methods and other branches keep adding more; threading an actor through each of them (and
 * every use case that calls them) would touch every signature and still let a new method forget
 * it. The faces set the principal once (the server per request, the CLI per run) and the store's
 * audit wrapper reads it at the moment of the write, so no write can be recorded without a "who".
 * The value is a getter, read lazily: the server's sign-in hook may set the request's principal
 * after the hook that enters this context has run.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Principal, SOLO_PRINCIPAL } from './principal.js';

const acting = new AsyncLocalStorage<() => Principal>();

/** Runs `work` (and everything it starts) on behalf of the principal `who` returns. */
export function actAs<T>(who: Principal | (() => Principal), work: () => T): T {
  return acting.run(typeof who === 'function' ? who : () => who, work);
}

/** Who is acting now: the principal set by the face, else the local user of solo mode. */
export function actingPrincipal(): Principal {
  return acting.getStore()?.() ?? SOLO_PRINCIPAL;
}
