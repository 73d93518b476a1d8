/**
 * Tenant isolation and the role-by-route matrix (issue 7), over EVERY route of the OpenAPI
 * document, so a route added later is covered without anyone remembering to: it fails here until
 * src/app/permissions.ts has a rule for it.
 *
 * Workspace B is filled with real records (a demo case file, an evidence file, members); its
 * ids are put into each route's path. A person of workspace A must get 404 on all of B's routes
 * and B must be unchanged afterwards; each role of B must get exactly what the table grants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/build-test-app.js';
import { type OpenedStore, storeBackends } from '../../../test/stores.js';
import { buildTeamTestApp, ORIGIN, type TeamTestApp } from '../../../test/team-app.js';
import { PERMISSIONS, permissionOf, roleAtLeast } from '../../app/permissions.js';
import type { Role } from '../../app/principal.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';

interface Route {
  method: string;
  /** Fastify form, /api/workspaces/:ws/... */
  url: string;
}

const NOWHERE = '00000000-0000-4000-8000-00000000dead';

/** Every operation of the OpenAPI document, with its path in Fastify's :param form. */
async function routesOf(t: TeamTestApp): Promise<Route[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
        routes.push({ method: method.toUpperCase(), url: path.replace(/\{(\w+)\}/g, ':$1') });
    }
  }

  return routes;
}

