/**
 * The migrations, registered by a static import map rather than read from a directory, so they
 * are found the same way from src/ under Vitest and tsx, and from the compiled dist/.
 * Names sort in the order they run; add a new file and a line here, never edit an old one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_client_events.js';
import * as m0003 from './0003_evidence_heads.js';
import * as m0004 from './0004_imports.js';
import * as m0005 from './0005_score_cache.js';
import * as m0006 from './0006_exit_plans.js';
import * as m0007 from './0007_letter_drafts.js';
// after-exit (issue 8)
import * as m0008 from './0008_after_exit.js';
import * as m0009 from './0009_screening.js';
import * as m0010 from './0010_team.js';
import * as m0011 from './0011_audit_log.js';
import * as m0013 from './0013_staff_reports.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_client_events': m0002,
  '0003_evidence_heads': m0003,
  '0004_imports': m0004,
  '0005_score_cache': m0005,
  '0006_exit_plans': m0006,
  '0007_letter_drafts': m0007,
  '0009_screening': m0009,
  // clause-reports
  '0013_staff_reports': m0013,
  // after-exit (issue 8)
  '0008_after_exit': m0008,
  '0010_team': m0010,
  '0011_audit_log': m0011,
};

/** Hands Kysely's Migrator the migrations compiled into this build. */
export class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}
