import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { exportCase, importCase } from '../../app/case-files.js';
import { resolveClient } from '../../app/clients.js';
import { type Io, printJson, type StoreOptions, storeOptions, withWorkspace } from '../io.js';
import { readCaseJson } from '../read-case.js';

export function caseCommand(io: Io): Command {
  const cases = new Command('case').description("case files: one client's whole record as portable JSON");

  storeOptions(
    cases
      .command('export')
      .description('export a client as a case file (to stdout, or --out FILE)')
      .argument('<client>', 'client name (or part of it) or id')
      .option('--out <file>', 'write the case file here instead of stdout'),
  ).action(async (ref: string, options: StoreOptions & { out?: string }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const client = await resolveClient(deps, workspace.id, ref);
      const file = await exportCase(deps, workspace.id, client.id);
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (options.out) {
        await writeFile(options.out, text, 'utf8');
        if (options.json) printJson(io, { client: client.name, out: options.out, bytes: Buffer.byteLength(text) });
        else io.out(`Exported ${client.name} to ${options.out}\n`);
      } else io.out(text);
    });
  });

  storeOptions(
    cases
      .command('import')
      .description('import a case file as a new client (nothing is written unless the whole file is valid)')
      .argument('<file>', 'the case file (JSON), or - for stdin')
      .option('--as <name>', 'import under this client name'),
  ).action(async (path: string, options: StoreOptions & { as?: string }) => {
    const parsed = await readCaseJson(path);
    await withWorkspace(io, options, async (deps, workspace) => {
      const client = await importCase(deps, workspace.id, parsed, options.as ? { as: options.as } : {});
      if (options.json) printJson(io, { client });
      else io.out(`Imported ${client.name} (${client.id}) into ${workspace.name}.\n`);
    });
  });

  return cases;
}
