/**
 * The first schema. Committed migrations are never edited: change the schema with a new file.
 * Portable types only, so the same statements run on SQLite and PostgreSQL: text ids (UUIDs from
 * the caller), ISO text dates and instants, bigint money in minor units, 0/1 integer flags.
 *
 * Every child row carries workspace_id and references its parent by (id, workspace_id), so the
 * database itself refuses a row whose parent lives in another workspace. Children cascade away
 * with their client, except evidence: it references incidents without cascade, so deleting an
 * incident (or a client) that has evidence fails instead of silently losing the log.
 */
import { type Kysely, sql } from 'kysely';

/** Creates every table and index of the initial schema. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider_name', 'text')
    .addColumn('provider_kind', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('revenue_last_12m_minor', 'bigint')
    .addColumn('is_demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('workspaces_is_demo_flag', sql`is_demo in (0, 1)`)
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('manager', 'text')
    .addColumn('email', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('clients_workspace_name_key_unique', ['workspace_id', 'name_key'])
    // The target of the children's (client_id, workspace_id) foreign keys.
    .addUniqueConstraint('clients_id_workspace_unique', ['id', 'workspace_id'])
    .execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('signed', 'text')
    .addColumn('ends', 'text')
    .addColumn('provider_may_terminate', 'integer')
    .addColumn('notice_amount', 'integer')
    .addColumn('notice_unit', 'text')
    .addColumn('penalty_minor', 'bigint')
    .addColumn('penalty_description', 'text')
    .addColumn('refund_clause', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contracts_client_unique', ['client_id'])
    .addForeignKeyConstraint('contracts_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('contracts_flags', sql`provider_may_terminate in (0, 1) and refund_clause in (0, 1)`)
    // Notice is an amount with its unit: both or neither.
    .addCheckConstraint('contracts_notice_pair', sql`(notice_amount is null) = (notice_unit is null)`)
    .addCheckConstraint('contracts_penalty_pair', sql`(penalty_minor is null) = (penalty_description is null)`)
    .execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('prepaid_minor', 'bigint', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('engagements_id_workspace_unique', ['id', 'workspace_id'])
    .addForeignKeyConstraint('engagements_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('engagements_money', sql`price_minor >= 0 and prepaid_minor >= 0`)
    .execute();
  await db.schema.createIndex('engagements_client_idx').on('engagements').columns(['client_id', 'ord']).execute();

  await db.schema
    .createTable('deliverables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('percent_done', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint('deliverables_engagement_fk', ['engagement_id', 'workspace_id'], 'engagements', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('deliverables_done_flag', sql`done in (0, 1)`)
    .addCheckConstraint('deliverables_percent', sql`percent_done between 0 and 100`)
    .execute();
  await db.schema.createIndex('deliverables_engagement_idx').on('deliverables').columns(['engagement_id', 'position']).execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('invoices_client_number_unique', ['client_id', 'number'])
    .addUniqueConstraint('invoices_id_workspace_unique', ['id', 'workspace_id'])
    .addForeignKeyConstraint('invoices_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('invoices_amount', sql`amount_minor >= 0`)
    .execute();
  // The client list sums what every client of a workspace owes.
  await db.schema.createIndex('invoices_workspace_client_idx').on('invoices').columns(['workspace_id', 'client_id']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('payments_invoice_fk', ['invoice_id', 'workspace_id'], 'invoices', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('payments_amount', sql`amount_minor >= 0`)
    .execute();
  await db.schema.createIndex('payments_invoice_idx').on('payments').columns(['invoice_id', 'date']).execute();
  await db.schema.createIndex('payments_workspace_idx').on('payments').columns(['workspace_id', 'invoice_id']).execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('time_entries_client_month_unique', ['client_id', 'month'])
    .addForeignKeyConstraint('time_entries_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('time_entries_minutes', sql`minutes >= 0`)
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_at_utc', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('messages_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('messages_client_idx').on('messages').columns(['client_id', 'sent_at_utc']).execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('about_member', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    // A single-column key so deleting the message only unlinks it (a composite key would
    // try to null workspace_id as well).
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incidents_id_workspace_unique', ['id', 'workspace_id'])
    .addForeignKeyConstraint('incidents_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('incidents_severity', sql`severity between 1 and 3`)
    .execute();
  await db.schema.createIndex('incidents_client_idx').on('incidents').columns(['client_id', 'date', 'ord']).execute();
  await db.schema.createIndex('incidents_workspace_client_idx').on('incidents').columns(['workspace_id', 'client_id']).execute();
  await db.schema.createIndex('incidents_message_idx').on('incidents').column('message_id').execute();

  await db.schema
    .createTable('cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('cards_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('cards_client_idx').on('cards').columns(['client_id', 'date', 'ord']).execute();
  await db.schema.createIndex('cards_workspace_client_idx').on('cards').columns(['workspace_id', 'client_id']).execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    // The chain position is unique per workspace: two concurrent appends cannot both win.
    .addUniqueConstraint('evidence_workspace_seq_unique', ['workspace_id', 'seq'])
    // No cascade, on purpose: the database refuses to drop an incident that has evidence.
    // NO ACTION (the default) rather than RESTRICT: same refusal, but SQLite then reports it as
    // SQLITE_CONSTRAINT_FOREIGNKEY instead of SQLITE_CONSTRAINT_TRIGGER.
    .addForeignKeyConstraint('evidence_incident_fk', ['incident_id', 'workspace_id'], 'incidents', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('no action'),
    )
    .execute();
  await db.schema.createIndex('evidence_incident_idx').on('evidence').columns(['incident_id', 'seq']).execute();
}

/** Drops everything `up` created, children first. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'evidence',
    'cards',
    'incidents',
    'messages',
    'time_entries',
    'payments',
    'invoices',
    'deliverables',
    'engagements',
    'contracts',
    'clients',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
