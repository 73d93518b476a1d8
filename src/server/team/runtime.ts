/** Opens team mode over a store: the auth library, the team repositories and the mailer. */
import type { Store } from '../../app/ports.js';
import { auditedTeamRepos } from '../../store/audit.js';
import { kyselyOf } from '../../store/open-store.js';
import { SqlTeamRepos } from '../../store/team-repos.js';
import type { TeamServerDeps } from '../context.js';
import { createAuth } from './auth.js';
import { smtpMailer } from './mailer.js';

export interface TeamModeOptions {
  secret: string;
  publicUrl: string;
  smtpUrl?: string;
  smtpFrom?: string;
}

export function openTeamMode(store: Store, options: TeamModeOptions): TeamServerDeps {
  const db = kyselyOf(store);
  const mailer = smtpMailer(options.smtpUrl, options.smtpFrom ?? 'RedCard <redcard@localhost>');
  const { auth, accounts } = createAuth({ db, secret: options.secret, publicUrl: options.publicUrl, mailer });

  return { auth, accounts, mailer, team: auditedTeamRepos(db, (q) => new SqlTeamRepos(q)), publicUrl: options.publicUrl };
}
