/**
 * The demo workspace: a dozen realistic clients (src/demo/cases) imported as case files, with
 * every date moved by the same number of days so the story ends today instead of on the day the
 * files were written. Seeding is idempotent: an existing demo workspace is returned as it is.
 */
import { CaseFile } from '../contracts/case-file.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { Workspace } from '../contracts/records.js';
import { addDays, dateInZone, daysBetween } from '../core/dates.js';
import { importCase } from './case-files.js';
import { newRow } from './context.js';
import type { Deps } from './ports.js';

export const DEMO_WORKSPACE_NAME = 'Northlight Studio (demo)';

export async function seedDemo(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, rawCases: unknown[]): Promise<Workspace> {
  const existing = (await deps.store.listWorkspaces()).find((w) => w.is_demo);
  if (existing) return existing;

  const cases = rawCases.map((raw, i) => parseOrThrow(CaseFile, raw, 'INVALID_CASE_FILE', `demo case file #${i + 1}`));
  const first = cases[0];
  const timezone = first?.timezone ?? 'UTC';
  const today = dateInZone(deps.clock.now(), timezone);

  const workspace = await deps.store.transaction(async (tx) => {
    // Another process may have seeded it meanwhile.
    const again = (await tx.listWorkspaces()).find((w) => w.is_demo);
    if (again) return { workspace: again, created: false };
    const created = await tx.insertWorkspace(newRow(deps), {
      name: DEMO_WORKSPACE_NAME,
      provider_name: first?.provider.name ?? 'Demo provider',
      provider_kind: first?.provider.kind ?? 'agency',
      currency: first?.provider.currency ?? 'EUR',
      jurisdiction: first?.provider.jurisdiction ?? null,
      timezone,
      language: first?.provider.language ?? 'en',
      revenue_last_12m_minor: first?.provider.revenue_last_12m_minor ?? null,
      is_demo: true,
    });

    return { workspace: created, created: true };
  });
  if (!workspace.created) return workspace.workspace;

  for (const file of cases) {
    const shift = file.today ? daysBetween(file.today, today) : 0;
    await importCase(deps, workspace.workspace.id, shiftCaseDates(file, shift));
  }

  return workspace.workspace;
}

/** Moves every calendar date, month and instant of a case file by `days` whole days. */
export function shiftCaseDates(file: CaseFile, days: number): CaseFile {
  if (days === 0) return file;
  const d = (date: string): string => addDays(date, days);
  const dn = (date: string | null | undefined): string | null | undefined => (date ? d(date) : date);
  const month = (m: string): string => d(`${m}-15`).slice(0, 7);
  // Keep the local time of day and the offset; move the calendar date.
  const instant = (iso: string): string => `${d(iso.slice(0, 10))}${iso.slice(10)}`;

  return {
    ...file,
    today: file.today ? d(file.today) : file.today,
    client: { ...file.client, since: dn(file.client.since) },
    contract: file.contract && { ...file.contract, signed: dn(file.contract.signed), ends: dn(file.contract.ends) },
    engagements: file.engagements.map((e) => ({ ...e, deliverables: e.deliverables.map((x) => ({ ...x, due: dn(x.due) })) })),
    invoices: file.invoices.map((i) => ({
      ...i,
      issued: d(i.issued),
      due: d(i.due),
      payments: i.payments.map((p) => ({ ...p, date: d(p.date) })),
    })),
    time: dedupeMonths(file.time.map((t) => ({ ...t, month: month(t.month) }))),
    incidents: file.incidents.map((i) => ({ ...i, date: d(i.date) })),
    messages: file.messages.map((m) => ({ ...m, sent_at: instant(m.sent_at) })),
    cards: file.cards.map((c) => ({ ...c, date: d(c.date) })),
  };
}

/** Shifting by days can map two months onto one; keep the sum of their hours. */
function dedupeMonths(entries: CaseFile['time']): CaseFile['time'] {
  const byMonth = new Map<string, number>();
  for (const t of entries) byMonth.set(t.month, (byMonth.get(t.month) ?? 0) + t.hours);

  return [...byMonth].map(([m, hours]) => ({ month: m, hours }));
}
