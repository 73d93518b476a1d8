/**
 * ImportRepos (app/imports-ports.ts) over Kysely, for SQLite and PostgreSQL alike: import runs,
 * imported messages deduplicated by their key, suggestions and suppressions. Every query filters
 * by workspace_id. Rows are mapped to the contract shapes here and never leave the store.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  ImportProgress,
  ImportRepos,
  NewImport,
  NewImportedMessage,
  NewSuggestion,
  SuggestionDecision,
  SuggestionFilter,
} from '../app/imports-ports.js';
import {
  IMPORT_FILE_FORMATS,
  IMPORT_STATUSES,
  type Import,
  type ImportProblemEntry,
  SUGGESTION_STATUSES,
  type Suggestion,
  type Suppression,
} from '../contracts/imports.js';
import { RED_FLAG_CODES } from '../core/vocabulary.js';
import type { Database, ImportsTable, SuppressionsTable } from './schema.js';

/** Rows per multi-row INSERT: far below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 400;

function member<const T extends readonly string[]>(allowed: T, value: string, column: string): T[number] {
  if (!allowed.includes(value)) throw new Error(`Stored ${column} has an unknown value: ${value}`);

  return value as T[number];
}

function severityOf(value: number): 1 | 2 | 3 {
  if (value !== 1 && value !== 2 && value !== 3) throw new Error(`Stored suggestions.severity is out of range: ${value}`);

  return value;
}

function presentImport(row: Selectable<ImportsTable>): Import {
  return {
    id: row.id,
    clientId: row.client_id,
    fileName: row.file_name,
    format: member(IMPORT_FILE_FORMATS, row.format, 'imports.format'),
    status: member(IMPORT_STATUSES, row.status, 'imports.status'),
    counts: {
      read: Number(row.read_count),
      stored: Number(row.stored_count),
      duplicates: Number(row.duplicate_count),
      skipped: Number(row.skipped_count),
      suggestions: Number(row.suggestion_count),
    },
    problems: JSON.parse(row.problems) as ImportProblemEntry[],
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function presentSuppression(row: Selectable<SuppressionsTable>): Suppression {
  return {
    id: row.id,
    rule: row.rule,
    code: member(RED_FLAG_CODES, row.code, 'suppressions.code'),
    note: row.note,
    createdAt: row.created_at,
  };
}

function utcInstant(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${instant}`);

  return new Date(ms).toISOString();
}

export class SqlImportRepos implements ImportRepos {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  // ------------------------------------------------------------ imports

  async insertImport(workspaceId: string, row: NewImport): Promise<Import> {
    const inserted = await this.#db
      .insertInto('imports')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: row.clientId,
        file_name: row.fileName,
        format: row.format,
        status: 'running',
        read_count: 0,
        stored_count: 0,
        duplicate_count: 0,
        skipped_count: 0,
        suggestion_count: 0,
        problems: '[]',
        error: null,
        started_at: row.startedAt,
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentImport(inserted);
  }

  async updateImport(workspaceId: string, importId: string, progress: ImportProgress): Promise<boolean> {
    const result = await this.#db
      .updateTable('imports')
      .set({
        read_count: progress.counts.read,
        stored_count: progress.counts.stored,
        duplicate_count: progress.counts.duplicates,
        skipped_count: progress.counts.skipped,
        suggestion_count: progress.counts.suggestions,
        problems: JSON.stringify(progress.problems),
        ...(progress.status === undefined ? {} : { status: progress.status }),
        ...(progress.error === undefined ? {} : { error: progress.error }),
        ...(progress.finishedAt === undefined ? {} : { finished_at: progress.finishedAt }),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', importId)
      .executeTakeFirst();

    return result.numUpdatedRows > 0n;
  }

  async getImport(workspaceId: string, importId: string): Promise<Import | undefined> {
    const row = await this.#db
      .selectFrom('imports')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', importId)
      .executeTakeFirst();

    return row && presentImport(row);
  }

  async listImports(workspaceId: string, clientId: string): Promise<Import[]> {
    const rows = await this.#db
      .selectFrom('imports')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .execute();

    return rows.map(presentImport);
  }

  async failRunningImports(workspaceId: string | null, error: string, finishedAt: string): Promise<number> {
    let query = this.#db.updateTable('imports').set({ status: 'failed', error, finished_at: finishedAt }).where('status', '=', 'running');
    if (workspaceId !== null) query = query.where('workspace_id', '=', workspaceId);
    const result = await query.executeTakeFirst();

    return Number(result.numUpdatedRows);
  }

  // ------------------------------------------------------------ imported messages

  async insertImportedMessages(
    workspaceId: string,
    clientId: string,
    importId: string | null,
    messages: readonly NewImportedMessage[],
    now: string,
  ): Promise<Set<string>> {
    const inserted = new Set<string>();
    if (messages.length === 0) return inserted;
    // One read of the client's last creation number per batch; the batch runs in one transaction.
    const last = await this.#db
      .selectFrom('messages')
      .select((eb) => eb.fn.max('ord').as('ord'))
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    let ord = Number(last?.ord ?? 0);
    for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
      const chunk = messages.slice(i, i + INSERT_CHUNK);
      const rows = await this.#db
        .insertInto('messages')
        .values(
          chunk.map((m) => ({
            id: m.id,
            workspace_id: workspaceId,
            client_id: clientId,
            sent_at: m.sentAt,
            sent_at_utc: utcInstant(m.sentAt),
            sender: m.sender,
            channel: m.channel,
            subject: m.subject,
            text: m.text,
            ord: ++ord,
            created_at: now,
            updated_at: now,
            dedupe_key: m.dedupeKey,
            sender_party: m.senderParty,
            import_id: importId,
          })),
        )
        // A key the client already has (or one earlier in this batch) inserts nothing.
        .onConflict((oc) => oc.columns(['workspace_id', 'client_id', 'dedupe_key']).doNothing())
        .returning('id')
        .execute();
      for (const row of rows) inserted.add(row.id);
    }
    const attachments = messages
      .filter((m) => inserted.has(m.id))
      .flatMap((m) =>
        m.attachments.map((a, position) => ({
          id: a.id,
          workspace_id: workspaceId,
          message_id: m.id,
          position,
          file_name: a.fileName,
          media_type: a.mediaType,
          size_bytes: a.sizeBytes,
          sha256: a.sha256,
        })),
      );
    for (let i = 0; i < attachments.length; i += INSERT_CHUNK) {
      await this.#db
        .insertInto('message_attachments')
        .values(attachments.slice(i, i + INSERT_CHUNK))
        .execute();
    }

    return inserted;
  }

  // ------------------------------------------------------------ suggestions

  async insertSuggestions(
    workspaceId: string,
    clientId: string,
    importId: string | null,
    suggestions: readonly NewSuggestion[],
    now: string,
  ): Promise<void> {
    for (let i = 0; i < suggestions.length; i += INSERT_CHUNK) {
      await this.#db
        .insertInto('suggestions')
        .values(
          suggestions.slice(i, i + INSERT_CHUNK).map((s) => ({
            id: s.id,
            workspace_id: workspaceId,
            client_id: clientId,
            message_id: s.messageId,
            import_id: importId,
            code: s.code,
            severity: s.severity,
            rule: s.rule,
            spans: JSON.stringify(s.spans),
            status: 'open',
            incident_id: null,
            decided_at: null,
            decided_by: null,
            note: '',
            created_at: now,
          })),
        )
        .execute();
    }
  }

  #suggestionQuery(workspaceId: string) {
    return this.#db
      .selectFrom('suggestions as s')
      .innerJoin('messages as m', (j) => j.onRef('m.id', '=', 's.message_id').onRef('m.workspace_id', '=', 's.workspace_id'))
      .innerJoin('clients as c', (j) => j.onRef('c.id', '=', 's.client_id').onRef('c.workspace_id', '=', 's.workspace_id'))
      .select([
        's.id',
        's.client_id',
        'c.name as client_name',
        's.code',
        's.severity',
        's.rule',
        's.spans',
        's.status',
        's.incident_id',
        's.created_at',
        'm.id as message_id',
        'm.sender',
        'm.sender_party',
        'm.sent_at',
        'm.sent_at_utc',
        'm.subject',
        'm.text',
      ])
      .where('s.workspace_id', '=', workspaceId);
  }

  #presentSuggestion(row: {
    id: string;
    client_id: string;
    client_name: string;
    code: string;
    severity: number;
    rule: string;
    spans: string;
    status: string;
    incident_id: string | null;
    created_at: string;
    message_id: string;
    sender: string;
    sender_party: string | null;
    sent_at: string;
    subject: string | null;
    text: string;
  }): Suggestion {
    return {
      id: row.id,
      clientId: row.client_id,
      clientName: row.client_name,
      code: member(RED_FLAG_CODES, row.code, 'suggestions.code'),
      severity: severityOf(Number(row.severity)),
      rule: row.rule,
      spans: JSON.parse(row.spans) as { start: number; end: number }[],
      status: member(SUGGESTION_STATUSES, row.status, 'suggestions.status'),
      incidentId: row.incident_id,
      createdAt: row.created_at,
      message: {
        id: row.message_id,
        sender: row.sender_party ?? row.sender,
        sentAt: row.sent_at,
        subject: row.subject,
        text: row.text,
      },
    };
  }

  async getSuggestion(workspaceId: string, suggestionId: string): Promise<Suggestion | undefined> {
    const row = await this.#suggestionQuery(workspaceId).where('s.id', '=', suggestionId).executeTakeFirst();

    return row && this.#presentSuggestion(row);
  }

  async listSuggestions(workspaceId: string, filter: SuggestionFilter): Promise<Suggestion[]> {
    let query = this.#suggestionQuery(workspaceId).where('s.status', '=', filter.status);
    if (filter.clientId !== undefined) query = query.where('s.client_id', '=', filter.clientId);
    const rows = await query.orderBy('m.sent_at_utc', 'desc').orderBy('s.id').limit(filter.limit).execute();

    return rows.map((row) => this.#presentSuggestion(row));
  }

  async decideSuggestion(workspaceId: string, suggestionId: string, decision: SuggestionDecision): Promise<boolean> {
    const result = await this.#db
      .updateTable('suggestions')
      .set({
        status: decision.status,
        incident_id: decision.incidentId,
        decided_at: decision.decidedAt,
        decided_by: decision.decidedBy,
        note: decision.note,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', suggestionId)
      // Only an open suggestion is decided: a second confirm (or a race) changes nothing.
      .where('status', '=', 'open')
      .executeTakeFirst();

    return result.numUpdatedRows > 0n;
  }

  async dismissOpenByRule(workspaceId: string, clientId: string, rule: string, decision: SuggestionDecision): Promise<number> {
    const result = await this.#db
      .updateTable('suggestions')
      .set({ status: 'dismissed', decided_at: decision.decidedAt, decided_by: decision.decidedBy, note: decision.note })
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .where('rule', '=', rule)
      .where('status', '=', 'open')
      .executeTakeFirst();

    return Number(result.numUpdatedRows);
  }

  // ------------------------------------------------------------ suppressions

  async putSuppression(
    workspaceId: string,
    clientId: string,
    row: { id: string; rule: string; code: Suggestion['code']; note: string; createdAt: string },
  ): Promise<Suppression> {
    await this.#db
      .insertInto('suppressions')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        rule: row.rule,
        code: row.code,
        note: row.note,
        created_at: row.createdAt,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'client_id', 'rule']).doNothing())
      .execute();
    const stored = await this.#db
      .selectFrom('suppressions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .where('rule', '=', row.rule)
      .executeTakeFirstOrThrow();

    return presentSuppression(stored);
  }

  async listSuppressions(workspaceId: string, clientId: string): Promise<Suppression[]> {
    const rows = await this.#db
      .selectFrom('suppressions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();

    return rows.map(presentSuppression);
  }

  async suppressedRules(workspaceId: string, clientId: string): Promise<Set<string>> {
    const rows = await this.#db
      .selectFrom('suppressions')
      .select('rule')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .execute();

    return new Set(rows.map((r) => r.rule));
  }

  async deleteSuppression(workspaceId: string, suppressionId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('suppressions')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', suppressionId)
      .executeTakeFirst();

    return result.numDeletedRows > 0n;
  }
}
