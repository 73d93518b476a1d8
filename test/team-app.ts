/**
 * A team-mode RedCard for route tests (issue 7): like buildTestApp, plus accounts, sessions and
 * roles, and helpers to make people and sign them in. Runs on each backend of test/stores.ts.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Deps, Store } from '../src/app/ports.js';
import type { Role } from '../src/app/principal.js';
import { createWorkspace, ensureDefaultWorkspace } from '../src/app/workspaces.js';
import { LIMITS } from '../src/core/limits.js';
import { buildServer } from '../src/server/app.js';
import type { TeamServerDeps } from '../src/server/context.js';
import { openTeamMode } from '../src/server/team/runtime.js';
import { depsOn } from './deps.js';

export const TEAM_URL = 'http://redcard.test:3000';
export const ORIGIN = { origin: TEAM_URL };

export interface TeamTestApp {
  app: FastifyInstance;
  deps: Deps;
  team: TeamServerDeps;
  /** A user with a password and a role in a workspace; answers the user id. */
  addUser(email: string, workspaceId: string, role: Role, password?: string): Promise<string>;
  /** Signs in and answers the session cookie header. */
  signIn(email: string, password?: string): Promise<string>;
  newWorkspace(name: string): Promise<string>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** Each sign-in of the helpers comes from its own address, so the sign-in rate limit stays out of the way. */
let nextAddress = 1;

export async function buildTeamTestApp(store: Store, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<TeamTestApp> {
  const { deps, removeBlobs } = depsOn(store);
  const workspace = await ensureDefaultWorkspace(deps);
  const team = openTeamMode(store, { secret: 'a-test-secret-of-at-least-32-characters!', publicUrl: TEAM_URL });
  const app = await buildServer(
    {
      ...deps,
      teamMode: team,
      settings: {
        version: 'test',
        defaultWorkspaceId: workspace.id,
        demoWorkspaceId: null,
        evidenceMaxBytes: LIMITS.evidenceFileMaxBytes,
        bodyMaxBytes: LIMITS.jsonBodyMaxBytes,
      },
    },
    { logger: options.logger },
  );

  return {
    app,
    deps,
    team,
    async addUser(email, workspaceId, role, password = PASSWORD) {
      const existing = await team.team.findUserByEmail(email);
      const user = existing ?? (await team.accounts.createUser({ email, name: email.split('@')[0]!, password }));
      await team.team.putMembership(workspaceId, user.id, role, new Date().toISOString());

      return user.id;
    },
    async signIn(email, password = PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: ORIGIN,
        payload: { email, password },
        remoteAddress: `10.9.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`,
      });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);

      return cookieOf(res.headers['set-cookie']);
    },
    async newWorkspace(name) {
      const created = await createWorkspace(deps, {
        name,
        provider_kind: 'agency',
        currency: 'EUR',
        timezone: 'Europe/Vilnius',
        language: 'en',
      });

      return created.id;
    },
    async close() {
      await app.close();
      removeBlobs();
    },
  };
}

/** The Cookie header a browser would send back for these Set-Cookie headers. */
export function cookieOf(setCookie: string | string[] | undefined): string {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];

  return list.map((c) => c.split(';')[0]).join('; ');
}
