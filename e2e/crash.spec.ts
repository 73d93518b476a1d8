/**
 * Crash safety: SIGKILL the server in the middle of a stream of writes (incidents and evidence
 * uploads), restart it on the same data directory, and find every acknowledged write present
 * and the evidence chain verifying.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startRedcard, tempDataDir } from './helpers/redcard-process.js';

const dataDir = tempDataDir('redcard-crash-');
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('crash safety', () => {
  it('keeps every acknowledged write after SIGKILL mid-stream, and the evidence chain verifies', async () => {
    server = await startRedcard({ dataDir });
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { default_workspace_id: string };
    const base = `${server.url}/api/workspaces/${config.default_workspace_id}`;
    const client = (await (await post(`${base}/clients`, { name: 'Crash Test Client' })).json()) as { id: string };

    const ackedIncidents = new Set<string>();
    const ackedEvidence = new Set<string>();
    let stop = false;
    let n = 0;

    // Four writers, each an endless stream of incident + evidence writes until the kill.
    const writer = async (w: number) => {
      while (!stop) {
        const i = n++;
        try {
          const res = await post(`${base}/clients/${client.id}/incidents`, {
            date: '2026-11-01',
            code: 'payment',
            severity: 1,
            note: `write ${w}-${i}`,
          });
          if (res.status !== 201) continue;
          const incident = (await res.json()) as { id: string };
          ackedIncidents.add(incident.id);
          if (i % 3 === 0) {
            const form = new FormData();
            form.append('note', `evidence ${i}`);
            form.append('file', new Blob([`screenshot bytes ${w}-${i} ${'x'.repeat(2000)}`], { type: 'image/png' }), `shot-${i}.png`);
            const up = await fetch(`${base}/incidents/${incident.id}/evidence`, { method: 'POST', body: form });
            if (up.status === 201) ackedEvidence.add(((await up.json()) as { id: string }).id);
          }
        } catch {
          // The server died under us: this write was never acknowledged.
          if (stop) return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);

    // Let the stream run until a good number of writes are acknowledged, then kill -9.
    const deadline = Date.now() + 20_000;
    while ((ackedIncidents.size < 150 || ackedEvidence.size < 30) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await server.kill();
    stop = true;
    await Promise.all(writers);
    expect(ackedIncidents.size).toBeGreaterThanOrEqual(150);
    expect(ackedEvidence.size).toBeGreaterThanOrEqual(30);

    // Restart on the same data directory.
    server = await startRedcard({ dataDir });
    const detail = (await (await fetch(`${base.replace(/http:\/\/127\.0\.0\.1:\d+/, server.url)}/clients/${client.id}`)).json()) as {
      incidents: Array<{ id: string; evidence: Array<{ id: string }> }>;
    };
    const present = new Set(detail.incidents.map((i) => i.id));
    const presentEvidence = new Set(detail.incidents.flatMap((i) => i.evidence.map((e) => e.id)));
    const lostIncidents = [...ackedIncidents].filter((id) => !present.has(id));
    const lostEvidence = [...ackedEvidence].filter((id) => !presentEvidence.has(id));
    expect(lostIncidents).toEqual([]);
    expect(lostEvidence).toEqual([]);

    const report = (await (await fetch(`${server.url}/api/workspaces/${config.default_workspace_id}/evidence/verify`)).json()) as {
      ok: boolean;
      entries: number;
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThanOrEqual(ackedEvidence.size);
  });
});
