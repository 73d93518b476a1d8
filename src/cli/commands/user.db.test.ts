import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRedcard, tempDataDir } from '../../../test/cli.js';
import { buildTeamTestApp, ORIGIN } from '../../../test/team-app.js';
import { openStore } from '../../store/open-store.js';
import { EXIT } from '../exit-codes.js';

const dataDir = tempDataDir('redcard-user-');
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runRedcard([...args, '--data-dir', dataDir], { REDCARD_PUBLIC_URL: 'https://redcard.agency.test', ...env });

describe('redcard user', () => {
  it('creates the first owner with a one-time link that sets the password, and keeps the secret private', async () => {
    const created = await cli(['user', 'create-owner', '--email', 'Rasa@Agency.test', '--name', 'Rasa', '--workspace', 'Vilnius agency']);
    expect(created.code).toBe(EXIT.ok);
    expect(created.out).toContain('rasa@agency.test is owner of "Vilnius agency"');
    const link = /https:\/\/redcard\.agency\.test\/reset-password\?token=(\S+)/.exec(created.out);
    expect(link).not.toBeNull();
    expect(statSync(join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);

    const listed = await cli(['user', 'list', '--workspace', 'Vilnius agency', '--json']);
    expect(JSON.parse(listed.out)).toMatchObject([{ email: 'rasa@agency.test', role: 'owner' }]);

    const invited = await cli(['user', 'invite', 'lina@agency.test', '--role', 'manager', '--workspace', 'Vilnius agency']);
    expect(invited.code).toBe(EXIT.ok);
    expect(invited.out).toMatch(/as manager.*\nhttps:\/\/redcard\.agency\.test\/invite\?token=[\w-]{43}\n/s);

    // The link works: the password it sets signs in.
    const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'redcard.db') });
    const t = await buildTeamTestApp(store);
    try {
      const token = decodeURIComponent(link![1]!);
      const reset = await t.app.inject({
        method: 'POST',
        url: '/api/auth/reset-password',
        headers: ORIGIN,
        payload: { token, newPassword: 'the owner passphrase' },
      });
      expect(reset.statusCode).toBe(200);
      expect(await t.signIn('rasa@agency.test', 'the owner passphrase')).toMatch(/session_token/);
    } finally {
      await t.close();
      await store.close();
    }
  });

  it('prints a reset link for a known email and fails for an unknown one', async () => {
    await cli(['user', 'create-owner', '--email', 'owner2@agency.test', '--workspace', 'Second']);
    const ok = await cli(['user', 'reset-password', 'owner2@agency.test']);
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.out).toMatch(/reset-password\?token=/);
    const unknown = await cli(['user', 'reset-password', 'nobody@agency.test']);
    expect(unknown.code).toBe(EXIT.notFound);
  });
});
