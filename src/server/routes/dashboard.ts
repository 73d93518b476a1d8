/** The portfolio dashboard and a client's score history (issue 4). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDashboard, getScoreHistory } from '../../app/dashboard.js';
import { Dashboard, DashboardQuery, ScoreHistory } from '../../contracts/dashboard.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, WsParams } from './schemas.js';

/**
 * The dashboard use case hands back the same object while nothing changed, so its JSON (600 kB
 * for 2,000 clients) is validated against the schema and written once per state, not per request.
 */
const serialized = new WeakMap<object, string>();

function serializeOnce(dashboard: Dashboard): string {
  let json = serialized.get(dashboard);
  if (json === undefined) {
    json = JSON.stringify(Dashboard.parse(dashboard));
    serialized.set(dashboard, json);
  }

  return json;
}

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
          response: { 200: Dashboard, ...errors },
        },
      },
      async (req, reply) => {
        const dashboard = await getDashboard(deps, req.params.ws, req.query);
        // Fastify sends a string with a JSON content type as it is; the schema above still documents it.
        const json = serializeOnce(dashboard) as unknown as Dashboard;

        return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(json);
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
