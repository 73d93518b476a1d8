/**
 * Case files (../shared/CASE_FORMAT.md): a client's whole record as one portable document.
 * Export reads the record in one transaction; import validates the whole file first and then
 * writes every row in one transaction, so an invalid or conflicting file writes nothing.
 */
import { CASE_FORMAT_V1, CaseFile } from '../contracts/case-file.js';
import type { ClientEvent } from '../contracts/events.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { Client } from '../contracts/records.js';
import { ClientInput } from '../contracts/records.js';
import { dateInZone } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import type { ClientStatus } from '../core/vocabulary.js';
import { readClientDetail } from './clients.js';
import { nameKey, newRow, requireWorkspace } from './context.js';
import { SOLO_ACTOR } from './escalation/step.js';
import type { Deps } from './ports.js';
import { isUniqueViolation } from './unique.js';

export async function exportCase(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string): Promise<CaseFile> {
  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    const d = await readClientDetail(tx, workspaceId, clientId);
    const file: CaseFile = {
      format: CASE_FORMAT_V1,
      today: dateInZone(deps.clock.now(), workspace.timezone),
      timezone: workspace.timezone,
      provider: {
        ...(workspace.provider_name ? { name: workspace.provider_name } : {}),
        kind: workspace.provider_kind,
        language: workspace.language,
        currency: workspace.currency,
        jurisdiction: workspace.jurisdiction,
        revenue_last_12m_minor: workspace.revenue_last_12m_minor,
      },
      client: {
        name: d.client.name,
        kind: d.client.kind,
        size: d.client.size,
        language: d.client.language,
        since: d.client.since,
        manager: d.client.manager,
      },
      contract: d.contract && {
        signed: d.contract.signed,
        ends: d.contract.ends,
        provider_may_terminate: d.contract.provider_may_terminate,
        notice: d.contract.notice,
        penalty: d.contract.penalty,
        refund_clause: d.contract.refund_clause,
      },
      engagements: d.engagements.map((e) => ({
        name: e.name,
        kind: e.kind,
        price_minor: e.price_minor,
        prepaid_minor: e.prepaid_minor,
        deliverables: e.deliverables.map((x) => ({ name: x.name, due: x.due, done: x.done, percent_done: x.percent_done })),
      })),
      invoices: d.invoices.map((i) => ({
        number: i.number,
        issued: i.issued,
        due: i.due,
        amount_minor: i.amount_minor,
        payments: i.payments.map((p) => ({ date: p.date, amount_minor: p.amount_minor })),
      })),
      time: d.time.map((t) => ({ month: t.month, hours: t.hours })),
      incidents: d.incidents.map((i) => ({
        date: i.date,
        code: i.code,
        severity: i.severity,
        source: i.source,
        about_member: i.about_member,
        note: i.note,
      })),
      messages: d.messages.map((m) => ({ sent_at: m.sent_at, from: m.from, channel: m.channel, subject: m.subject, text: m.text })),
      cards: d.cards.map((c) => ({ date: c.date, color: c.color, note: c.note })),
      ...reassignmentsIn(await tx.listClientEvents(workspaceId, clientId, 'asc'), d.client.status),
    };

    // What leaves must be a valid case file: fail loudly here rather than in someone's import.
    return parseOrThrow(CaseFile, file, 'INTERNAL', 'exported case file');
  });
}

/**
 * The client's reassignments (D5) from its audit trail: each `reassigned` step with its date, and
 * those a case file brought in on import. A client marked reassigned with no dated move (an older
 * file) stays `reassigned: true` with no dates.
 */
export function reassignmentsIn(log: readonly ClientEvent[], status: ClientStatus): Pick<CaseFile, 'reassigned' | 'reassignments'> {
  const reassignments: CaseFile['reassignments'] = [];
  let imported = false;
  for (const e of log) {
    if (e.type === 'reassigned') reassignments.push({ date: e.date, from_member: e.payload.from_member, to_member: e.payload.to_member });
    if (e.type === 'imported') {
      reassignments.push(...e.payload.reassignments);
      imported ||= e.payload.status === 'reassigned' || e.payload.reassignments.length > 0;
    }
  }

  return { reassigned: reassignments.length > 0 || imported || status === 'reassigned', reassignments };
}

/**
 * Where an imported relationship stands, from what the file records (the escalation state
 * machine is not in the case format): a red card means an exit is under way, a reassignment
 * comes next (D5), then a yellow card (D4).
 */
