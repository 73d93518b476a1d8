/**
 * `redcard user ...`: team mode's accounts from the command line, on the same data directory or
 * DATABASE_URL as the server. Links are printed (and mailed when REDCARD_SMTP_URL is set).
 *
 *   redcard user create-owner --email E --name N --workspace W [--password-stdin]
 *   redcard user invite EMAIL --role member --workspace W
 *   redcard user reset-password EMAIL
 *   redcard user list --workspace W
 */
import { Command, Option } from 'commander';
import { inviteMember } from '../../app/team/invitations.js';
import { listMembers } from '../../app/team/members.js';
import { createOwner, passwordResetLink } from '../../app/team/owners.js';
import type { TeamDeps } from '../../app/team/ports.js';
import { createWorkspace, resolveWorkspace } from '../../app/workspaces.js';
import type { Workspace } from '../../contracts/records.js';
import { isDomainError } from '../../core/errors.js';
import { openRuntime } from '../../server/runtime.js';
import { authSecret } from '../../server/team/auth.js';
import { openTeamMode } from '../../server/team/runtime.js';
import { configOf, type Io, printJson, type StoreOptions, storeOptions, table } from '../io.js';

const ROLES = ['owner', 'manager', 'member'] as const;

/** Opens the store and team mode's accounts, runs `work`, always closes the store. */
async function withTeam<T>(io: Io, options: StoreOptions, work: (deps: TeamDeps) => Promise<T>): Promise<T> {
  const config = configOf(io, options);
  const deps = await openRuntime(config);
  try {
    const team = openTeamMode(deps.store, {
      secret: authSecret(config.team.authSecret, config.dataDir),
      publicUrl: config.team.publicUrl,
      smtpUrl: config.team.smtpUrl,
      smtpFrom: config.team.smtpFrom,
    });

    return await work({ ...deps, ...team });
  } finally {
    await deps.store.close();
  }
}

/** The workspace named (or with this id); created under that name when there is none. */
async function workspaceOrNew(deps: TeamDeps, ref: string): Promise<Workspace> {
  try {
    return await resolveWorkspace(deps, ref);
  } catch (error) {
    if (isDomainError(error) && error.code === 'WORKSPACE_NOT_FOUND') return createWorkspace(deps, { name: ref, provider_kind: 'agency' });
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);

  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function userCommand(io: Io): Command {
  const user = new Command('user').description('team mode: the first owner, invitations, password resets');

  storeOptions(
    user
      .command('create-owner')
      .description('make someone owner of a workspace (created when none has that name); prints a one-time link to set the password')
      .requiredOption('--email <address>', 'their email (their sign-in)')
      .option('--name <name>', 'their name (default: the part of the email before @)')
      .option('--password-stdin', 'read the password from standard input instead of printing a link'),
  ).action(async (options: StoreOptions & { email: string; name?: string; passwordStdin?: boolean }) => {
    const password = options.passwordStdin ? await readStdin() : undefined;
    await withTeam(io, options, async (deps) => {
      const workspace = await workspaceOrNew(deps, options.workspace ?? 'My workspace');
      const result = await createOwner(deps, workspace.id, {
        email: options.email,
        name: options.name ?? options.email.split('@')[0],
        password,
      });
      if (options.json) return printJson(io, { workspace_id: workspace.id, user_id: result.user.id, link: result.link });
      io.out(`${result.user.email} is owner of "${workspace.name}" (${workspace.id}).\n`);
      if (result.link) io.out(`Set the password within an hour at:\n${result.link}\n${result.mailed ? '(also sent by mail)\n' : ''}`);
      else if (!result.created) io.out('The account already existed and keeps its password.\n');
    });
  });

  storeOptions(
    user
      .command('invite')
      .description('invite someone to a workspace; prints the one-time link (valid 7 days)')
      .argument('<email>', 'their email')
      .addOption(new Option('--role <role>', 'their role').choices(ROLES).default('member')),
  ).action(async (email: string, options: StoreOptions & { role: string }) => {
    await withTeam(io, options, async (deps) => {
      const workspace = await resolveWorkspace(deps, options.workspace);
      const invitation = await inviteMember(deps, { workspaceId: workspace.id, input: { email, role: options.role }, by: 'cli' });
      if (options.json) return printJson(io, invitation);
      io.out(
        `Invited ${invitation.email} to "${workspace.name}" as ${invitation.role}. Link (until ${invitation.expires_at}):\n${invitation.link}\n`,
      );
    });
  });

  storeOptions(
    user
      .command('reset-password')
      .description('print a one-time link that sets a new password (valid 1 hour)')
      .argument('<email>', 'their email'),
  ).action(async (email: string, options: StoreOptions) => {
    await withTeam(io, options, async (deps) => {
      const { link, mailed } = await passwordResetLink(deps, email);
      if (options.json) return printJson(io, { link, mailed });
      io.out(`Set a new password within an hour at:\n${link}\n${mailed ? '(also sent by mail)\n' : ''}`);
    });
  });

  storeOptions(user.command('list').description('the members of a workspace and their roles')).action(async (options: StoreOptions) => {
    await withTeam(io, options, async (deps) => {
      const workspace = await resolveWorkspace(deps, options.workspace);
      const members = await listMembers(deps, workspace.id);
      if (options.json) return printJson(io, members);
      io.out(table([['EMAIL', 'NAME', 'ROLE'], ...members.map((m) => [m.email, m.name, m.role])]));
    });
  });

  return user;
}
