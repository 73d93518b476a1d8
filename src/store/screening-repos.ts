/**
 * The ScreeningRepos port (app/screening-port.ts) over Kysely, for SQLite and PostgreSQL alike.
 * JSON columns (codes, contract gaps, answers, result) are text written from validated values.
 * Lesson search is a LIKE over a key the app case-folds, with LIKE's wildcards escaped, so "50%"
 * finds "50%" and the same query finds the same lessons on both backends.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { NewLesson, ProspectFields, ScreeningRepos, StoredLesson, StoredProspect, StoredReflection } from '../app/screening-port.js';
import { toInt } from './presenters.js';
import type { Database } from './schema.js';
import type { LessonsTable, ProspectsTable, ReflectionsTable } from './screening-schema.js';

function presentReflection(row: Selectable<ReflectionsTable>): StoredReflection {
  return {
    id: row.id,
    client_id: row.client_id,
    first_signs: row.first_signs,
    first_signs_on: row.first_signs_on,
    first_signs_code: row.first_signs_code as StoredReflection['first_signs_code'],
    contract_lacked: JSON.parse(row.contract_lacked) as StoredReflection['contract_lacked'],
    contract_note: row.contract_note,
    do_earlier: row.do_earlier,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function presentLesson(row: Selectable<LessonsTable>): StoredLesson {
  return {
    id: row.id,
    text: row.text,
    codes: JSON.parse(row.codes) as StoredLesson['codes'],
    client_id: row.client_id,
    client_name: row.client_name,
    reflection_id: row.reflection_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function presentProspect(row: Selectable<ProspectsTable>): StoredProspect {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    name: row.name,
    contact: row.contact,
    language: row.language as StoredProspect['language'],
    notes: row.notes,
    first_messages: row.first_messages,
    answers: JSON.parse(row.answers) as Record<string, string>,
    answered_by: row.answered_by as StoredProspect['answered_by'],
    score: row.score === null ? null : toInt(row.score),
    result: JSON.parse(row.result) as unknown,
    status: row.status as StoredProspect['status'],
    client_id: row.client_id,
    token_hash: row.token_hash,
    token_expires_at: row.token_expires_at,
    token_used_at: row.token_used_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function prospectColumns(fields: Partial<ProspectFields>): Partial<Omit<ProspectsTable, 'id' | 'workspace_id' | 'created_at'>> {
  const { answers, result, ...rest } = fields;

  return {
    ...rest,
    ...(answers === undefined ? {} : { answers: JSON.stringify(answers) }),
    ...(result === undefined ? {} : { result: JSON.stringify(result) }),
  };
}

/**
 * `column LIKE %text%` with `%`, `_` and the escape character standing for themselves. The ESCAPE
 * clause is explicit because SQLite has no default escape character (PostgreSQL's is backslash).
 */
function contains(column: 'search_key' | 'codes', text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

export class SqlScreeningRepos implements ScreeningRepos {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async getReflection(workspaceId: string, clientId: string): Promise<StoredReflection | undefined> {
    const row = await this.#db
      .selectFrom('reflections')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();

    return row && presentReflection(row);
  }

  async putReflection(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    fields: Parameters<ScreeningRepos['putReflection']>[3],
  ): Promise<StoredReflection> {
    const columns = {
      first_signs: fields.first_signs,
      first_signs_on: fields.first_signs_on,
      first_signs_code: fields.first_signs_code,
      contract_lacked: JSON.stringify(fields.contract_lacked),
      contract_note: fields.contract_note,
      do_earlier: fields.do_earlier,
      updated_at: row.now,
    };
    const existing = await this.getReflection(workspaceId, clientId);
    const saved = existing
      ? await this.#db
          .updateTable('reflections')
          .set(columns)
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await this.#db
          .insertInto('reflections')
          .values({ id: row.id, workspace_id: workspaceId, client_id: clientId, created_at: row.now, ...columns })
          .returningAll()
          .executeTakeFirstOrThrow();

    return presentReflection(saved);
  }

  async listLessons(workspaceId: string, query: Parameters<ScreeningRepos['listLessons']>[1]): Promise<StoredLesson[]> {
    let q = this.#db.selectFrom('lessons').selectAll().where('workspace_id', '=', workspaceId);
    if (query.q) q = q.where(contains('search_key', query.q));
    if (query.code) q = q.where(contains('codes', `"${query.code}"`));
    if (query.reflectionId) q = q.where('reflection_id', '=', query.reflectionId);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).execute();

    return rows.map(presentLesson);
  }

  async insertLessons(workspaceId: string, now: string, rows: readonly NewLesson[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#db
      .insertInto('lessons')
      .values(
        rows.map((r) => ({
          id: r.id,
          workspace_id: workspaceId,
          client_id: r.client_id,
          client_name: r.client_name,
          reflection_id: r.reflection_id,
          text: r.text,
          codes: JSON.stringify(r.codes),
          search_key: r.search_key,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }

  async deleteLessonsOfReflection(workspaceId: string, reflectionId: string): Promise<number> {
    const result = await this.#db
      .deleteFrom('lessons')
      .where('workspace_id', '=', workspaceId)
      .where('reflection_id', '=', reflectionId)
      .executeTakeFirst();

    return toInt(result.numDeletedRows);
  }

  async deleteLesson(workspaceId: string, lessonId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('lessons')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', lessonId)
      .executeTakeFirst();

    return toInt(result.numDeletedRows) > 0;
  }

  async insertProspect(workspaceId: string, row: { id: string; now: string }, fields: ProspectFields): Promise<StoredProspect> {
    const inserted = await this.#db
      .insertInto('prospects')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        created_at: row.now,
        ...(prospectColumns(fields) as Omit<ProspectsTable, 'id' | 'workspace_id' | 'created_at'>),
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentProspect(inserted);
  }

  async getProspect(workspaceId: string, prospectId: string): Promise<StoredProspect | undefined> {
    const row = await this.#db
      .selectFrom('prospects')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', prospectId)
      .executeTakeFirst();

    return row && presentProspect(row);
  }

  async listProspects(workspaceId: string, limit: number): Promise<StoredProspect[]> {
    const rows = await this.#db
      .selectFrom('prospects')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();

    return rows.map(presentProspect);
  }

  async updateProspect(workspaceId: string, prospectId: string, fields: Partial<ProspectFields>): Promise<StoredProspect | undefined> {
    const row = await this.#db
      .updateTable('prospects')
      .set(prospectColumns(fields))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', prospectId)
      .returningAll()
      .executeTakeFirst();

    return row && presentProspect(row);
  }

  async findProspectByTokenHash(tokenHash: string): Promise<StoredProspect | undefined> {
    const row = await this.#db.selectFrom('prospects').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

    return row && presentProspect(row);
  }

  async submitProspectForm(
    workspaceId: string,
    prospectId: string,
    fields: Partial<ProspectFields> & { token_used_at: string },
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable('prospects')
      .set(prospectColumns(fields))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', prospectId)
      .where('token_used_at', 'is', null)
      .executeTakeFirst();

    return toInt(result.numUpdatedRows) === 1;
  }
}
