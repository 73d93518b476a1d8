/**
 * Everything team mode adds to the HTTP server, installed before the routes: security headers,
 * rate limits (sign-in, password reset, invitations, uploads), the guard, the auth library's
 * endpoints under /api/auth/*, and the team routes.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { ServerDeps, TeamServerDeps } from '../context.js';
import { installTeamGuard } from './guard.js';

/** Attempts per minute, per address and account, on the doors guessing would go through. */
export const AUTH_ATTEMPTS_PER_MINUTE = 5;
export const UPLOADS_PER_MINUTE = 30;
const UPLOAD_ROUTES = ['/api/workspaces/:ws/incidents/:id/evidence', '/api/workspaces/:ws/imports'];
const LIMITED_AUTH_PATHS = ['/api/auth/sign-in/email', '/api/auth/request-password-reset', '/api/auth/reset-password'];

function accountOf(body: unknown): string {
  const email = (body as { email?: unknown } | null)?.email;

  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

export async function installTeamMode(app: FastifyInstance, deps: ServerDeps, team: TeamServerDeps): Promise<void> {
  const https = team.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes style attributes and <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });

  // Upload routes are declared by other plugins: mark them as they are added, before the limiter sees them.
  app.addHook('onRoute', (route) => {
    if (route.method === 'POST' && UPLOAD_ROUTES.includes(route.url)) {
      route.config = { ...(route.config as object), rateLimit: { max: UPLOADS_PER_MINUTE, timeWindow: '1 minute' } } as typeof route.config;
    }
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError('RATE_LIMITED', `Too many attempts: try again in ${context.after}.`, { details: { retry_after: context.after } }),
  });

  installTeamGuard(app, deps, team);

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, team.publicUrl);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined && request.body !== null;
    const response = await team.auth.handler(
      new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(request.body) : undefined }),
    );
    reply.code(response.status);
    response.headers.forEach((value, name) => {
      if (name.toLowerCase() !== 'set-cookie') reply.header(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header('set-cookie', cookies);

    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  };
  for (const path of LIMITED_AUTH_PATHS) {
    app.route({
      method: 'POST',
      url: path,
      schema: { hide: true },
      config: {
        rateLimit: {
          max: AUTH_ATTEMPTS_PER_MINUTE,
          timeWindow: '1 minute',
          // Per address and account, counted once the body is read: a team behind one office
          // address can all sign in at nine, while guessing one account's password stays slow.
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${accountOf(request.body)}`,
        },
      },
      handler: handle,
    });
  }
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', schema: { hide: true }, handler: handle });
}
