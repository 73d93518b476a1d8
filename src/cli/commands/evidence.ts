import { basename } from 'node:path';
import { Command } from 'commander';
import { addEvidence, verifyEvidence } from '../../app/evidence.js';
import { EXIT } from '../exit-codes.js';
import { fileSource } from '../file-source.js';
import { type Io, printJson, type StoreOptions, storeOptions, withWorkspace } from '../io.js';
import { mediaTypeOf } from '../media-types.js';

export function evidenceCommand(io: Io, setExit: (code: number) => void): Command {
  const evidence = new Command('evidence').description('tamper-evident evidence files');

  storeOptions(
    evidence
      .command('add')
      .description('attach a file to an incident as evidence')
      .argument('<incident-id>', 'the incident (its id, shown by `incident add` and `client show`)')
      .argument('<file>', 'the file: a screenshot, an exported chat, a recording')
      .option('--note <text>', 'what the file shows', ''),
  ).action(async (incidentId: string, file: string, options: StoreOptions & { note: string }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const entry = await addEvidence(deps, {
        workspaceId: workspace.id,
        incidentId,
        fileName: basename(file),
        mediaType: mediaTypeOf(file),
        note: options.note,
        content: await fileSource(file),
      });
      if (options.json) printJson(io, entry);
      else
        io.out(
          `Evidence #${entry.seq} recorded: ${entry.file_name}, ${entry.size_bytes} bytes, sha256 ${entry.file_sha256}\n  chain entry ${entry.entry_hash}\n`,
        );
    });
  });

  storeOptions(
    evidence
      .command('verify')
      .description('check the evidence log and every file; exits non-zero when anything was altered, removed or reordered'),
  ).action(async (options: StoreOptions) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const report = await verifyEvidence(deps, workspace.id);
      if (options.json) printJson(io, report);
      else if (report.ok) {
        io.out(
          `Evidence log of ${workspace.name} verifies: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'}, every file intact.${report.head_hash ? `\n  head ${report.head_hash}` : ''}\n`,
        );
      } else {
        io.out(
          `Evidence log of ${workspace.name}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.entries} entries\n`,
        );
        for (const p of report.problems) io.out(`  [${p.kind}] ${p.detail}\n`);
      }
      if (!report.ok) setExit(EXIT.tampered);
    });
  });

  return evidence;
}
