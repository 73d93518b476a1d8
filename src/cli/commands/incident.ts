import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { resolveClient } from '../../app/clients.js';
import { addEvidence } from '../../app/evidence.js';
import { addIncident } from '../../app/incidents.js';
import { dateInZone } from '../../core/dates.js';
import { INCIDENT_SOURCES, RED_FLAG_CODES } from '../../core/vocabulary.js';
import { fileSource } from '../file-source.js';
import { type Io, printJson, type StoreOptions, storeOptions, withWorkspace } from '../io.js';
import { mediaTypeOf } from '../media-types.js';

export function incidentCommand(io: Io): Command {
  const incident = new Command('incident').description('the red-flag journal');

  storeOptions(
    incident
      .command('add')
      .description('log an incident about a client')
      .argument('<client>', 'client name (or part of it) or id')
      .addOption(new Option('--code <code>', 'the red flag').choices(RED_FLAG_CODES).makeOptionMandatory())
      .addOption(new Option('--severity <n>', '1 minor, 2 serious, 3 grave').choices(['1', '2', '3']).default('2'))
      .option('--date <date>', 'when it happened, YYYY-MM-DD (default: today)')
      .option('--note <text>', 'what happened, in facts', '')
      .option('--member <name>', 'the team member it involved')
      .addOption(new Option('--source <source>', 'how it was noticed').choices(INCIDENT_SOURCES).default('manual'))
      .option('--evidence <file...>', 'attach these files as evidence'),
  ).action(
    async (
      ref: string,
      options: StoreOptions & {
        code: string;
        severity: string;
        date?: string;
        note: string;
        member?: string;
        source: string;
        evidence?: string[];
      },
    ) => {
      await withWorkspace(io, options, async (deps, workspace) => {
        const client = await resolveClient(deps, workspace.id, ref);
        // Check every file first, so a typo in a path does not leave an incident without its evidence.
        const files = await Promise.all((options.evidence ?? []).map(async (file) => ({ file, source: await fileSource(file) })));
        const created = await addIncident(deps, workspace.id, client.id, {
          date: options.date ?? dateInZone(deps.clock.now(), workspace.timezone),
          code: options.code,
          severity: Number(options.severity),
          source: options.source,
          about_member: options.member ?? null,
          note: options.note,
        });
        const evidence = [];
        for (const { file, source } of files) {
          evidence.push(
            await addEvidence(deps, {
              workspaceId: workspace.id,
              incidentId: created.id,
              fileName: basename(file),
              mediaType: mediaTypeOf(file),
              content: source,
            }),
          );
        }
        if (options.json) printJson(io, { ...created, evidence });
        else {
          io.out(`Logged ${created.code} (severity ${created.severity}) on ${created.date} for ${client.name}: incident ${created.id}\n`);
          for (const e of evidence) io.out(`  evidence #${e.seq}: ${e.file_name} (${e.size_bytes} bytes, sha256 ${e.file_sha256})\n`);
        }
      });
    },
  );

  return incident;
}
