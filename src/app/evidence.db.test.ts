import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDeps, textStream } from '../../test/deps.js';
import { storeBackends } from '../../test/stores.js';
import { randomIds } from './adapters/system.js';
import { addClient } from './clients.js';
import { addEvidence, cleanFileName, cleanMediaType, verifyEvidence } from './evidence.js';
import { addIncident } from './incidents.js';
import type { Deps } from './ports.js';
import { ensureDefaultWorkspace } from './workspaces.js';

describe.each(storeBackends())('evidence log on $name', (backend) => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let ws: string;
  let incidentId: string;

  beforeEach(async () => {
    ({ deps, dispose } = await openTestDeps(backend));
    ws = (await ensureDefaultWorkspace(deps)).id;
    const client = await addClient(deps, ws, { name: 'Evidence Client' });
    incidentId = (await addIncident(deps, ws, client.id, { date: '2026-11-01', code: 'abuse' })).id;
  });
  afterEach(() => dispose());

  it('keeps one unbroken chain when many appends race', async () => {
    const entries = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        addEvidence(deps, { workspaceId: ws, incidentId, fileName: `f${i}.txt`, content: textStream(`file ${i}`) }),
      ),
    );
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const report = await verifyEvidence(deps, ws);
    expect(report).toMatchObject({ ok: true, entries: 25, problems: [] });
  });

  it('stores identical files once, and keeps one entry per attachment', async () => {
    const a = await addEvidence(deps, { workspaceId: ws, incidentId, fileName: 'a.txt', content: textStream('same') });
    const b = await addEvidence(deps, { workspaceId: ws, incidentId, fileName: 'b.txt', content: textStream('same') });
    expect(a.file_sha256).toBe(b.file_sha256);
    expect(b.prev_hash).toBe(a.entry_hash);
    expect((await verifyEvidence(deps, ws)).ok).toBe(true);
  });

  it('keeps workspaces on separate chains', async () => {
    const other = await deps.store.insertWorkspace(
      { id: randomIds.newId(), now: new Date().toISOString() },
      {
        name: 'Other',
        provider_name: null,
        provider_kind: 'freelancer',
        currency: 'EUR',
        jurisdiction: null,
        timezone: 'UTC',
        language: 'en',
        revenue_last_12m_minor: null,
        is_demo: false,
      },
    );
    const client = await addClient(deps, other.id, { name: 'Other Client' });
    const inc = await addIncident(deps, other.id, client.id, { date: '2026-11-01', code: 'payment' });
    await addEvidence(deps, { workspaceId: ws, incidentId, fileName: 'a.txt', content: textStream('a') });
    const first = await addEvidence(deps, { workspaceId: other.id, incidentId: inc.id, fileName: 'b.txt', content: textStream('b') });
    expect(first.seq).toBe(1);
    await expect(
      addEvidence(deps, { workspaceId: other.id, incidentId, fileName: 'x.txt', content: textStream('x') }),
    ).rejects.toMatchObject({
      code: 'INCIDENT_NOT_FOUND',
    });
    expect((await verifyEvidence(deps, ws)).entries).toBe(1);
  });

  it('refuses an oversized or empty file without writing an entry', async () => {
    await expect(
      addEvidence(deps, { workspaceId: ws, incidentId, fileName: 'big.bin', content: textStream('x'.repeat(101)), maxBytes: 100 }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    await expect(addEvidence(deps, { workspaceId: ws, incidentId, fileName: 'empty.bin', content: textStream('') })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await verifyEvidence(deps, ws)).entries).toBe(0);
  });
});

describe('evidence names and types', () => {
  it('keeps only the base name, without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\ana\\chat\u0000.txt')).toBe('chat.txt');
    expect(cleanFileName('..')).toBe('evidence');
    expect(cleanFileName('Скриншот переписки.png')).toBe('Скриншот переписки.png');
  });

  it('accepts well-formed media types only', () => {
    expect(cleanMediaType('image/PNG; charset=binary')).toBe('image/png');
    expect(cleanMediaType('text/html<script>')).toBe('application/octet-stream');
    expect(cleanMediaType(undefined)).toBe('application/octet-stream');
  });
});
