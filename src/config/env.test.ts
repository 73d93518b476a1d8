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

  describe('mode', () => {
    it('is solo by default, on this machine only', () => {
      expect(loadConfig({}, {}).mode).toBe('solo');
      expect(loadConfig({ host: '127.0.0.2' }, {}).mode).toBe('solo');
    });

    it('is team when asked, when listening beyond loopback, or on PostgreSQL', () => {
      expect(loadConfig({ mode: 'team' }, {}).mode).toBe('team');
      expect(loadConfig({}, { REDCARD_MODE: 'team' }).mode).toBe('team');
      expect(loadConfig({ host: '0.0.0.0' }, {}).mode).toBe('team');
      expect(loadConfig({}, { HOST: '192.168.1.5' }).mode).toBe('team');
      expect(loadConfig({}, { DATABASE_URL: 'postgres://u@h:5432/db' }).mode).toBe('team');
    });

    it('refuses solo mode where others could reach the data', () => {
      expect(() => loadConfig({ mode: 'solo', host: '0.0.0.0' }, {})).toThrow(/Solo mode/);
      expect(() => loadConfig({}, { REDCARD_MODE: 'solo', DATABASE_URL: 'postgres://u@h/db' })).toThrow(/Solo mode/);
      expect(() => loadConfig({ mode: 'crowd' }, {})).toThrow(/--mode/);
    });

    it('validates the team settings', () => {
      const team = loadConfig({ port: 4000 }, { REDCARD_PUBLIC_URL: 'https://redcard.agency.test/' }).team;
      expect(team.publicUrl).toBe('https://redcard.agency.test');
      expect(loadConfig({ port: 4000 }, {}).team.publicUrl).toBe('http://127.0.0.1:4000');
      expect(() => loadConfig({}, { REDCARD_AUTH_SECRET: 'short' })).toThrow(/REDCARD_AUTH_SECRET/);
      expect(() => loadConfig({}, { REDCARD_PUBLIC_URL: 'ftp://x' })).toThrow(/REDCARD_PUBLIC_URL/);
      expect(() => loadConfig({}, { REDCARD_SMTP_URL: 'http://mail' })).toThrow(/REDCARD_SMTP_URL/);
      expect(loadConfig({}, { REDCARD_SMTP_URL: 'smtp://u:p@mail.test:587' }).team.smtpUrl).toBe('smtp://u:p@mail.test:587');
    });
  });
});
