/** Team mode: sign-in, sessions, logout (everywhere), password reset, invitations, assigned clients. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenedStore, storeBackends } from '../../../test/stores.js';
import { buildTeamTestApp, cookieOf, ORIGIN, PASSWORD, type TeamTestApp } from '../../../test/team-app.js';
import { UPLOADS_PER_MINUTE } from './plugin.js';

describe.each(storeBackends())('team mode accounts on $name', (backend) => {
  let opened: OpenedStore;
  let t: TeamTestApp;
  let ws: string;

  beforeEach(async () => {
    opened = await backend.open();
    t = await buildTeamTestApp(opened.store);
    ws = await t.newWorkspace('Vilnius agency');
  });
  afterEach(async () => {
    await t.close();
    await opened.dispose();
  });

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('refuses the API without a session, but answers health and config', async () => {
    expect((await get(`/api/workspaces/${ws}/clients`)).statusCode).toBe(401);
    expect((await get(`/api/workspaces/${ws}/clients`)).json().code).toBe('UNAUTHENTICATED');
    expect((await get('/api/health')).statusCode).toBe(200);
    expect((await get('/api/config')).json().mode).toBe('team');
  });

  it('signs in with email and password, stores only an argon2id hash, and signs out', async () => {
    await t.addUser('ana@agency.test', ws, 'manager');
    const stored = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(stored.json().user).toBeNull();

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: ORIGIN,
      payload: { email: 'ana@agency.test', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);

    const cookie = await t.signIn('ana@agency.test');
    const setCookie = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: ORIGIN,
        payload: { email: 'ana@agency.test', password: PASSWORD },
      })
    ).headers['set-cookie'];
    expect(String(setCookie)).toMatch(/HttpOnly/i);
    expect(String(setCookie)).toMatch(/SameSite=Lax/i);

    const session = (await get('/api/session', cookie)).json();
    expect(session.user.email).toBe('ana@agency.test');
    expect(session.workspaces).toEqual([{ id: ws, name: 'Vilnius agency', role: 'manager' }]);
    expect((await get(`/api/workspaces/${ws}/clients`, cookie)).statusCode).toBe(200);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...ORIGIN, cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await get(`/api/workspaces/${ws}/clients`, cookie)).statusCode).toBe(401);
  });

  it('keeps passwords as argon2id hashes only', async () => {
    const { kyselyOf } = await import('../../store/open-store.js');
    await t.addUser('hash@agency.test', ws, 'member');
    const rows = await (kyselyOf(opened.store) as never as import('kysely').Kysely<{ auth_accounts: { password: string | null } }>)
      .selectFrom('auth_accounts')
      .select('password')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.password).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password).not.toContain(PASSWORD);
  });

  it('stores only the SHA-256 of session tokens: the cookie carries the token, the database its hash', async () => {
    const { kyselyOf } = await import('../../store/open-store.js');
    const { sha256Hex } = await import('./hashed-session-tokens.js');
    const sessions = () =>
      (kyselyOf(opened.store) as never as import('kysely').Kysely<{ auth_sessions: { token: string } }>)
        .selectFrom('auth_sessions')
        .select('token')
        .execute()
        .then((rows) => rows.map((r) => r.token));
    // The cookie holds `<token>.<signature>`, URL-encoded.
    const tokenOf = (cookie: string) => {
      const value = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)![1]!);
      return value.slice(0, value.lastIndexOf('.'));
    };
    await t.addUser('ana@agency.test', ws, 'owner');
    const cookie = await t.signIn('ana@agency.test');
    const token = tokenOf(cookie);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(await sessions()).toEqual([sha256Hex(token)]);
    expect((await get('/api/session', cookie)).json().user.email).toBe('ana@agency.test');
    // What the database holds opens nothing, even in a cookie signed with the secret; the token does.
    const { createHmac } = await import('node:crypto');
    const forged = (value: string) =>
      `${cookie.slice(0, cookie.indexOf('=') + 1)}${encodeURIComponent(`${value}.${createHmac('sha256', 'a-test-secret-of-at-least-32-characters!').update(value).digest('base64')}`)}`;
    expect((await get('/api/session', forged(token))).json().user.email).toBe('ana@agency.test');
    expect((await get('/api/session', forged(sha256Hex(token)))).json().user).toBeNull();

    // A session near its end is refreshed by token: the row keeps the hash, the new cookie the token.
    const db = kyselyOf(opened.store) as never as import('kysely').Kysely<{ auth_sessions: { expires_at: string } }>;
    const soon = new Date(Date.now() + 60_000).toISOString();
    await db.updateTable('auth_sessions').set({ expires_at: soon }).execute();
    const refreshed = await t.team.auth.api.getSession({ headers: new Headers({ cookie }), returnHeaders: true });
    expect(refreshed.response?.session.token).toBe(token);
    expect(tokenOf(cookieOf(refreshed.headers.getSetCookie()))).toBe(token);
    const [row] = await db.selectFrom('auth_sessions').selectAll().execute();
    expect(row).toMatchObject({ token: sha256Hex(token) });
    expect(new Date(String((row as { expires_at: unknown }).expires_at)).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    // Any API request renews it the same way, and the renewed cookie reaches the browser.
    await db.updateTable('auth_sessions').set({ expires_at: soon }).execute();
    const used = await t.app.inject({ method: 'GET', url: '/api/workspaces', headers: { cookie } });
    expect(used.statusCode).toBe(200);
    const renewed = [used.headers['set-cookie'] ?? []].flat().map(String);
    expect(tokenOf(cookieOf(renewed))).toBe(token);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...ORIGIN, cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect(await sessions()).toEqual([]);
    expect((await get('/api/session', cookie)).json().user).toBeNull();

    const laptop = await t.signIn('ana@agency.test');
    const phone = await t.signIn('ana@agency.test');
    expect(await sessions()).toHaveLength(2);
    expect((await sessions()).sort()).toEqual([sha256Hex(tokenOf(laptop)), sha256Hex(tokenOf(phone))].sort());
    const revoke = await t.app.inject({
      method: 'POST',
      url: '/api/auth/revoke-sessions',
      headers: { ...ORIGIN, cookie: phone },
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    expect(await sessions()).toEqual([]);
    expect((await get('/api/session', laptop)).json().user).toBeNull();
    // The wrapper keeps better-auth's check of its tables.
    expect((await t.team.auth.$context).checkSchema).toBeTypeOf('function');
    // The routes that would hand stored (hashed) tokens back are off.
    expect((await get('/api/auth/list-sessions', await t.signIn('ana@agency.test'))).statusCode).toBe(404);
  });

  it('logs out everywhere: every session of the person ends', async () => {
    await t.addUser('ana@agency.test', ws, 'owner');
    const laptop = await t.signIn('ana@agency.test');
    const phone = await t.signIn('ana@agency.test');
    expect((await get(`/api/workspaces/${ws}`, phone)).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'POST',
      url: '/api/auth/revoke-sessions',
      headers: { ...ORIGIN, cookie: laptop },
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    expect((await get(`/api/workspaces/${ws}`, phone)).statusCode).toBe(401);
    expect((await get(`/api/workspaces/${ws}`, laptop)).statusCode).toBe(401);
  });

  it('resets a password with the one-time link, once', async () => {
    await t.addUser('ana@agency.test', ws, 'member');
    const old = await t.signIn('ana@agency.test');
    const { link } = await t.team.accounts.passwordLink('ana@agency.test').then((l) => l!);
    const token = new URL(link).searchParams.get('token')!;
    expect(link.startsWith('http://redcard.test:3000/reset-password?token=')).toBe(true);

    const reset = (newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/reset-password', headers: ORIGIN, payload: { token, newPassword } });
    expect((await reset('a brand new passphrase')).statusCode).toBe(200);
    expect((await reset('another new passphrase')).statusCode).toBe(400);
    // The reset ends the sessions opened with the old password.
    expect((await get(`/api/workspaces/${ws}`, old)).statusCode).toBe(401);
    await expect(t.signIn('ana@agency.test')).rejects.toThrow(/401/);
    expect(await t.signIn('ana@agency.test', 'a brand new passphrase')).toMatch(/session_token/);
  });

  it('accepts an invitation once: account, membership, then sign-in', async () => {
    await t.addUser('owner@agency.test', ws, 'owner');
    const owner = await t.signIn('owner@agency.test');
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ws}/invitations`,
      headers: { ...ORIGIN, cookie: owner },
      payload: { email: 'Lina@Agency.test', role: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    const token = new URL(invited.json().link).searchParams.get('token')!;

    const preview = await get(`/api/invitations/preview?token=${token}`);
    expect(preview.json()).toMatchObject({ email: 'lina@agency.test', role: 'member', workspace_name: 'Vilnius agency' });

    const accept = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        headers: ORIGIN,
        payload: { token, name: 'Lina', password: PASSWORD },
      });
    expect((await accept()).statusCode).toBe(200);
    expect((await accept()).statusCode).toBe(410);
    const lina = await t.signIn('lina@agency.test');
    expect((await get('/api/session', lina)).json().workspaces).toEqual([{ id: ws, name: 'Vilnius agency', role: 'member' }]);

    // Only the hash of the token was kept.
    const { kyselyOf } = await import('../../store/open-store.js');
    const rows = await (kyselyOf(opened.store) as never as import('kysely').Kysely<{ invitations: { token_hash: string } }>)
      .selectFrom('invitations')
      .select('token_hash')
      .execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('lets one person belong to several workspaces: a signed-in account accepts without a new password', async () => {
    const second = await t.newWorkspace('Second agency');
    await t.addUser('owner@agency.test', second, 'owner');
    await t.addUser('lina@agency.test', ws, 'member');
    const owner = await t.signIn('owner@agency.test');
    const lina = await t.signIn('lina@agency.test');
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${second}/invitations`,
      headers: { ...ORIGIN, cookie: owner },
      payload: { email: 'lina@agency.test', role: 'manager' },
    });
    const token = new URL(invited.json().link).searchParams.get('token')!;
    // Without her session the link cannot attach the workspace to her account.
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', headers: ORIGIN, payload: { token } });
    expect(anonymous.statusCode).toBe(409);
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { ...ORIGIN, cookie: lina },
      payload: { token },
    });
    expect(joined.statusCode).toBe(200);
    const session = (await get('/api/session', lina)).json();
    expect(session.workspaces.map((w: { name: string; role: string }) => `${w.name}:${w.role}`).sort()).toEqual([
      'Second agency:manager',
      'Vilnius agency:member',
    ]);
    const listed = (await get('/api/workspaces', lina)).json() as { id: string }[];
    expect(listed.map((w) => w.id).sort()).toEqual([ws, second].sort());
  });

  it('makes whoever creates a workspace its owner, and nobody else sees it', async () => {
    await t.addUser('lina@agency.test', ws, 'member');
    await t.addUser('other@agency.test', ws, 'owner');
    const lina = await t.signIn('lina@agency.test');
    const other = await t.signIn('other@agency.test');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/workspaces',
      headers: { ...ORIGIN, cookie: lina },
      payload: { name: 'Lina Design', provider_kind: 'freelancer' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json().id as string;
    expect((await get('/api/session', lina)).json().workspaces).toContainEqual({ id: created, name: 'Lina Design', role: 'owner' });
    expect((await get(`/api/workspaces/${created}`, other)).statusCode).toBe(404);
    expect(((await get('/api/workspaces', other)).json() as { id: string }[]).map((w) => w.id)).toEqual([ws]);
  });

  it('shows a member only the clients assigned to them', async () => {
    const managerId = await t.addUser('boss@agency.test', ws, 'manager');
    const memberId = await t.addUser('lina@agency.test', ws, 'member');
    const boss = await t.signIn('boss@agency.test');
    const lina = await t.signIn('lina@agency.test');
    const add = async (name: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/workspaces/${ws}/clients`,
          headers: { ...ORIGIN, cookie: boss },
          payload: { name, language: 'lt', kind: 'business', size: 'small' },
        })
      ).json().id as string;
    const mine = await add('Baltic Shop');
    const other = await add('Vortex Media');
    const assign = await t.app.inject({
      method: 'PUT',
      url: `/api/workspaces/${ws}/clients/${mine}/assignees`,
      headers: { ...ORIGIN, cookie: boss },
      payload: { user_ids: [memberId] },
    });
    expect(assign.statusCode).toBe(200);

    const list = (await get(`/api/workspaces/${ws}/clients`, lina)).json() as { id: string }[];
    expect(list.map((c) => c.id)).toEqual([mine]);
    expect((await get(`/api/workspaces/${ws}/clients`, boss)).json()).toHaveLength(2);
    expect((await get(`/api/workspaces/${ws}/clients/${mine}`, lina)).statusCode).toBe(200);
    expect((await get(`/api/workspaces/${ws}/clients/${other}`, lina)).statusCode).toBe(404);
    // A member reports incidents on their client, not on another, and issues no cards.
    const report = (clientId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${ws}/clients/${clientId}/incidents`,
        headers: { ...ORIGIN, cookie: lina },
        payload: { code: 'abuse', severity: 2, date: '2026-11-20', note: 'Shouted at me on a call' },
      });
    expect((await report(mine)).statusCode).toBe(201);
    expect((await report(other)).statusCode).toBe(404);
    const card = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ws}/clients/${mine}/cards/yellow`,
      headers: { ...ORIGIN, cookie: lina },
      payload: {},
    });
    expect(card.statusCode).toBe(403);
    expect(managerId).not.toBe(memberId);
  });

  it('refuses cookie-authenticated writes from another origin', async () => {
    await t.addUser('boss@agency.test', ws, 'manager');
    const boss = await t.signIn('boss@agency.test');
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${ws}/clients`,
        headers: { cookie: boss, ...headers },
        payload: { name: 'Evil Corp', language: 'en', kind: 'business', size: 'small' },
      });
    const foreign = await write({ origin: 'https://evil.test' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('ORIGIN_REJECTED');
    expect((await write({})).statusCode).toBe(403);
    expect((await write(ORIGIN)).statusCode).toBe(201);
    expect((await get(`/api/workspaces/${ws}/clients`, boss)).json()).toHaveLength(1);
  });

  it("leaves the auth library's own origin check on: a sign-in posted from another site fails", async () => {
    await t.addUser('ana@agency.test', ws, 'member');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'https://evil.test', cookie: 'redcard.session_token=x' },
      payload: { email: 'ana@agency.test', password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(cookieOf(res.headers['set-cookie'])).not.toMatch(/session_token=[^;]+\./);
  });

  it('limits sign-in attempts per address', async () => {
    await t.addUser('ana@agency.test', ws, 'member');
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: ORIGIN,
        payload: { email: 'ana@agency.test', password: `guess number ${i}` },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().code).toBe('RATE_LIMITED');
    }
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429]);
    // Another person at the same address still signs in.
    await t.addUser('colleague@agency.test', ws, 'member');
    const colleague = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: ORIGIN,
      payload: { email: 'colleague@agency.test', password: PASSWORD },
    });
    expect(colleague.statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('does not let sign-up create accounts: only invitations do', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: ORIGIN,
      payload: { email: 'intruder@evil.test', password: PASSWORD, name: 'Intruder' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(await t.team.team.findUserByEmail('intruder@evil.test')).toBeUndefined();
    expect(cookieOf(res.headers['set-cookie'])).not.toMatch(/session_token/);
  });

  it('limits uploads per address', async () => {
    await t.addUser('boss@agency.test', ws, 'manager');
    const boss = await t.signIn('boss@agency.test');
    const codes: number[] = [];
    for (let i = 0; i < UPLOADS_PER_MINUTE + 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${ws}/imports`,
        headers: { ...ORIGIN, cookie: boss, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, UPLOADS_PER_MINUTE).every((c) => c !== 429)).toBe(true);
    expect(codes.slice(UPLOADS_PER_MINUTE)).toEqual([429, 429]);
  });
});

describe('team mode logs', () => {
  it('never carry passwords, cookies or link tokens', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const backend = storeBackends()[0]!;
    const opened = await backend.open();
    const t = await buildTeamTestApp(opened.store, { logger: { level: 'info', stream } });
    try {
      const ws = await t.newWorkspace('Logged');
      await t.addUser('ana@agency.test', ws, 'owner');
      const cookie = await t.signIn('ana@agency.test');
      await t.app.inject({ method: 'GET', url: `/api/workspaces/${ws}`, headers: { cookie, authorization: 'Bearer very-secret' } });
      await t.app.inject({ method: 'GET', url: '/invite?token=TOKEN_THAT_MUST_NOT_LEAK' });
      await t.app.inject({ method: 'GET', url: '/api/auth/reset-password/RESET_TOKEN_SECRET?callbackURL=/x' });
      const log = lines.join('\n');
      expect(log).toContain(`/api/workspaces/${ws}`);
      for (const secret of [PASSWORD, cookie.split('=')[1]!, 'very-secret', 'TOKEN_THAT_MUST_NOT_LEAK', 'RESET_TOKEN_SECRET'])
        expect(log).not.toContain(secret);
    } finally {
      await t.close();
      await opened.dispose();
    }
  });
});
