/**
 * The LetterDraftRepos port (app/letter-drafts-port.ts) over Kysely, for SQLite and PostgreSQL
 * alike. Every query filters by workspace_id. Versions are only ever inserted: nothing here
 * updates or deletes a single version (a draft is deleted with all of them).
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  LetterDraftRepos,
  NewLetterVersion,
  StoredLetterDraft,
  StoredLetterVersion,
  VersionOrigin,
} from '../app/letter-drafts-port.js';
import type { LetterKind } from '../core/letters/drafts-types.js';
import type { ToneCode } from '../core/letters/tone.js';
import type { Language } from '../core/vocabulary.js';
import { toInt } from './presenters.js';
import type { Database, LetterDraftsTable, LetterDraftVersionsTable } from './schema.js';

function presentDraft(row: Selectable<LetterDraftsTable>): StoredLetterDraft {
  return {
    id: row.id,
    client_id: row.client_id,
    kind: row.kind as LetterKind,
    lang: row.lang as Language,
    options: JSON.parse(row.options) as unknown,
    latest_version: toInt(row.latest_version),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function presentVersion(row: Selectable<LetterDraftVersionsTable>): StoredLetterVersion {
  return {
    id: row.id,
    draft_id: row.draft_id,
    number: toInt(row.number),
    subject: row.subject,
    body: row.body,
    origin: row.origin as VersionOrigin,
    restored_from: row.restored_from === null ? null : toInt(row.restored_from),
    violations: JSON.parse(row.violations) as ToneCode[],
    words: toInt(row.words),
    created_at: row.created_at,
  };
}

/** Letter drafts over a Kysely instance or transaction. */
export class SqlLetterDraftRepos implements LetterDraftRepos {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertLetterDraft(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    fields: { kind: LetterKind; lang: Language; options: unknown },
  ): Promise<StoredLetterDraft> {
    const inserted = await this.#db
      .insertInto('letter_drafts')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        kind: fields.kind,
        lang: fields.lang,
        options: JSON.stringify(fields.options ?? null),
        // The first version is appended in the same transaction; 1 keeps the check constraint true meanwhile.
        latest_version: 1,
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentDraft(inserted);
  }

  async getLetterDraft(workspaceId: string, draftId: string): Promise<StoredLetterDraft | undefined> {
    const row = await this.#db
      .selectFrom('letter_drafts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', draftId)
      .executeTakeFirst();

    return row && presentDraft(row);
  }

  async listLetterDrafts(workspaceId: string, clientId: string): Promise<Array<StoredLetterDraft & { latest: StoredLetterVersion }>> {
    const rows = await this.#db
      .selectFrom('letter_drafts as d')
      .innerJoin('letter_draft_versions as v', (j) =>
        j.onRef('v.draft_id', '=', 'd.id').onRef('v.workspace_id', '=', 'd.workspace_id').onRef('v.number', '=', 'd.latest_version'),
      )
      .select([
        'd.id as id',
        'd.workspace_id as workspace_id',
        'd.client_id as client_id',
        'd.kind as kind',
        'd.lang as lang',
        'd.options as options',
        'd.latest_version as latest_version',
        'd.created_at as created_at',
        'd.updated_at as updated_at',
        'v.id as v_id',
        'v.number as v_number',
        'v.subject as v_subject',
        'v.body as v_body',
        'v.origin as v_origin',
        'v.restored_from as v_restored_from',
        'v.violations as v_violations',
        'v.words as v_words',
        'v.created_at as v_created_at',
      ])
      .where('d.workspace_id', '=', workspaceId)
      .where('d.client_id', '=', clientId)
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id')
      .execute();

    return rows.map((r) => ({
      ...presentDraft(r),
      latest: presentVersion({
        id: r.v_id,
        workspace_id: r.workspace_id,
        draft_id: r.id,
        number: r.v_number,
        subject: r.v_subject,
        body: r.v_body,
        origin: r.v_origin,
        restored_from: r.v_restored_from,
        violations: r.v_violations,
        words: r.v_words,
        created_at: r.v_created_at,
      }),
    }));
  }

  async listLetterVersions(workspaceId: string, draftId: string): Promise<StoredLetterVersion[]> {
    const rows = await this.#db
      .selectFrom('letter_draft_versions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('draft_id', '=', draftId)
      .orderBy('number')
      .execute();

    return rows.map(presentVersion);
  }

  async getLetterVersion(workspaceId: string, draftId: string, number: number): Promise<StoredLetterVersion | undefined> {
    const row = await this.#db
      .selectFrom('letter_draft_versions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('draft_id', '=', draftId)
      .where('number', '=', number)
      .executeTakeFirst();

    return row && presentVersion(row);
  }

  async appendLetterVersion(
    workspaceId: string,
    draftId: string,
    row: { id: string; now: string },
    version: NewLetterVersion,
  ): Promise<StoredLetterVersion> {
    const inserted = await this.#db
      .insertInto('letter_draft_versions')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        draft_id: draftId,
        number: version.number,
        subject: version.subject,
        body: version.body,
        origin: version.origin,
        restored_from: version.restored_from,
        violations: JSON.stringify(version.violations),
        words: version.words,
        created_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#db
      .updateTable('letter_drafts')
      .set({ latest_version: version.number, updated_at: row.now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', draftId)
      .execute();

    return presentVersion(inserted);
  }

  async deleteLetterDraft(workspaceId: string, draftId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('letter_drafts')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', draftId)
      .executeTakeFirst();

    return toInt(result.numDeletedRows) > 0;
  }
}
