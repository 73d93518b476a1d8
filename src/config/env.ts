/**
 * Configuration, validated once. Nothing else in RedCard reads process.env: the faces call
 * `loadConfig` with their flags and the environment and pass the typed result down.
 *
 * Variables (also in .env.example):
 * - PORT: HTTP port of `redcard serve` (default 3000).
 * - HOST: address to listen on (default 127.0.0.1: solo mode is local only).
 * - REDCARD_DATA_DIR: where the SQLite database and evidence files live (default ~/.redcard).
 * - DATABASE_URL: a postgres:// URL to use PostgreSQL instead of the embedded SQLite.
 * - REDCARD_IMPORT_MAX_MB: largest mail archive or chat export the API accepts for import (default 1024).
 * - REDCARD_MODE: solo (default: one local user, no sign-in) or team (accounts, workspaces with roles).
 *   Team is forced when HOST is not a loopback address or DATABASE_URL is set.
 * - REDCARD_AUTH_SECRET: the key signing team-mode sessions (at least 32 characters); generated once
 *   into the data directory (auth-secret, mode 0600) when unset.
 * - REDCARD_PUBLIC_URL: the address people open RedCard at (links in invitations and password resets,
 *   the origin allowed to write); default http://HOST:PORT. https:// makes session cookies Secure.
 * - REDCARD_SMTP_URL, REDCARD_SMTP_FROM: send password-reset and invitation links by mail
 *   (smtp://user:pass@host:587); without them the links are printed by the CLI.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  dataDir: string;
  port: number;
  host: string;
  db: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  blobDir: string;
  demo: boolean;
  /** Largest file POST .../imports accepts, bytes (REDCARD_IMPORT_MAX_MB). */
  importMaxBytes: number;
  /** Where uploads for import are kept while they are read. */
  importTempDir: string;
  /** solo: one local user, no sign-in; team: accounts, sessions, workspaces with roles. */
  mode: Mode;
  /** Team-mode settings (read in solo mode too, so the CLI can prepare a team before it starts). */
  team: TeamConfig;
}

export type Mode = 'solo' | 'team';

export interface TeamConfig {
  /** REDCARD_AUTH_SECRET, or undefined to use (or create) the one kept in the data directory. */
  authSecret: string | undefined;
  /** Base URL of the web UI, without a trailing slash. */
  publicUrl: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigFlags {
  port?: string | number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  mode?: string;
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

const portSchema = z.coerce
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be between 0 and 65535' })
  .max(65535, { message: 'must be between 0 and 65535' });

const postgresUrl = z.string().refine((s) => /^postgres(ql)?:\/\//.test(s), { message: 'must start with postgres:// or postgresql://' });

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function defaultDataDir(): string {
  return join(homedir(), '.redcard');
}

/** Builds the configuration from flags and environment, or throws a ConfigError naming the bad setting. */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const portRaw = flags.port ?? env.PORT ?? 3000;
  const port = portSchema.safeParse(portRaw);
  if (!port.success)
    throw new ConfigError(`Invalid port "${portRaw}" (${flags.port !== undefined ? '--port' : 'PORT'}): ${port.error.issues[0]?.message}`);

  const host = (flags.host ?? env.HOST ?? '127.0.0.1').trim();
  if (host === '') throw new ConfigError('Invalid host: must not be empty');

  const dataDirRaw = flags.dataDir ?? env.REDCARD_DATA_DIR ?? defaultDataDir();
  if (dataDirRaw.trim() === '') throw new ConfigError('Invalid data directory: must not be empty');
  const dataDir = resolve(dataDirRaw);

  const url = flags.databaseUrl ?? env.DATABASE_URL;
  let db: Config['db'] = { kind: 'sqlite', file: join(dataDir, 'redcard.db') };
  if (url !== undefined && url !== '') {
    const parsed = postgresUrl.safeParse(url);
    if (!parsed.success) throw new ConfigError(`Invalid DATABASE_URL: ${parsed.error.issues[0]?.message}`);
    db = { kind: 'postgres', url };
  }

  const importMbRaw = env.REDCARD_IMPORT_MAX_MB ?? '1024';
  const importMb = z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024)
    .safeParse(importMbRaw);
  if (!importMb.success)
    throw new ConfigError(`Invalid REDCARD_IMPORT_MAX_MB "${importMbRaw}": must be a whole number of megabytes, at least 1`);

  const { mode, team } = teamSettings(flags, env, host, port.data, db.kind === 'postgres');

  return {
    mode,
    team,
    dataDir,
    port: port.data,
    host,
    db,
    blobDir: join(dataDir, 'evidence'),
    demo: flags.demo ?? false,
    importMaxBytes: importMb.data * 1024 * 1024,
    importTempDir: join(dataDir, 'import-uploads'),
  };
}

function teamSettings(
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv,
  host: string,
  port: number,
  postgres: boolean,
): { mode: Mode; team: TeamConfig } {
  const asked = flags.mode ?? env.REDCARD_MODE;
  if (asked !== undefined && asked !== '' && asked !== 'solo' && asked !== 'team')
    throw new ConfigError(`Invalid mode "${asked}" (${flags.mode !== undefined ? '--mode' : 'REDCARD_MODE'}): must be solo or team`);
  const exposed = !isLoopbackHost(host);
  // Solo mode has no sign-in: reachable from other machines or shared through a server
  // database, anyone could read and change everything.
  if (asked === 'solo' && exposed)
    throw new ConfigError(`Solo mode listens on this machine only; ${host} is reachable from others: use --mode team or a 127.0.0.1 host`);
  if (asked === 'solo' && postgres)
    throw new ConfigError('Solo mode uses the embedded database; with DATABASE_URL RedCard runs in team mode (REDCARD_MODE=team)');
  const mode: Mode = asked === 'team' || exposed || postgres ? 'team' : 'solo';

  const secret = env.REDCARD_AUTH_SECRET;
  if (secret !== undefined && secret !== '' && secret.length < 32)
    throw new ConfigError('Invalid REDCARD_AUTH_SECRET: must be at least 32 characters (e.g. openssl rand -hex 32)');

  const publicRaw = env.REDCARD_PUBLIC_URL;
  let publicUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (publicRaw !== undefined && publicRaw !== '') {
    const parsed = z.url({ protocol: /^https?$/ }).safeParse(publicRaw);
    if (!parsed.success) throw new ConfigError(`Invalid REDCARD_PUBLIC_URL "${publicRaw}": must be an http:// or https:// address`);
    publicUrl = publicRaw.replace(/\/+$/, '');
  }

  const smtpUrl = env.REDCARD_SMTP_URL;
  if (smtpUrl !== undefined && smtpUrl !== '' && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('Invalid REDCARD_SMTP_URL: must start with smtp:// or smtps://');

  return {
    mode,
    team: {
      authSecret: secret === '' ? undefined : secret,
      publicUrl,
      smtpUrl: smtpUrl === '' ? undefined : smtpUrl,
      smtpFrom: env.REDCARD_SMTP_FROM || 'RedCard <redcard@localhost>',
    },
  };
}
