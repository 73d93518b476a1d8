/** The portfolio dashboard and a client's score history (issue 4). */
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDashboard, getScoreHistory } from '../../app/dashboard.js';
import { Dashboard, DashboardQuery, ScoreHistory } from '../../contracts/dashboard.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, WsParams } from './schemas.js';

/**
 * The dashboard use case hands back the same object while nothing changed, so its JSON (about
 * 900 kB for 2,000 clients) is validated against the schema and encoded once per state, not per
 * request, compressed once for clients that accept gzip, and tagged so a browser that has it
 * gets a 304.
 */
interface Encoded {
  body: Buffer;
  /** The same bytes gzipped (about 8 times smaller), made on the first request that accepts them. */
  gzipped?: Buffer;
  etag: string;
}
const encoded = new WeakMap<object, Encoded>();
const processTag = Math.random().toString(36).slice(2, 10);
let states = 0;

function encodeOnce(dashboard: Dashboard): Encoded {
  let found = encoded.get(dashboard);
  if (found === undefined) {
    found = { body: Buffer.from(JSON.stringify(Dashboard.parse(dashboard))), etag: `"${processTag}-${++states}"` };
    encoded.set(dashboard, found);
  }

  return found;
}

const NotModified = z.null().describe('Not modified: the ETag sent in If-None-Match is still current');

export function dashboardRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['dashboard'];

    app.get(
      '/api/workspaces/:ws/dashboard',
      {
        schema: {
          tags,
          summary: 'The portfolio: every client with its traffic light, score and 12-month trend, and the portfolio charts',
          description:
            "Lights: red when the assessment recommends a red card or the score is below 40; yellow when it recommends watching, a yellow card or a reassignment, or the score is below 70; green otherwise. Scores are cached per client and day and recomputed after every write that can change them, so they always equal the client's assessment.",
          params: WsParams,
          querystring: DashboardQuery,
          response: { 200: Dashboard, 304: NotModified, ...errors },
        },
      },
      async (req, reply) => {
        const dashboard = await getDashboard(deps, req.params.ws, req.query);
        const encoded = encodeOnce(dashboard);
        reply.header('etag', encoded.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
        if (req.headers['if-none-match'] === encoded.etag) return reply.code(304).send(null);
        let body = encoded.body;
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          encoded.gzipped ??= gzipSync(encoded.body);
          body = encoded.gzipped;
          reply.header('content-encoding', 'gzip');
        }

        // Fastify sends bytes as they are; the schema above still documents them.
        return reply.type('application/json; charset=utf-8').send(body as unknown as Dashboard);
      },
    );

    app.get(
      '/api/workspaces/:ws/clients/:clientId/score-history',
      {
        schema: {
          tags,
          summary: "A client's score at the end of each of the last 12 months",
          params: ClientParams,
          querystring: DashboardQuery,
          response: { 200: ScoreHistory, ...errors },
        },
      },
      async (req) => getScoreHistory(deps, req.params.ws, req.params.clientId, req.query),
    );
  };
}
