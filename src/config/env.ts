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
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigFlags {
  port?: string | number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
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

  return {
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
