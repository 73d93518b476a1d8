/**
 * The AfterExitRepos port (app/after-exit-port.ts) over Kysely, for SQLite and PostgreSQL alike
 * (migration 0008). Every query filters by workspace_id.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AfterCloseMarkRow, AfterExitRepos, MarkedItemKind, StoredReview } from '../app/after-exit-port.js';
import { toInt } from './presenters.js';
import type { AfterCloseMarksTable, ClientReviewsTable, Database } from './schema.js';

/** Ids per IN list: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

function presentMark(row: Selectable<AfterCloseMarksTable>): AfterCloseMarkRow {
  const kind: MarkedItemKind = row.message_id !== null ? 'message' : 'incident';

  return {
    id: row.id,
    client_id: row.client_id,
    kind,
    item_id: (row.message_id ?? row.incident_id) as string,
    item_date: row.item_date,
    status: row.status,
    ended_on: row.ended_on,
    marked_at: row.marked_at,
  };
}

function presentReview(row: Selectable<ClientReviewsTable>): StoredReview {
  return {
    client_id: row.client_id,
    review_on: row.review_on,
    note: row.note,
    set_on: row.set_on,
    set_by: row.set_by,
    updated_at: row.updated_at,
  };
}

export class SqlAfterExitRepos implements AfterExitRepos {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMarks(...[workspaceId, marks]: Parameters<AfterExitRepos['insertMarks']>): Promise<void> {
    for (let i = 0; i < marks.length; i += CHUNK) {
      const rows = marks.slice(i, i + CHUNK).map((m) => ({
        id: m.id,
        workspace_id: workspaceId,
        client_id: m.clientId,
        message_id: m.kind === 'message' ? m.itemId : null,
        incident_id: m.kind === 'incident' ? m.itemId : null,
        item_date: m.itemDate,
        status: m.status,
        ended_on: m.endedOn,
        marked_at: m.markedAt,
      }));
      await this.#db
        .insertInto('after_close_marks')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  async listMarks(...[workspaceId, options]: Parameters<AfterExitRepos['listMarks']>): Promise<AfterCloseMarkRow[]> {
    let query = this.#db.selectFrom('after_close_marks').selectAll().where('workspace_id', '=', workspaceId);
    if (options.clientId !== undefined) query = query.where('client_id', '=', options.clientId);
    const rows = await query.orderBy('item_date', 'desc').orderBy('id').limit(options.limit).execute();

    return rows.map(presentMark);
  }

  async countMarks(...[workspaceId, clientIds]: Parameters<AfterExitRepos['countMarks']>): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (let i = 0; i < clientIds.length; i += CHUNK) {
      const rows = await this.#db
        .selectFrom('after_close_marks')
        .select(['client_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('workspace_id', '=', workspaceId)
        .where('client_id', 'in', clientIds.slice(i, i + CHUNK))
        .groupBy('client_id')
        .execute();
      for (const r of rows) counts.set(r.client_id, toInt(r.n));
    }

    return counts;
  }

  async markedIds(...[workspaceId, kind, ids]: Parameters<AfterExitRepos['markedIds']>): Promise<Set<string>> {
    const column = kind === 'message' ? 'message_id' : 'incident_id';
    const marked = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.#db
        .selectFrom('after_close_marks')
        .select(column)
        .where('workspace_id', '=', workspaceId)
        .where(column, 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) {
        const id = (r as Record<string, string | null>)[column];
        if (id) marked.add(id);
      }
    }

    return marked;
  }

  async getMarkOf(...[workspaceId, kind, itemId]: Parameters<AfterExitRepos['getMarkOf']>): Promise<AfterCloseMarkRow | undefined> {
    const row = await this.#db
      .selectFrom('after_close_marks')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(kind === 'message' ? 'message_id' : 'incident_id', '=', itemId)
      .executeTakeFirst();

    return row && presentMark(row);
  }

  async deleteMark(...[workspaceId, markId]: Parameters<AfterExitRepos['deleteMark']>): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('after_close_marks')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', markId)
      .executeTakeFirst();

    return result.numDeletedRows > 0n;
  }

  async getReview(...[workspaceId, clientId]: Parameters<AfterExitRepos['getReview']>): Promise<StoredReview | undefined> {
    const row = await this.#db
      .selectFrom('client_reviews')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();

    return row && presentReview(row);
  }

  async putReview(...[workspaceId, review]: Parameters<AfterExitRepos['putReview']>): Promise<StoredReview> {
    const row = { ...review, workspace_id: workspaceId };
    await this.#db
      .insertInto('client_reviews')
      .values(row)
      .onConflict((oc) =>
        oc.column('client_id').doUpdateSet({
          review_on: review.review_on,
          note: review.note,
          set_on: review.set_on,
          set_by: review.set_by,
          updated_at: review.updated_at,
        }),
      )
      .execute();

    return review;
  }

  async deleteReview(...[workspaceId, clientId]: Parameters<AfterExitRepos['deleteReview']>): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('client_reviews')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();

    return Number(result.numDeletedRows) > 0;
  }

  async listReviews(...[workspaceId]: Parameters<AfterExitRepos['listReviews']>): Promise<StoredReview[]> {
    const rows = await this.#db
      .selectFrom('client_reviews')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('review_on')
      .orderBy('client_id')
      .execute();

    return rows.map(presentReview);
  }
}
