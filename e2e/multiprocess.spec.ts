/**
 * Several processes on one store: the CLI writes to the SQLite file while the server runs (and
 * writes too); both succeed, and the server shows what the CLI wrote.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, type ServerProcess, startRedcard, tempDataDir } from './helpers/redcard-process.js';

const dataDir = tempDataDir('redcard-multi-');
let server: ServerProcess;
let base: string;

beforeAll(async () => {
  server = await startRedcard({ dataDir });
  const config = (await (await fetch(`${server.url}/api/config`)).json()) as { default_workspace_id: string };
  base = `${server.url}/api/workspaces/${config.default_workspace_id}`;
});
afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a CLI process and the server on one SQLite store', () => {
  it('sees a client the CLI adds while the server is running', async () => {
    const res = await runCliAsync(['client', 'add', 'Added From The CLI', '--language', 'lt', '--data-dir', dataDir]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const list = (await (await fetch(`${base}/clients`)).json()) as Array<{ name: string; language: string }>;
    expect(list).toContainEqual(expect.objectContaining({ name: 'Added From The CLI', language: 'lt' }));
  });

  it('lets both write at the same time without losing or failing a write', async () => {
    const client = (await (
      await fetch(`${base}/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Busy Client' }),
      })
    ).json()) as { id: string };
    const evidenceFile = join(dataDir, 'note.txt');
    writeFileSync(evidenceFile, 'exported chat');

    const serverWrites = Array.from({ length: 60 }, (_, i) =>
      fetch(`${base}/clients/${client.id}/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ date: '2026-11-02', code: 'scope_creep', severity: 1, note: `server ${i}` }),
      }).then((r) => r.status),
    );
    const cliWrites = Array.from({ length: 4 }, (_, i) =>
      runCliAsync([
        'incident',
        'add',
        'Busy Client',
        '--code',
        'payment',
        '--note',
        `cli ${i}`,
        '--evidence',
        evidenceFile,
        '--data-dir',
        dataDir,
        '--json',
      ]),
    );
    const [statuses, cli] = await Promise.all([Promise.all(serverWrites), Promise.all(cliWrites)]);
    expect(statuses.every((s) => s === 201)).toBe(true);
    for (const r of cli) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }

    const detail = (await (await fetch(`${base}/clients/${client.id}`)).json()) as {
      incidents: Array<{ note: string; evidence: unknown[] }>;
    };
    expect(detail.incidents.filter((i) => i.note.startsWith('server '))).toHaveLength(60);
    expect(detail.incidents.filter((i) => i.note.startsWith('cli ') && i.evidence.length === 1)).toHaveLength(4);

    const verify = await runCliAsync(['evidence', 'verify', '--data-dir', dataDir, '--json']);
    expect(verify.status).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 4 });

    // The audit log of both processes is one unforked chain with every change in it (issue 7).
    const audit = await runCliAsync(['audit', 'verify', '--data-dir', dataDir, '--json']);
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, problems: [] });
    const exported = join(dataDir, 'audit.jsonl');
    expect((await runCliAsync(['audit', 'export', '--out', exported, '--data-dir', dataDir])).status).toBe(0);
    const entries = readFileSync(exported, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; entity: string });
    expect(entries.filter((e) => e.action === 'create' && e.entity === 'incidents')).toHaveLength(64);
    expect(entries.filter((e) => e.action === 'create' && e.entity === 'evidence')).toHaveLength(4);
  });
});
