import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, loadConfig } from './env.js';

describe('configuration', () => {
  it('defaults to SQLite in ~/.redcard on 127.0.0.1:3000', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: defaultDataDir(), demo: false });
    expect(config.db).toEqual({ kind: 'sqlite', file: join(defaultDataDir(), 'redcard.db') });
    expect(config.blobDir).toBe(join(defaultDataDir(), 'evidence'));
  });

  it('reads PORT and REDCARD_DATA_DIR from the environment', () => {
    const config = loadConfig({}, { PORT: '4100', REDCARD_DATA_DIR: 'some/dir' });
    expect(config.port).toBe(4100);
    expect(config.dataDir).toBe(resolve('some/dir'));
  });

  it('lets flags win over the environment', () => {
    const config = loadConfig({ port: '5000', dataDir: '/tmp/rc-flag' }, { PORT: '4100', REDCARD_DATA_DIR: '/tmp/rc-env' });
    expect(config.port).toBe(5000);
    expect(config.dataDir).toBe('/tmp/rc-flag');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({}, { DATABASE_URL: 'postgres://u@h:5432/db' }).db).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  it('rejects a bad port, data directory or database URL with the setting named', () => {
    expect(() => loadConfig({ port: 'abc' }, {})).toThrow(/--port/);
    expect(() => loadConfig({}, { PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ dataDir: '  ' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