export function statusOfCase(file: Pick<CaseFile, 'cards' | 'reassigned'>): ClientStatus {
  if (file.cards.some((c) => c.color === 'red')) return 'exiting';
  if (file.reassigned) return 'reassigned';
  if (file.cards.some((c) => c.color === 'yellow')) return 'warned';

  return 'active';
}

export interface ImportCaseOptions {
  /** Import under another client name (when the name is taken). */
  as?: string;
}

/** Validates a case file and creates its client with the whole record. */
export async function importCase(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  input: unknown,
  options: ImportCaseOptions = {},
): Promise<Client> {
  const file = parseOrThrow(CaseFile, input, 'INVALID_CASE_FILE', 'case file');
  const client = parseOrThrow(
    ClientInput,
    {
      name: options.as ?? file.client.name,
      kind: file.client.kind,
      size: file.client.size,
      language: file.client.language,
      since: file.client.since ?? null,
      manager: file.client.manager ?? null,
      status: statusOfCase(file),
    },
    'VALIDATION_FAILED',
    'client',
  );
  const duplicate = () =>
    new DomainError(
      'DUPLICATE_CLIENT',
      `A client named "${client.name}" already exists in this workspace; nothing was imported. Import it under another name.`,
      {
        issues: [{ path: 'client.name', message: 'is already used by another client' }],
      },
    );

  try {
    return await deps.store.transaction(async (tx) => {
      const workspace = await requireWorkspace(tx, workspaceId);
      if (await tx.findClientByNameKey(workspaceId, nameKey(client.name))) throw duplicate();
      const created = await tx.insertClient(workspaceId, newRow(deps), { ...client, name_key: nameKey(client.name) });
      const cid = created.id;

      if (file.contract) {
        await tx.putContract(workspaceId, cid, newRow(deps), {
          signed: file.contract.signed ?? null,
          ends: file.contract.ends ?? null,
          provider_may_terminate: file.contract.provider_may_terminate,
          notice: file.contract.notice ?? null,
          penalty: file.contract.penalty ?? null,
          refund_clause: file.contract.refund_clause,
        });
      }
      for (const e of file.engagements) {
        const deliverables = e.deliverables.map((x) => ({ name: x.name, due: x.due ?? null, done: x.done, percent_done: x.percent_done }));
        await tx.insertEngagement(
          workspaceId,
          cid,
          newRow(deps),
          { ...e, deliverables },
          deliverables.map(() => deps.ids.newId()),
        );
      }
      for (const inv of file.invoices) {
        const invoice = await tx.insertInvoice(workspaceId, cid, newRow(deps), {
          number: inv.number,
          issued: inv.issued,
          due: inv.due,
          amount_minor: inv.amount_minor,
          currency: file.provider.currency ?? workspace.currency,
        });
        for (const p of inv.payments) await tx.insertPayment(workspaceId, invoice.id, newRow(deps), p);
      }
      for (const t of file.time) await tx.putTime(workspaceId, cid, newRow(deps), t.month, t.hours);
      for (const m of file.messages) {
        await tx.insertMessage(workspaceId, cid, newRow(deps), {
          sent_at: m.sent_at,
          from: m.from,
          channel: m.channel,
          subject: m.subject ?? null,
          text: m.text,
        });
      }
      for (const i of file.incidents) {
        await tx.insertIncident(workspaceId, cid, newRow(deps), {
          date: i.date,
          code: i.code,
          severity: i.severity,
          source: i.source,
          about_member: i.about_member ?? null,
          note: i.note,
          message_id: null,
        });
      }
      for (const c of file.cards) await tx.insertCard(workspaceId, cid, newRow(deps), c);
      // A restore, not a step: the log says where the client starts and keeps the dated moves (D5).
      const at = deps.clock.now().toISOString();
      await tx.appendClientEvents(workspaceId, cid, [
        {
          id: deps.ids.newId(),
          type: 'imported',
          payload: {
            format: file.format,
            status: created.status,
            cards: {
              yellow: file.cards.filter((c) => c.color === 'yellow').length,
              red: file.cards.filter((c) => c.color === 'red').length,
            },
            reassignments: file.reassignments.map((r) => ({
              date: r.date,
              from_member: r.from_member ?? null,
              to_member: r.to_member ?? null,
            })),
          },
          actor: SOLO_ACTOR,
          at,
          date: dateInZone(deps.clock.now(), workspace.timezone),
          note: '',
        },
      ]);

      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
