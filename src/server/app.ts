/**
 * buildServer(deps): the HTTP face. Routes are thin (schema, one use-case call, reply); every
 * error goes through one handler that answers RFC 9457 problem+json with a stable code.
 * Tests build it on an in-memory store and call `app.inject` (no port needed).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { actAs } from '../app/acting.js';
import { CaseFile } from '../contracts/case-file.js';
import { issuesOf } from '../contracts/issues.js';
import { DomainError, isDomainError } from '../core/errors.js';
import type { ServerDeps } from './context.js';
import { fromFrameworkError, problemOf } from './errors.js';
import { principalOf } from './principal.js';
// after-exit (issue 8)
import { afterExitRoutes } from './routes/after-exit.js';
import { auditRoutes } from './routes/audit.js';
import { caseRoutes } from './routes/cases.js';
import { clauseRoutes } from './routes/clauses.js';
import { clientRoutes } from './routes/clients.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { escalationRoutes } from './routes/escalation.js';
import { evidenceRoutes } from './routes/evidence.js';
import { exitPlanRoutes } from './routes/exit-plans.js';
import { importRoutes } from './routes/imports.js';
import { letterRoutes } from './routes/letters.js';
import { planRoutes } from './routes/plans.js';
import { recordRoutes } from './routes/records.js';
import { screeningRoutes } from './routes/screening.js';
import { staffReportRoutes } from './routes/staff-reports.js';
import { suggestionRoutes } from './routes/suggestions.js';
import { systemRoutes } from './routes/system.js';
import { teamRoutes } from './routes/team.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { safeLogger } from './team/log.js';
import { installTeamMode } from './team/plugin.js';
import { WEB_ASSETS_PREFIX, webCacheControl } from './web-cache.js';

export interface BuildServerOptions {
  logger?: FastifyServerOptions['logger'];
}

const PART_NAMES: Record<string, string> = { body: '', querystring: 'query.', params: 'path.', headers: 'header.' };

export async function buildServer(deps: ServerDeps, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: safeLogger(options.logger ?? false),
    bodyLimit: deps.settings.bodyMaxBytes,
    // Bodies are validated by Zod; keep Fastify from coercing or stripping anything first.
    ajv: { customOptions: { coerceTypes: false } },
    // The router's own refusals (a path parameter longer than any id, a malformed URL escape) get
    // the same problem+json as every other error instead of Fastify's plain JSON (found by fuzzing).
    frameworkErrors: (error, _request, reply) => {
      const domain =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new DomainError('NOT_FOUND', 'Nothing here: a path parameter is longer than any id.')
          : fromFrameworkError(error, { bodyBytes: deps.settings.bodyMaxBytes, fileBytes: deps.settings.evidenceMaxBytes });
      const problem = problemOf(domain);
      // The router calls this before any route (and its typed replies) is known.
      (reply as unknown as FastifyReply).code(problem.status).type('application/problem+json').send(JSON.stringify(problem));
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Validation with Zod, failing with the same DomainError the use cases raise, so the API
  // reports every bad field by name whichever layer caught it.
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zodSchema = schema as unknown as z.ZodType;
    const code = zodSchema === CaseFile ? 'INVALID_CASE_FILE' : 'VALIDATION_FAILED';
    const prefix = PART_NAMES[httpPart ?? 'body'] ?? '';

    return (data: unknown) => {
      const result = zodSchema.safeParse(data);
      if (result.success) return { value: result.data };
      const issues = issuesOf(result.error).map((i) => ({
        path: i.path === '(root)' && prefix ? prefix.slice(0, -1) : `${prefix}${i.path}`,
        message: i.message,
      }));
      const head = issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ');
      const what = code === 'INVALID_CASE_FILE' ? 'case file; nothing was imported' : 'request';

      return {
        error: new DomainError(code, `Invalid ${what}: ${head}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`, { issues }),
      };
    };
  });
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const domain = isDomainError(error)
      ? error
      : fromFrameworkError(error as { code?: string; statusCode?: number; message?: string }, {
          bodyBytes: deps.settings.bodyMaxBytes,
          fileBytes: deps.settings.evidenceMaxBytes,
        });
    const problem = problemOf(domain);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');

    return reply.code(problem.status).type('application/problem+json').serializer(JSON.stringify).send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    const webIndex = deps.settings.webDir ? join(deps.settings.webDir, 'index.html') : undefined;
    // A missing hashed asset (a tab opened before an update asking for an old chunk) is a 404, not
    // the app shell: HTML in place of a script only hides the failure the page can report.
    const isAsset = request.url.startsWith(WEB_ASSETS_PREFIX);
    if (!isApi && !isAsset && request.method === 'GET' && webIndex && existsSync(webIndex)) {
      // Client-side routes (/clients/...) are served the app shell.
      return reply.type('text/html').sendFile('index.html');
    }
    const problem = problemOf(new DomainError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));

    return reply.code(404).type('application/problem+json').serializer(JSON.stringify).send(problem);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');

    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'RedCard API',
        version: deps.settings.version,
        description:
          'Keep the client record, the red-flag journal and tamper-evident evidence. Every error is application/problem+json (RFC 9457) with a stable `code`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(multipart, {
    // One byte over the limit reaches addEvidence, which refuses it with FILE_TOO_LARGE and the limit.
    limits: { fileSize: deps.settings.evidenceMaxBytes + 1, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6 },
  });

  // Team mode (issue 7): headers, rate limits, the guard and the auth endpoints come before every route.
  if (deps.teamMode) {
    await installTeamMode(app, deps, deps.teamMode);
    await app.register(teamRoutes(deps, deps.teamMode));
  }
  // The audit log's "who" (issue 7): the store records every write made while handling this
  // request as done by the request's principal, read at the write (after any sign-in hook ran).
  app.addHook('preHandler', (request, _reply, done) => actAs(() => principalOf(request), done));

  await app.register(systemRoutes(deps));
  await app.register(workspaceRoutes(deps));
  await app.register(clientRoutes(deps));
  await app.register(recordRoutes(deps));
  await app.register(evidenceRoutes(deps));
  await app.register(escalationRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(exitPlanRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(suggestionRoutes(deps));
  await app.register(dashboardRoutes(deps));
  await app.register(letterRoutes(deps));
  // Reflection, lessons and screening (issue 8).
  await app.register(screeningRoutes(deps));
  // clause-reports
  await app.register(clauseRoutes(deps));
  await app.register(staffReportRoutes(deps));
  // after-exit (issue 8)
  await app.register(afterExitRoutes(deps));
  await app.register(auditRoutes(deps));

  if (deps.settings.webDir && existsSync(deps.settings.webDir)) {
    const webDir = deps.settings.webDir;
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (res, filePath) => res.setHeader('cache-control', webCacheControl(webDir, filePath)),
    });
  }

  return app;
}