describe.each(storeBackends())('tenant isolation and roles on $name', (backend) => {
  let opened: OpenedStore;
  let t: TeamTestApp;
  let routes: Route[];
  const ids: Record<string, string> = {};
  const cookies: Partial<Record<'outsider' | Role, string>> = {};

  /** The URL of a route with B's records in it (`clientId` may be overridden). */
  function urlFor(route: Route, over: { ws?: string; clientId?: string } = {}): string {
    return route.url.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
      const before = route.url.slice(0, offset);
      if (name === 'ws') return over.ws ?? ids.ws!;
      if (name === 'clientId') return over.clientId ?? ids.client!;
      if (name === 'month') return ids.month ?? '2026-01';
      if (name === 'userId') return ids.memberUser!;
      const kind = /\/([a-z-]+)\/$/.exec(before)?.[1] ?? '';
      const byKind: Record<string, string | undefined> = {
        clients: over.clientId ?? ids.client,
        engagements: ids.engagement,
        invoices: ids.invoice,
        payments: ids.payment,
        incidents: ids.incident,
        cards: ids.card,
        messages: ids.message,
        evidence: ids.evidence,
      };

      return byKind[kind] ?? NOWHERE;
    });
  }

  function call(route: Route, cookie: string | undefined, over: { ws?: string; clientId?: string } = {}) {
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';

    return t.app.inject({
      method: route.method as 'GET',
      url: urlFor(route, over),
      headers: { ...ORIGIN, ...(cookie ? { cookie } : {}) },
      ...(hasBody ? { payload: {} } : {}),
    });
  }

  /** What B looks like to its owner: every client's record, members, invitations. */
  async function snapshotOfB(): Promise<string> {
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.owner! } })).body;
    const clients = JSON.parse(await get(`/api/workspaces/${ids.ws}/clients`)) as { id: string }[];
    const parts = [await get(`/api/workspaces/${ids.ws}`), await get(`/api/workspaces/${ids.ws}/members`)];
    for (const c of clients) parts.push(await get(`/api/workspaces/${ids.ws}/clients/${c.id}`));

    return parts.join('\n');
  }

  beforeAll(async () => {
    opened = await backend.open();
    t = await buildTeamTestApp(opened.store);
    const a = await t.newWorkspace('Workspace A');
    ids.ws = await t.newWorkspace('Workspace B');
    await t.addUser('outsider@a.test', a, 'owner');
    await t.addUser('owner@b.test', ids.ws, 'owner');
    await t.addUser('manager@b.test', ids.ws, 'manager');
    ids.memberUser = await t.addUser('member@b.test', ids.ws, 'member');
    cookies.outsider = await t.signIn('outsider@a.test');
    cookies.owner = await t.signIn('owner@b.test');
    cookies.manager = await t.signIn('manager@b.test');
    cookies.member = await t.signIn('member@b.test');

    const post = (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { ...ORIGIN, cookie: cookies.owner! }, payload: payload as object });
    const [first, second] = loadDemoCases();
    const imported = await post(`/api/workspaces/${ids.ws}/cases`, first);
    expect(imported.statusCode).toBe(201);
    ids.client = imported.json().client.id;
    ids.otherClient = (await post(`/api/workspaces/${ids.ws}/cases`, second)).json().client.id;
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `/api/workspaces/${ids.ws}/clients/${ids.client}/assignees`,
      headers: { ...ORIGIN, cookie: cookies.owner! },
      payload: { user_ids: [ids.memberUser] },
    });
    expect(assigned.statusCode).toBe(200);

    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/workspaces/${ids.ws}/clients/${ids.client}`, headers: { cookie: cookies.owner! } })
    ).json();
    ids.engagement = detail.engagements[0]?.id;
    ids.invoice = detail.invoices[0]?.id;
    ids.payment = detail.invoices.flatMap((i: { payments: { id: string }[] }) => i.payments)[0]?.id;
    ids.incident = detail.incidents[0]?.id;
    ids.card = detail.cards[0]?.id;
    ids.message = detail.messages[0]?.id;
    ids.month = detail.time[0]?.month;
    expect(ids.incident).toBeDefined();
    const body = multipart({ name: 'call.txt', type: 'text/plain', bytes: new TextEncoder().encode('notes of the call') });
    const evidence = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ids.ws}/incidents/${ids.incident}/evidence`,
      headers: { ...ORIGIN, ...body.headers, cookie: cookies.owner! },
      payload: body.payload,
    });
    expect(evidence.statusCode).toBe(201);
    ids.evidence = evidence.json().id;
    routes = await routesOf(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await opened?.dispose();
  });

  it('has a permission rule for every route of the API', () => {
    expect(routes.length).toBeGreaterThan(60);
    const missing = routes.filter((r) => !permissionOf(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'add these routes to src/app/permissions.ts').toEqual([]);
    // And the table names no route that does not exist (a renamed route would leave a stale rule).
    const known = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const hidden = ['GET /api/openapi.json'];
    const stale = Object.keys(PERMISSIONS).filter((k) => !known.has(k) && !hidden.includes(k));
    expect(stale).toEqual([]);
  });

  it('answers 401 on every non-public route without a session', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rule = permissionOf(route.method, route.url);
      if (!rule || rule.access === 'public' || rule.access === 'solo-only') continue;
      const res = await call(route, undefined);
      if (res.statusCode !== 401) wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets a person of workspace A neither read, list, change nor delete anything of workspace B', async () => {
    const before = await snapshotOfB();
    const leaks: string[] = [];
    for (const route of routes) {
      const res = await call(route, cookies.outsider);
      const rule = permissionOf(route.method, route.url)!;
      if (route.url.includes(':ws')) {
        if (res.statusCode !== 404) leaks.push(`${route.method} ${urlFor(route)}: ${res.statusCode}`);
        continue;
      }
      // Routes outside a workspace: whatever they answer must not mention B.
      if (rule.access !== 'solo-only' && res.body.includes(ids.ws!)) leaks.push(`${route.method} ${route.url} mentions B`);
    }
    expect(leaks).toEqual([]);
    expect(await snapshotOfB()).toBe(before);
  }, 120_000);

  it("finds none of B's records through workspace A's own URLs", async () => {
    const a = (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookies.outsider! } })).json().workspaces[0].id;
    const before = await snapshotOfB();
    const leaks: string[] = [];
    for (const route of routes) {
      // Only routes naming a record besides the workspace can reach B's records through A.
      if (!/:ws\/.*:/.test(route.url)) continue;
      const res = await call(route, cookies.outsider, { ws: a });
      if (res.statusCode < 400) leaks.push(`${route.method} ${urlFor(route, { ws: a })}: ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
    expect(await snapshotOfB()).toBe(before);
  }, 120_000);

  it('keeps a member to their assigned clients on every client route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rule = permissionOf(route.method, route.url);
      if (rule?.access !== 'member' || rule.scope !== 'client') continue;
      const res = await call(route, cookies.member, { clientId: ids.otherClient! });
      if (res.statusCode !== 404) wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    const list = await t.app.inject({ method: 'GET', url: `/api/workspaces/${ids.ws}/clients`, headers: { cookie: cookies.member! } });
    expect((list.json() as { id: string }[]).map((c) => c.id)).toEqual([ids.client]);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${ids.ws}/clients/${ids.client}`,
      headers: { cookie: cookies.member! },
    });
    expect(own.statusCode).toBe(200);
  }, 120_000);

  it('gives each role exactly the routes the permissions table grants', async () => {
    const wrong: string[] = [];
    // Least to most powerful, so the owner's deletions come last.
    for (const role of ['member', 'manager', 'owner'] as const) {
      for (const route of routes) {
        const rule = permissionOf(route.method, route.url);
        if (!rule || rule.access === 'public') continue;
        const res = await call(route, cookies[role]);
        const granted = rule.access === 'signed-in' || (rule.access !== 'solo-only' && roleAtLeast(role, rule.access));
        const refused = res.statusCode === 403 || res.statusCode === 401;
        // A granted route must get past the workspace check too (not a 404 for the workspace).
        if (granted && res.statusCode === 404 && res.json().code === 'WORKSPACE_NOT_FOUND')
          wrong.push(`${role} ${route.method} ${route.url}: workspace not found`);
        if (granted === refused)
          wrong.push(`${role} ${route.method} ${route.url}: ${res.statusCode} (${granted ? 'granted' : 'refused'} by the table)`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
