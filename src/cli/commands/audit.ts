/** `redcard audit verify` and `redcard audit export`: the audit log from the command line (issue 7). */
import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { exportAuditLog, verifyAuditLog } from '../../app/audit.js';
import { type Principal, SOLO_PRINCIPAL } from '../../app/principal.js';
import { EXIT } from '../exit-codes.js';
import { type Io, printJson, type StoreOptions, storeOptions, withWorkspace } from '../io.js';

/**
 * Who acts from the command line: the local user, the owner of a solo data directory, named by
 * the operating system's user name so the log says which account ran the command.
 */
export function cliPrincipal(): Principal {
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // No user database entry (some containers): stay with the solo name.
  }

  return { ...SOLO_PRINCIPAL, displayName: name || SOLO_PRINCIPAL.displayName };
}

export function auditCommand(io: Io, setExit: (code: number) => void): Command {
  const audit = new Command('audit').description('the audit log: every change, who made it, and the row before and after');

  storeOptions(
    audit
      .command('verify')
      .description("check the audit log's hash chain; exits non-zero naming the first broken entry when anything was altered or removed"),
  ).action(async (options: StoreOptions) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const report = await verifyAuditLog(deps, workspace.id);
      if (options.json) printJson(io, report);
      else if (report.ok) {
        io.out(
          `Audit log of ${workspace.name} verifies: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'}, chain intact.${report.head_hash ? `\n  head ${report.head_hash}` : ''}\n`,
        );
      } else {
        const first = report.problems[0];
        io.out(`Audit log of ${workspace.name} is broken at entry ${first?.seq}: ${first?.detail}\n`);
        for (const p of report.problems.slice(1)) io.out(`  [${p.kind}] ${p.detail}\n`);
      }
      if (!report.ok) setExit(EXIT.tampered);
    });
  });

  storeOptions(
    audit
      .command('export')
      .description('write the whole audit log, oldest entry first, as JSON Lines or CSV')
      .requiredOption('--out <file>', 'the file to write')
      .addOption(new Option('--format <format>', 'jsonl or csv').choices(['jsonl', 'csv']).default('jsonl')),
  ).action(async (options: StoreOptions & { out: string; format: 'jsonl' | 'csv' }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      let count = 0;
      const lines = await exportAuditLog(deps, { principal: cliPrincipal(), workspaceId: workspace.id }, { format: options.format });
      const counted = (async function* () {
        for await (const line of lines) {
          count++;
          yield line;
        }
      })();
      await pipeline(Readable.from(counted), createWriteStream(options.out));
      const entries = options.format === 'csv' ? count - 1 : count;
      if (options.json) printJson(io, { out: options.out, format: options.format, entries });
      else io.out(`Wrote ${entries} audit entr${entries === 1 ? 'y' : 'ies'} of ${workspace.name} to ${options.out}\n`);
    });
  });

  return audit;
}
