import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRedcard } from '../../../test/cli.js';
import { type OpenedStore, rawSql, storeBackends } from '../../../test/stores.js';
import type { StoreOptions } from '../../store/open-store.js';
import { EXIT } from '../exit-codes.js';

describe.each(storeBackends())('redcard audit on $name', (backend) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let location: StoreOptions;
  let opened: OpenedStore | undefined;

  /** Runs `redcard ARGS --data-dir DIR` in this process, on this backend. */
  const cli = (...args: string[]) => runRedcard([...args, '--data-dir', dataDir], env);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'redcard-audit-cli-'));
    if (backend.name === 'postgres') {
      // A fresh database of its own; the CLI opens it by its URL, as DATABASE_URL would.
      opened = await backend.open();
      location = opened.location as StoreOptions;
      env = { DATABASE_URL: (location as { url: string }).url };
    } else {
      location = { kind: 'sqlite', file: join(dataDir, 'redcard.db') };
      env = {};
    }
    expect((await cli('client', 'add', 'Vortex Media SRL', '--language', 'ro')).code).toBe(EXIT.ok);
    expect((await cli('incident', 'add', 'vortex', '--code', 'abuse', '--severity', '3', '--note', 'Threats')).code).toBe(EXIT.ok);
    expect((await cli('client', 'add', 'Maple Commons')).code).toBe(EXIT.ok);
  });
  afterAll(async () => {
    await opened?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('verify exits 0 with a summary when the chain holds', async () => {
    const res = await cli('audit', 'verify');
    expect(res.err).toBe('');
    expect(res.code).toBe(EXIT.ok);
    // The workspace created on first use, two clients and an incident.
    expect(res.out).toMatch(/^Audit log of .+ verifies: 4 entries, chain intact\.\n {2}head [0-9a-f]{64}\n$/);
    const json = JSON.parse((await cli('audit', 'verify', '--json')).out);
    expect(json).toMatchObject({ ok: true, entries: 4, problems: [] });
  });

  it('export writes JSON Lines and CSV that read back to the same entries, by the OS user', async () => {
    const jsonlFile = join(dataDir, 'audit.jsonl');
    const csvFile = join(dataDir, 'audit.csv');
    expect(await cli('audit', 'export', '--out', jsonlFile)).toMatchObject({ code: EXIT.ok });
    const res = await cli('audit', 'export', '--out', csvFile, '--format', 'csv');
    expect(res).toMatchObject({ code: EXIT.ok });
    expect(res.out).toMatch(/^Wrote 4 audit entries of .+ to .+audit\.csv\n$/);

    const lines = readFileSync(jsonlFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
    expect(lines.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'create workspaces',
      'create clients',
      'create incidents',
      'create clients',
    ]);
    expect(lines.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(lines.map((e) => e.actor_name))).toEqual(new Set([userInfo().username || 'You']));
    expect(lines[1].after).toMatchObject({ name: 'Vortex Media SRL', language: 'ro' });

    const records = parseCsv(readFileSync(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.entry_hash)).toEqual(lines.map((e) => e.entry_hash));
    expect(JSON.parse(records[2]?.after as string)).toEqual(lines[2].after);

    expect((await cli('audit', 'export', '--out', csvFile, '--format', 'xml')).code).toBe(EXIT.usage);
  });

  it('verify exits non-zero naming the first broken entry after a row is tampered with in SQL', async () => {
    await rawSql(location, "update audit_log set after_json = replace(after_json, 'Threats', 'Jokes') where seq = 3");
    const res = await cli('audit', 'verify');
    expect(res.code).toBe(EXIT.tampered);
    expect(res.out).toMatch(/is broken at entry 3: entry 3 \(create incidents [0-9a-f-]+\) was changed after it was recorded/);

    await rawSql(location, "update audit_log set after_json = replace(after_json, 'Jokes', 'Threats') where seq = 3");
    expect((await cli('audit', 'verify')).code).toBe(EXIT.ok);
    await rawSql(location, 'delete from audit_log where seq = 4');
    const cut = await cli('audit', 'verify');
    expect(cut.code).toBe(EXIT.tampered);
    expect(cut.out).toMatch(/is broken at entry 4: entry 4, the last one recorded, is missing/);
  });
});
