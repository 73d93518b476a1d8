import { randomUUID } from 'node:crypto';
import BetterSqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedStore, rawSql, storeBackends } from '../../test/stores.js';
import { actAs } from '../app/acting.js';
import { randomIds } from '../app/adapters/system.js';
import { importCase } from '../app/case-files.js';
import { saveExitPlan } from '../app/exit-plans.js';
import type { StoredExitPlan } from '../app/exit-plans-port.js';
import type { NewRow, Store } from '../app/ports.js';
import { acceptInvitation, inviteMember } from '../app/team/invitations.js';
import type { ClientInput } from '../contracts/records.js';
import { type StoredAuditEntry, verifyAuditChain } from '../core/audit-chain.js';
import { entryHash, GENESIS_HASH } from '../core/evidence-chain.js';
import { nameKey } from '../core/names.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { AUDIT_EXEMPT_TABLES, AUDIT_POLICY, type AuditPolicy, auditedTeamRepos, SUB_REPOS, TEAM_AUDIT_POLICY } from './audit.js';
import { kyselyOf, openStore, type StoreOptions } from './open-store.js';
import { SqlRepos } from './repos.js';
import type { Database } from './schema.js';
import { SqlTeamRepos } from './team-repos.js';

const NOW = '2026-11-22T10:00:00.000Z';
const row = (): NewRow => ({ id: randomUUID(), now: NOW });

function clientInput(name: string, over: Partial<ClientInput> = {}): ClientInput & { name_key: string } {
  return {
    name,
    name_key: nameKey(name),
    kind: 'business',
    size: 'small',
    language: 'en',
    since: null,
    manager: null,
    email: null,
    notes: '',
    status: 'active',
    ...over,
  };
}

/** The public methods of an object's class (what a caller can reach through the proxy). */
function methodsOf(instance: object): string[] {
  return Object.getOwnPropertyNames(Object.getPrototypeOf(instance)).filter(
    (name) => name !== 'constructor' && typeof (instance as Record<string, unknown>)[name] === 'function',
  );
}

async function chain(store: Store, ws: string): Promise<StoredAuditEntry[]> {
  return store.audit.listAuditChain(ws, 0, 10_000);
}

/** The members of a repository that are sub-repositories: objects with methods of their own. */
function subReposOf(repos: object): string[] {
  return Object.entries(repos)
    .filter(([, value]) => typeof value === 'object' && value !== null && methodsOf(value).length > 0)
    .map(([name]) => name)
    .sort();
}

function checkPolicy(names: string[], policies: Record<string, AuditPolicy>, where: string): void {
  const unclassified = names.filter((n) => policies[n] === undefined);
  expect(unclassified, `classify these in src/store/audit.ts ${where}`).toEqual([]);
  const stale = Object.keys(policies).filter((n) => !names.includes(n));
  expect(stale, `${where} names methods that no longer exist`).toEqual([]);
  for (const [name, policy] of Object.entries(policies)) {
    if (policy.kind === 'exempt') expect(policy.reason.length, name).toBeGreaterThan(10);
  }
}

