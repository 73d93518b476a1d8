/**
 * Team mode's accounts and sessions: better-auth on RedCard's own database connection (its
 * tables come from migration 0010), email and password only, no public sign-up (accounts come
 * from invitations), argon2id password hashes, database sessions in HttpOnly SameSite=Lax
 * cookies (Secure when RedCard is served over https), session and reset tokens stored hashed.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kyselyAdapter } from '@better-auth/kysely-adapter';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import type { Kysely } from 'kysely';
import type { Accounts, Mailer, UserRow } from '../../app/team/ports.js';
import { newToken } from '../../app/team/tokens.js';
import { hashedSessionTokens } from './hashed-session-tokens.js';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
const ARGON2ID = 2;

export const RESET_LINK_SECONDS = 60 * 60;

/** The session secret: REDCARD_AUTH_SECRET, else one generated once into the data directory (0600). */
export function authSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  writeFileSync(file, `${newToken()}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);

  return readFileSync(file, 'utf8').trim();
}

export interface AuthOptions {
  /** RedCard's Kysely instance (SQLite or PostgreSQL). */
  // biome-ignore lint/suspicious/noExplicitAny: better-auth types the connection it is given loosely
  db: Kysely<any>;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
}

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

export function createAuth(options: AuthOptions) {
  /** Tokens asked for by RedCard itself (CLI, owner setup), by email, instead of mailing them only. */
  const waiting = new Map<string, (token: string) => void>();
  const auth = betterAuth({
    appName: 'RedCard',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    // The SQLite flavour on both dialects: dates as ISO text and flags as 0/1, the portable
    // column types of RedCard's schema. Session tokens are stored as their SHA-256 (hashed-session-tokens.ts).
    database: hashedSessionTokens(kyselyAdapter(options.db, { type: 'sqlite' }), ['session', 'auth_sessions']),
    // These answer or take stored session tokens, which are hashes now; RedCard uses revoke-sessions only.
    disabledPaths: ['/list-sessions', '/revoke-session', '/revoke-other-sessions'],
    telemetry: { enabled: false },
    trustedOrigins: [options.publicUrl],
    // Fastify's rate limiter guards sign-in and reset (src/server/team/guard.ts), one mechanism for all.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      password: {
        hash: (password) => hash(password, { algorithm: ARGON2ID }),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const take = waiting.get(user.email);
        if (take) {
          take(token);
          return;
        }
        await options.mailer.send({
          to: user.email,
          subject: 'RedCard: set a new password',
          text: `Someone asked to reset the password of ${user.email} on RedCard. If it was you, open this link within an hour:\n${resetLink(options.publicUrl, token)}\n\nIf it was not you, ignore this message.\n`,
        });
      },
    },
    user: { modelName: 'auth_users', fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' } },
    session: {
      modelName: 'auth_sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
      storeIdentifier: 'hashed',
    },
    advanced: {
      cookiePrefix: 'redcard',
      // The library skips its origin check under NODE_ENV=test; keep it on, so tests see production.
      disableOriginCheck: false,
      useSecureCookies: options.publicUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
  });

  const accounts: Accounts = {
    async createUser(input): Promise<UserRow> {
      const ctx = await auth.$context;
      const user = await ctx.internalAdapter.createUser(
        { email: input.email.toLowerCase(), name: input.name, emailVerified: true },
        { method: 'admin' },
      );
      // Without a password the account waits for its one-time link (passwordLink), which creates the credential.
      if (input.password !== undefined)
        await ctx.internalAdapter.linkAccount({
          userId: user.id,
          providerId: 'credential',
          accountId: user.id,
          password: await ctx.password.hash(input.password),
        });

      return { id: user.id, name: user.name, email: user.email };
    },

    async passwordLink(email) {
      const key = email.toLowerCase();
      const token = new Promise<string>((resolve, reject) => {
        waiting.set(key, resolve);
        setTimeout(() => reject(new Error('no reset token was issued')), 10_000).unref();
      });
      try {
        await auth.api.requestPasswordReset({ body: { email: key, redirectTo: `${options.publicUrl}/reset-password` } });
        const link = resetLink(options.publicUrl, await token);
        const mailed = await options.mailer.send({
          to: key,
          subject: 'RedCard: set your password',
          text: `Open this link within an hour to set your RedCard password:\n${link}\n`,
        });

        return { link, mailed };
      } finally {
        waiting.delete(key);
      }
    },
  };

  return { auth, accounts };
}

export type RedCardAuth = ReturnType<typeof createAuth>['auth'];