describe('audit policy', () => {
  it('classifies every repository method as read, exempt (with a reason) or audited', async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite(':memory:') }) });
    try {
      // The class the store wraps (the proxy passes every other member through). Its
      // sub-repositories are found on a real instance, so one added later cannot be forgotten.
      const repos = new SqlRepos(db, 'sqlite');
      const subs = subReposOf(repos);
      expect(subs, 'list every sub-repository in src/store/audit.ts SUB_REPOS').toEqual([...SUB_REPOS].sort());
      const names = [
        ...methodsOf(repos),
        ...subs.flatMap((sub) => methodsOf((repos as unknown as Record<string, object>)[sub] as object).map((m) => `${sub}.${m}`)),
      ];
      checkPolicy(names, AUDIT_POLICY, 'AUDIT_POLICY');

      const team = new SqlTeamRepos(db);
      expect(subReposOf(team)).toEqual([]);
      checkPolicy(methodsOf(team), TEAM_AUDIT_POLICY, 'TEAM_AUDIT_POLICY');
    } finally {
      await db.destroy();
    }
  });

  it('knows every table: written by an audited method, part of an audited record, exempt, or the log itself', async () => {
    const store = await openStore({ kind: 'sqlite', file: ':memory:' });
    try {
      const tables = await kyselyOf(store)
        .selectFrom('sqlite_master' as never)
        .select('name' as never)
        .where('type' as never, '=', 'table' as never)
        .execute();
      const audited = new Set(
        [...Object.values(AUDIT_POLICY), ...Object.values(TEAM_AUDIT_POLICY)].flatMap((p) =>
          p.kind === 'audited' ? [p.table, ...(p.children ? [p.children.table] : [])] : [],
        ),
      );
      // Written by audited methods together with the table the entry names, or derived from it.
      const alongside: Record<string, string> = {
        message_attachments: 'stored with their message by imports.insertImportedMessages',
        evidence_heads: 'the head of the evidence chain, moved by insertEvidence',
        dashboard_revisions: 'a counter the audited writes bump, so the dashboard knows its cache is stale',
        score_cache: 'the dashboard cache (putScoreSnapshots, exempt)',
        audit_log: 'the log itself',
        audit_heads: 'the head of the log',
      };
      const unknown = (tables as { name: string }[])
        .map((t) => t.name)
        .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
        .filter((name) => !audited.has(name as never) && !(name in alongside) && !(name in AUDIT_EXEMPT_TABLES));

      expect(unknown, 'audit these tables (AUDIT_POLICY) or list them in AUDIT_EXEMPT_TABLES with a reason').toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe.each(storeBackends())('audit log on $name', (backend) => {
  let opened: OpenedStore;
  let store: Store;
  let ws: string;

  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
    ws = (
      await store.insertWorkspace(row(), {
        name: 'Audit Co',
        provider_name: null,
        provider_kind: 'freelancer',
        currency: 'EUR',
        jurisdiction: null,
        timezone: 'UTC',
        language: 'en',
        revenue_last_12m_minor: null,
        is_demo: false,
      })
    ).id;
  });
  afterAll(() => opened.dispose());

  /** Runs one write and returns the entries it added (the test expects exactly one). */
  async function entriesOf(work: () => Promise<unknown>): Promise<StoredAuditEntry[]> {
    const before = (await store.audit.getAuditHead(ws))?.seq ?? 0;
    await work();

    return store.audit.listAuditChain(ws, before, 100);
  }

  async function one(work: () => Promise<unknown>): Promise<StoredAuditEntry & { b: Record<string, unknown>; a: Record<string, unknown> }> {
    const added = await entriesOf(work);
    expect(added).toHaveLength(1);
    const entry = added[0] as StoredAuditEntry;

    return { ...entry, b: entry.before ? JSON.parse(entry.before) : null, a: entry.after ? JSON.parse(entry.after) : null };
  }

  it('records every kind of write once, with the row before and after', async () => {
    const c = await one(() => store.insertClient(ws, row(), clientInput('Vortex Media')));
    expect(c).toMatchObject({ action: 'create', entity: 'clients', method: 'insertClient', b: null, a: { name: 'Vortex Media' } });
    const clientId = c.entity_id;
    expect(c.client_id).toBe(clientId);

    const u = await one(() => store.updateClient(ws, clientId, { notes: 'pays late' }, NOW));
    expect(u).toMatchObject({ action: 'update', entity_id: clientId, b: { notes: '' }, a: { notes: 'pays late' } });

    const contract = {
      signed: '2024-02-01',
      ends: null,
      provider_may_terminate: true,
      notice: { amount: 30, unit: 'days' as const },
      penalty: null,
      refund_clause: false,
    };
    const k1 = await one(() => store.putContract(ws, clientId, row(), contract));
    expect(k1).toMatchObject({ action: 'create', entity: 'contracts', client_id: clientId, a: { notice_amount: 30 } });
    const k2 = await one(() => store.putContract(ws, clientId, row(), { ...contract, notice: { amount: 60, unit: 'days' } }));
    expect(k2).toMatchObject({ action: 'update', b: { notice_amount: 30 }, a: { notice_amount: 60 } });
    expect(await one(() => store.deleteContract(ws, clientId))).toMatchObject({ action: 'delete', a: null, b: { notice_amount: 60 } });

    const engagementRow = row();
    const e1 = await one(() =>
      store.insertEngagement(
        ws,
        clientId,
        engagementRow,
        {
          name: 'Site',
          kind: 'long_term',
          price_minor: 100_000,
          prepaid_minor: 0,
          deliverables: [{ name: 'Design', due: null, done: false, percent_done: 0 }],
        },
        [randomUUID()],
      ),
    );
    expect(e1.a).toMatchObject({ name: 'Site', deliverables: [{ name: 'Design' }] });
    const e2 = await one(() =>
      store.updateEngagement(
        ws,
        engagementRow.id,
        { price_minor: 120_000 },
        { ids: [randomUUID()], items: [{ name: 'Build', due: null, done: false, percent_done: 10 }] },
        NOW,
      ),
    );
    expect(e2).toMatchObject({
      b: { price_minor: 100_000, deliverables: [{ name: 'Design' }] },
      a: { price_minor: 120_000, deliverables: [{ name: 'Build' }] },
    });
    expect(await one(() => store.deleteEngagement(ws, engagementRow.id))).toMatchObject({ action: 'delete', entity: 'engagements' });

    const invoiceRow = row();
    await one(() =>
      store.insertInvoice(ws, clientId, invoiceRow, {
        number: 'INV-1',
        issued: '2026-01-01',
        due: '2026-02-01',
        amount_minor: 5000,
        currency: 'EUR',
      }),
    );
    expect(await one(() => store.updateInvoice(ws, invoiceRow.id, { amount_minor: 6000 }, NOW))).toMatchObject({
      b: { amount_minor: 5000 },
      a: { amount_minor: 6000 },
    });
    const paymentRow = row();
    const p = await one(() => store.insertPayment(ws, invoiceRow.id, paymentRow, { date: '2026-01-10', amount_minor: 1000 }));
    expect(p).toMatchObject({ entity: 'payments', client_id: clientId });
    expect(await one(() => store.deletePayment(ws, paymentRow.id))).toMatchObject({ action: 'delete', entity: 'payments' });
    expect(await one(() => store.deleteInvoice(ws, invoiceRow.id))).toMatchObject({ action: 'delete', entity: 'invoices' });

    expect(await one(() => store.putTime(ws, clientId, row(), '2026-01', 3))).toMatchObject({ action: 'create', a: { minutes: 180 } });
    expect(await one(() => store.putTime(ws, clientId, row(), '2026-01', 4))).toMatchObject({ action: 'update', a: { minutes: 240 } });
    expect(await one(() => store.deleteTime(ws, clientId, '2026-01'))).toMatchObject({ action: 'delete', b: { minutes: 240 } });

    const incidentRow = row();
    const incident = {
      date: '2026-10-12',
      code: 'abuse' as const,
      severity: 2 as const,
      source: 'manual' as const,
      about_member: null,
      note: '',
      message_id: null,
    };
    await one(() => store.insertIncident(ws, clientId, incidentRow, incident));
    expect(await one(() => store.updateIncident(ws, incidentRow.id, { severity: 3 }, NOW))).toMatchObject({
      b: { severity: 2 },
      a: { severity: 3 },
    });
    const cardRow = row();
    await one(() => store.insertCard(ws, clientId, cardRow, { date: '2026-10-13', color: 'yellow', note: '' }));
    expect(await one(() => store.updateCard(ws, cardRow.id, { note: 'said on a call' }, NOW))).toMatchObject({
      a: { note: 'said on a call' },
    });
    expect(await one(() => store.deleteCard(ws, cardRow.id))).toMatchObject({ action: 'delete', entity: 'cards' });
    const messageRow = row();
    await one(() =>
      store.insertMessage(ws, clientId, messageRow, {
        sent_at: '2026-10-12T22:41:00+03:00',
        from: 'client',
        channel: 'email',
        subject: null,
        text: 'Where is it?',
      }),
    );
    expect(await one(() => store.updateMessage(ws, messageRow.id, { text: 'Where?' }, NOW))).toMatchObject({ a: { text: 'Where?' } });
    expect(await one(() => store.deleteMessage(ws, messageRow.id))).toMatchObject({ action: 'delete', entity: 'messages' });

    const fields = {
      id: randomUUID(),
      workspace_id: ws,
      incident_id: incidentRow.id,
      file_sha256: 'a'.repeat(64),
      file_name: 'call.m4a',
      media_type: 'audio/mp4',
      size_bytes: 12,
      note: '',
      recorded_at: NOW,
      prev_hash: GENESIS_HASH,
    };
    const ev = await one(() => store.insertEvidence(ws, { ...fields, seq: 1, entry_hash: entryHash(fields) }));
    expect(ev).toMatchObject({ action: 'create', entity: 'evidence', client_id: clientId });

    const events = await one(() =>
      store.appendClientEvents(ws, clientId, [
        {
          id: randomUUID(),
          type: 'status_changed',
          payload: { event: 'watch', from: 'active', to: 'watch', reason: null },
          actor: 'you',
          at: NOW,
          date: '2026-11-22',
          note: '',
        },
      ]),
    );
    expect(events).toMatchObject({ action: 'create', entity: 'client_events', entity_id: clientId });
    expect(JSON.parse(events.after as string)).toHaveLength(1);

    expect(await one(() => store.updateWorkspace(ws, { name: 'Audit Company' }, NOW))).toMatchObject({
      entity: 'workspaces',
      b: { name: 'Audit Co' },
      a: { name: 'Audit Company' },
    });

    // Deleting a client (its incident has evidence, so another one).
    const gone = await one(() => store.insertClient(ws, row(), clientInput('Short Lived')));
    expect(await one(() => store.deleteClient(ws, gone.entity_id))).toMatchObject({ action: 'delete', b: { name: 'Short Lived' } });

    expect(verifyAuditChain(ws, await chain(store, ws), await store.audit.getAuditHead(ws))).toEqual([]);
  });

  it('records the writes of exit plans and imports once each, in a transaction or not', async () => {
    const deps = { store, clock: { now: () => new Date(NOW) }, ids: randomIds, files: undefined as never };
    const clientId = (await importCase(deps, ws, loadDemoCases()[9] as object)).id;
    const saved = await entriesOf(() =>
      saveExitPlan(deps, ws, clientId, { path: 'stop_and_collect', handover: [{ kind: 'domains', label: 'transbalt.lt' }] }),
    );
    const kinds = saved.map((e) => `${e.action} ${e.entity}`);
    for (const kind of ['create exit_plans', 'create exit_plan_steps', 'create exit_handover_items']) {
      expect(
        kinds.filter((k) => k === kind),
        kind,
      ).toHaveLength(1);
    }
    expect(saved.every((e) => e.client_id === clientId)).toBe(true);
    const ep = store.exitPlans;
    const plan = (await ep.getExitPlan(ws, clientId)) as StoredExitPlan;
    const { id: planId, client_id: _c, created_at: _t, ...fields } = plan;
    expect(await one(() => ep.updateExitPlan(ws, planId, { ...fields, referral_note: 'Ask Ieva' }))).toMatchObject({
      action: 'update',
      entity_id: planId,
      b: { referral_note: '' },
      a: { referral_note: 'Ask Ieva' },
    });
    const stepId = ((await ep.listExitSteps(ws, planId))[0] as { id: string }).id;
    const done = await one(() =>
      store.transaction((tx) => tx.exitPlans.setExitStepDone(ws, stepId, { done_at: NOW, done_by: 'Ana', done_note: '' }, NOW)),
    );
    expect(done).toMatchObject({ action: 'update', entity_id: stepId, b: { done_by: null }, a: { done_by: 'Ana' } });
    const itemId = ((await ep.listHandoverItems(ws, planId))[0] as { id: string }).id;
    expect(await one(() => ep.updateHandoverItem(ws, itemId, { note: 'sent the keys' }, NOW))).toMatchObject({
      b: { note: '' },
      a: { note: 'sent the keys' },
    });
    expect(await one(() => ep.deleteHandoverItem(ws, itemId))).toMatchObject({ action: 'delete', entity_id: itemId });

    const im = store.imports;
    const importId = randomUUID();
    expect(
      await one(() => im.insertImport(ws, { id: importId, clientId, fileName: 'mail.mbox', format: 'mbox', startedAt: NOW })),
    ).toMatchObject({
      action: 'create',
      entity: 'imports',
    });
    const counts = { read: 2, stored: 2, duplicates: 0, skipped: 0, suggestions: 2 };
    expect(await one(() => im.updateImport(ws, importId, { counts, problems: [], status: 'done', finishedAt: NOW }))).toMatchObject({
      action: 'update',
      a: { status: 'done' },
    });
    const message = (n: number) => ({
      id: randomUUID(),
      dedupeKey: `k${n}`,
      sentAt: NOW,
      sender: 'client' as const,
      senderParty: null,
      channel: 'email' as const,
      subject: null,
      text: `You will regret this ${n}`,
      attachments: [],
    });
    const messages = [message(1), message(2)];
    const stored = await one(() => im.insertImportedMessages(ws, clientId, importId, messages, NOW));
    expect(stored).toMatchObject({ action: 'create', entity: 'messages', entity_id: importId });
    expect(JSON.parse(stored.after as string)).toEqual(messages.map((m) => ({ id: m.id })).sort((a, b) => a.id.localeCompare(b.id)));
    const suggestion = (m: { id: string }) => ({
      id: randomUUID(),
      messageId: m.id,
      code: 'abuse' as const,
      severity: 3 as const,
      rule: 'en.abuse.1',
      spans: [],
    });
    const suggestions = messages.map(suggestion);
    expect(await one(() => im.insertSuggestions(ws, clientId, importId, suggestions, NOW))).toMatchObject({
      action: 'create',
      entity: 'suggestions',
    });
    const decision = { status: 'dismissed' as const, incidentId: null, decidedAt: NOW, decidedBy: 'Ana', note: '' };
    expect(await one(() => im.decideSuggestion(ws, (suggestions[0] as { id: string }).id, decision))).toMatchObject({
      action: 'update',
      b: { status: 'open' },
      a: { status: 'dismissed' },
    });
    const byRule = await one(() => im.dismissOpenByRule(ws, clientId, 'en.abuse.1', decision));
    expect(byRule).toMatchObject({ action: 'update', entity: 'suggestions', entity_id: clientId });
    expect(JSON.parse(byRule.after as string)).toMatchObject([{ id: (suggestions[1] as { id: string }).id, status: 'dismissed' }]);
  });

  it('records nothing for a write that changes nothing, and nothing when the transaction rolls back', async () => {
    expect(await entriesOf(() => store.updateClient(ws, randomUUID(), { notes: 'x' }, NOW))).toEqual([]);
    expect(await entriesOf(() => store.deleteCard(ws, randomUUID()))).toEqual([]);
    const attempt = store.transaction(async (tx) => {
      await tx.insertClient(ws, row(), clientInput('Rolled Back'));
      throw new Error('stop');
    });
    await expect(attempt).rejects.toThrow('stop');
    expect(await entriesOf(async () => {})).toEqual([]);
    expect(verifyAuditChain(ws, await chain(store, ws), await store.audit.getAuditHead(ws))).toEqual([]);
  });

  it('records who acted: the acting principal, or the local user by default', async () => {
    const byMember = await one(() =>
      actAs({ userId: 'u-7', displayName: 'Ieva', role: 'member' }, () => store.insertClient(ws, row(), clientInput('By Ieva'))),
    );
    expect(byMember).toMatchObject({ actor_id: 'u-7', actor_name: 'Ieva' });
    const bySolo = await one(() => store.insertClient(ws, row(), clientInput('By Me')));
    expect(bySolo).toMatchObject({ actor_id: 'local', actor_name: 'You' });
  });

  it('writes through a sub-repository outside a transaction are audited too', async () => {
    const clientId = (await store.insertClient(ws, row(), clientInput('Suppressed'))).id;
    const put = () =>
      store.imports.putSuppression(ws, clientId, { id: randomUUID(), rule: 'en.abuse.1', code: 'abuse', note: '', createdAt: NOW });
    expect(await one(put)).toMatchObject({
      action: 'create',
      entity: 'suppressions',
      method: 'imports.putSuppression',
      client_id: clientId,
    });
    // The same suppression again changes nothing.
    expect(await entriesOf(put)).toEqual([]);
  });

  it('records the writes of letter drafts, screening, staff reports and after-exit once each', async () => {
    const clientId = (await store.insertClient(ws, row(), clientInput('Sub Repos Ltd'))).id;

    const draftRow = row();
    const draft = await one(() =>
      store.transaction((tx) => tx.letterDrafts.insertLetterDraft(ws, clientId, draftRow, { kind: 'warning', lang: 'en', options: {} })),
    );
    expect(draft).toMatchObject({ action: 'create', entity: 'letter_drafts', entity_id: draftRow.id, client_id: clientId });
    const version = (number: number, body: string) => ({
      number,
      subject: 'About the invoices',
      body,
      origin: 'created' as const,
      restored_from: null,
      violations: [],
      words: 3,
    });
    const v1 = await one(() => store.letterDrafts.appendLetterVersion(ws, draftRow.id, row(), version(1, 'Please pay.')));
    expect(v1).toMatchObject({
      action: 'create',
      entity: 'letter_draft_versions',
      method: 'letterDrafts.appendLetterVersion',
      client_id: clientId,
      b: null,
      a: { draft_id: draftRow.id, number: 1, body: 'Please pay.' },
    });
    await one(() => store.letterDrafts.appendLetterVersion(ws, draftRow.id, row(), version(2, 'Please pay now.')));
    const gone = await one(() => store.letterDrafts.deleteLetterDraft(ws, draftRow.id));
    expect(gone).toMatchObject({ action: 'delete', entity: 'letter_drafts', a: null, b: { id: draftRow.id, latest_version: 2 } });
    expect((gone.b.versions as { body: string }[]).map((v) => v.body)).toEqual(['Please pay.', 'Please pay now.']);

    const reflection = {
      first_signs: 'Late answers',
      first_signs_on: null,
      first_signs_code: null,
      contract_lacked: [],
      contract_note: '',
      do_earlier: '',
    };
    const r1 = await one(() => store.screening.putReflection(ws, clientId, row(), reflection));
    expect(r1).toMatchObject({ action: 'create', entity: 'reflections', client_id: clientId, a: { first_signs: 'Late answers' } });
    const r2 = await one(() => store.screening.putReflection(ws, clientId, row(), { ...reflection, do_earlier: 'Ask for a deposit' }));
    expect(r2).toMatchObject({ action: 'update', entity_id: r1.entity_id, b: { do_earlier: '' }, a: { do_earlier: 'Ask for a deposit' } });
    const lesson = {
      id: randomUUID(),
      text: 'Ask for a deposit',
      codes: [],
      client_id: clientId,
      client_name: 'Sub Repos Ltd',
      reflection_id: r1.entity_id,
      search_key: 'ask for a deposit',
    };
    const learned = await one(() => store.screening.insertLessons(ws, NOW, [lesson]));
    expect(learned).toMatchObject({ action: 'create', entity: 'lessons', entity_id: r1.entity_id, client_id: clientId });
    expect(JSON.parse(learned.after as string)).toMatchObject([{ id: lesson.id, text: 'Ask for a deposit' }]);
    expect(await one(() => store.screening.deleteLesson(ws, lesson.id))).toMatchObject({ action: 'delete', entity_id: lesson.id });

    const prospectRow = row();
    const prospectFields = {
      name: 'New Lead',
      contact: 'lead@example.test',
      language: 'en' as const,
      notes: '',
      first_messages: '',
      answers: {},
      answered_by: null,
      score: null,
      result: null,
      status: 'screening' as const,
      client_id: null,
      token_hash: 'f'.repeat(64),
      token_expires_at: '2026-12-01T00:00:00.000Z',
      token_used_at: null,
      updated_at: NOW,
    };
    const prospect = await one(() => store.screening.insertProspect(ws, prospectRow, prospectFields));
    expect(prospect).toMatchObject({ action: 'create', entity: 'prospects', entity_id: prospectRow.id, a: { name: 'New Lead' } });
    // The link's token hash never reaches the log; when it expires and was used stays readable.
    expect(prospect.a).toMatchObject({ token_hash: '[redacted]', token_expires_at: '2026-12-01T00:00:00.000Z' });
    const submitted = await one(() =>
      store.screening.submitProspectForm(ws, prospectRow.id, { answers: { budget: 'yes' }, answered_by: 'prospect', token_used_at: NOW }),
    );
    expect(submitted).toMatchObject({
      action: 'update',
      b: { answered_by: null, token_used_at: null, token_hash: '[redacted]' },
      a: { answered_by: 'prospect', token_used_at: NOW, token_hash: '[redacted]' },
    });
    expect(JSON.stringify(await chain(store, ws))).not.toContain('f'.repeat(64));

    const reportRow = row();
    const filed = await one(() =>
      store.staffReports.insertStaffReport(ws, clientId, reportRow, {
        reporter_id: 'u-9',
        reporter_name: 'Ieva',
        what: 'Shouted on the call',
        happened_on: '2026-11-20',
        codes: ['abuse'],
        evidence_ids: [],
      }),
    );
    expect(filed).toMatchObject({
      action: 'create',
      entity: 'staff_reports',
      client_id: clientId,
      a: { status: 'open', reporter_name: 'Ieva' },
    });
    const decided = await one(() =>
      store.staffReports.updateStaffReport(
        ws,
        reportRow.id,
        { status: 'answered', decided_by_id: 'u-1', decided_by_name: 'Ana', decided_at: NOW, answer: 'Talked to them' },
        NOW,
      ),
    );
    expect(decided).toMatchObject({
      action: 'update',
      entity_id: reportRow.id,
      b: { status: 'open', decided_by_name: null },
      a: { status: 'answered', decided_by_name: 'Ana' },
    });

    const messageId = (
      await store.insertMessage(ws, clientId, row(), {
        sent_at: NOW,
        from: 'client',
        channel: 'email',
        subject: null,
        text: 'Still here',
      })
    ).id;
    const mark = {
      id: randomUUID(),
      clientId,
      kind: 'message' as const,
      itemId: messageId,
      itemDate: '2026-11-22',
      status: 'ended',
      endedOn: '2026-11-01',
      markedAt: NOW,
    };
    const marked = await one(() => store.afterExit.insertMarks(ws, [mark]));
    expect(marked).toMatchObject({ action: 'create', entity: 'after_close_marks', entity_id: clientId, client_id: clientId });
    expect(JSON.parse(marked.after as string)).toMatchObject([{ id: mark.id, message_id: messageId }]);
    // The same item again is already marked: nothing changes, nothing is recorded.
    expect(await entriesOf(() => store.afterExit.insertMarks(ws, [{ ...mark, id: randomUUID() }]))).toEqual([]);
    const review = { client_id: clientId, review_on: '2027-05-01', note: '', set_on: '2026-11-22', set_by: 'Ana', updated_at: NOW };
    const set = await one(() => store.afterExit.putReview(ws, review));
    expect(set).toMatchObject({ action: 'create', entity: 'client_reviews', entity_id: clientId, a: { review_on: '2027-05-01' } });
    expect(await one(() => store.afterExit.putReview(ws, { ...review, review_on: '2027-06-01' }))).toMatchObject({
      action: 'update',
      b: { review_on: '2027-05-01' },
      a: { review_on: '2027-06-01' },
    });
    expect(await one(() => store.afterExit.deleteReview(ws, clientId))).toMatchObject({ action: 'delete', entity_id: clientId, a: null });

    expect(verifyAuditChain(ws, await chain(store, ws), await store.audit.getAuditHead(ws))).toEqual([]);
  });

  it('records team changes: invitations, memberships, role changes, removals and assignments', async () => {
    const db = kyselyOf(store);
    const team = auditedTeamRepos(db, (q) => new SqlTeamRepos(q));
    const users = db as unknown as Kysely<{ auth_users: Record<string, unknown> }>;
    const userId = randomUUID();
    await users
      .insertInto('auth_users')
      .values({
        id: userId,
        name: 'Ieva',
        email: `${userId}@agency.test`,
        email_verified: 0,
        image: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    const clientId = (await store.insertClient(ws, row(), clientInput('Team Client'))).id;

    const invitation = {
      id: randomUUID(),
      workspace_id: ws,
      email: 'ieva@agency.test',
      role: 'member' as const,
      token_hash: 'e'.repeat(64),
      expires_at: '2026-11-29T10:00:00.000Z',
      accepted_at: null,
      invited_by: 'u-owner',
      created_at: NOW,
    };
    const invited = await one(() =>
      actAs({ userId: 'u-owner', displayName: 'Ana', role: 'owner' }, () => team.insertInvitation(invitation)),
    );
    expect(invited).toMatchObject({
      action: 'create',
      entity: 'invitations',
      method: 'team.insertInvitation',
      actor_name: 'Ana',
      entity_id: invitation.id,
      a: { email: 'ieva@agency.test', role: 'member', invited_by: 'u-owner', token_hash: '[redacted]' },
    });
    // Claiming an invitation is bookkeeping; the membership it grants is the entry.
    expect(await entriesOf(() => team.markInvitationAccepted(invitation.id, NOW))).toEqual([]);
    const joined = await one(() => team.putMembership(ws, userId, 'member', NOW));
    expect(joined).toMatchObject({ action: 'create', entity: 'memberships', entity_id: userId, b: null, a: { role: 'member' } });
    const promoted = await one(() => team.putMembership(ws, userId, 'manager', NOW));
    expect(promoted).toMatchObject({ action: 'update', entity_id: userId, b: { role: 'member' }, a: { role: 'manager' } });

    const assigned = await one(() => team.setAssignees(ws, clientId, [userId], 'u-owner', NOW));
    expect(assigned).toMatchObject({ action: 'create', entity: 'client_assignments', entity_id: clientId, client_id: clientId });
    expect(JSON.parse(assigned.after as string)).toMatchObject([{ user_id: userId, assigned_by: 'u-owner' }]);

    const removed = await one(() => team.deleteMembership(ws, userId));
    expect(removed).toMatchObject({ action: 'delete', entity: 'memberships', entity_id: userId, a: null, b: { role: 'manager' } });
    expect(removed.b.assignments).toMatchObject([{ client_id: clientId }]);
    expect(await team.listAssignees(ws, clientId)).toEqual([]);

    const second = { ...invitation, id: randomUUID(), token_hash: 'd'.repeat(64) };
    await one(() => team.insertInvitation(second));
    expect(await one(() => team.deleteInvitation(ws, second.id))).toMatchObject({ action: 'delete', entity: 'invitations' });

    // Through the use cases: the owner invites, the invited person accepts and is the one who joined.
    const accounts = {
      createUser: async (input: { email: string; name: string }) => {
        const user = { id: randomUUID(), name: input.name, email: input.email };
        await users
          .insertInto('auth_users')
          .values({ ...user, email_verified: 0, image: null, created_at: NOW, updated_at: NOW })
          .execute();

        return user;
      },
      passwordLink: async () => undefined,
    };
    const deps = {
      store,
      clock: { now: () => new Date(NOW) },
      ids: randomIds,
      team,
      accounts,
      mailer: { send: async () => false },
      publicUrl: 'http://redcard.test',
    };
    const email = `${randomUUID()}@agency.test`;
    let token = '';
    const invite = await one(async () => {
      const made = await actAs({ userId: 'u-owner', displayName: 'Ana', role: 'owner' }, () =>
        inviteMember(deps, { workspaceId: ws, input: { email, role: 'member' }, by: 'u-owner' }),
      );
      token = new URL(made.link).searchParams.get('token') as string;
    });
    expect(invite).toMatchObject({
      entity: 'invitations',
      actor_name: 'Ana',
      a: { email, invited_by: 'u-owner', token_hash: '[redacted]' },
    });
    const accepted = await one(() => acceptInvitation(deps, { token, name: 'Rasa', password: 'a long enough password 1' }, undefined));
    expect(accepted).toMatchObject({ action: 'create', entity: 'memberships', actor_name: 'Rasa', a: { role: 'member' } });

    expect(JSON.stringify(await chain(store, ws))).not.toMatch(/e{64}|d{64}/);
    expect(verifyAuditChain(ws, await chain(store, ws), await store.audit.getAuditHead(ws))).toEqual([]);
  });

  it('still records a write by a method the policy does not know, and refuses one by a method it calls a read', async () => {
    const clientId = (await store.insertClient(ws, row(), clientInput('Policy Probe'))).id;
    const saved = AUDIT_POLICY.putTime;
    try {
      // As if another branch had added putTime without classifying it.
      delete AUDIT_POLICY.putTime;
      const unknown = await one(() => store.transaction((tx) => tx.putTime(ws, clientId, row(), '2026-03', 2)));
      expect(unknown).toMatchObject({ method: 'putTime (unclassified)', entity: 'time_entries', action: 'update' });
      expect(JSON.parse(unknown.after as string)).toEqual({ tables: expect.arrayContaining(['time_entries']) });

      AUDIT_POLICY.putTime = { kind: 'read' };
      const misclassified = store.transaction((tx) => tx.putTime(ws, clientId, row(), '2026-04', 2));
      await expect(misclassified).rejects.toThrow(/putTime wrote to .*time_entries.* but AUDIT_POLICY does not audit it/);
      expect((await store.listTime(ws, clientId)).map((e) => e.month)).toEqual(['2026-03']);
    } finally {
      AUDIT_POLICY.putTime = saved as AuditPolicy;
    }
    expect(verifyAuditChain(ws, await chain(store, ws), await store.audit.getAuditHead(ws))).toEqual([]);
  });

  it('keeps one unforked chain under concurrent writers', async () => {
    const writes = Array.from({ length: 12 }, (_, i) =>
      store.transaction(async (tx) => {
        const c = await tx.insertClient(ws, row(), clientInput(`Concurrent ${i}`));
        await tx.updateClient(ws, c.id, { notes: `n${i}` }, NOW);
      }),
    );
    await Promise.all(writes);
    const entries = await chain(store, ws);
    expect(entries.filter((e) => e.after?.includes('Concurrent'))).toHaveLength(24);
    expect(verifyAuditChain(ws, entries, await store.audit.getAuditHead(ws))).toEqual([]);
  });

  it('keeps one chain when two stores (two processes) on one database write at once', async () => {
    // A second store on the same database: its own connection (SQLite) or pool (PostgreSQL).
    const second = await openStore(opened.location as StoreOptions);
    try {
      const before = (await chain(store, ws)).length;
      await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 === 0 ? store : second).transaction(async (tx) => {
            const c = await tx.insertClient(ws, row(), clientInput(`Process ${i}`));
            await tx.putTime(ws, c.id, row(), '2026-02', i + 1);
          }),
        ),
      );
      const entries = await chain(second, ws);
      expect(entries).toHaveLength(before + 32);
      expect(new Set(entries.map((e) => e.seq)).size).toBe(entries.length);
      expect(verifyAuditChain(ws, entries, await store.audit.getAuditHead(ws))).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('detects an entry altered, removed, or cut from the end with SQL', async () => {
    const entries = await chain(store, ws);
    const victim = entries[2] as StoredAuditEntry;
    const where = opened.location as StoreOptions;
    const verify = async () => verifyAuditChain(ws, await chain(store, ws), await store.audit.getAuditHead(ws));

    await rawSql(where, 'update audit_log set after_json = ? where id = ?', ['{"name":"forged"}', victim.id]);
    expect((await verify())[0]).toMatchObject({ kind: 'altered_entry', seq: victim.seq, entry_id: victim.id });
    await rawSql(where, 'update audit_log set after_json = ? where id = ?', [victim.after, victim.id]);
    expect(await verify()).toEqual([]);

    await rawSql(where, 'delete from audit_log where id = ?', [victim.id]);
    expect((await verify())[0]).toMatchObject({ kind: 'missing_entry', seq: victim.seq });

    const last = entries.at(-1) as StoredAuditEntry;
    await rawSql(where, 'delete from audit_log where id = ?', [last.id]);
    expect((await verify()).at(-1)).toMatchObject({ kind: 'missing_entry', seq: last.seq });
  });
});
