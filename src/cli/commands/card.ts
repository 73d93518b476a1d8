/** `redcard card yellow|red CLIENT`: give a yellow card (D4) or a red card, through the escalation use cases. */
import { Command, Option } from 'commander';
import { resolveClient } from '../../app/clients.js';
import { issueRedCard } from '../../app/escalation/issue-red-card.js';
import { issueYellowCard } from '../../app/escalation/issue-yellow-card.js';
import type { StepResult } from '../../app/escalation/step.js';
import { CARD_CHANNELS, type CardChannel, describeStatus } from '../../core/escalation/machine.js';
import { type Io, printJson, type StoreOptions, storeOptions, withWorkspace } from '../io.js';

interface StepFlags extends StoreOptions {
  date?: string;
  note: string;
  actor?: string;
}

/** The options every escalation step takes. */
export function stepOptions(cmd: Command): Command {
  return storeOptions(
    cmd
      .option('--date <date>', 'the day it happened, YYYY-MM-DD (default: today)')
      .option('--note <text>', 'a note for the audit trail', '')
      .option('--actor <name>', 'who takes the step (default: you)'),
  );
}

/** Prints what a step did: one line for people, the whole result with --json. */
export function printStep(io: Io, json: boolean | undefined, clientName: string, result: StepResult): void {
  if (json) {
    printJson(io, result);

    return;
  }
  const change = result.events.find((e) => e.type === 'status_changed');
  const from = change?.type === 'status_changed' ? change.payload.from : result.client.status;
  const date = change?.date ?? '';
  io.out(`${clientName}: ${describeStatus(from)} → ${describeStatus(result.client.status)} on ${date}.\n`);
  for (const e of result.events) {
    if (e.type === 'override') io.out(`  Override recorded: ${e.payload.reason}\n`);
    if (e.type === 'reassigned') io.out(`  Now managed by ${e.payload.to_member} (was ${e.payload.from_member ?? 'nobody named'}).\n`);
  }
}

export function cardCommand(io: Io): Command {
  const card = new Command('card').description('give a yellow card (a warning) or a red card (the decision to end it)');

  stepOptions(
    card
      .command('yellow')
      .description('warn the client explicitly and record what was said and how (D4)')
      .argument('<client>', 'client name (or part of it) or id')
      .addOption(new Option('--channel <channel>', 'how it was said').choices(CARD_CHANNELS).makeOptionMandatory())
      .requiredOption('--said <text>', 'what you told the client, including what happens if it repeats'),
  ).action(async (ref: string, options: StepFlags & { channel: CardChannel; said: string }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const client = await resolveClient(deps, workspace.id, ref);
      const result = await issueYellowCard(deps, {
        workspaceId: workspace.id,
        clientId: client.id,
        channel: options.channel,
        said: options.said,
        date: options.date,
        note: options.note,
        actor: options.actor,
      });
      printStep(io, options.json, client.name, result);
    });
  });

  stepOptions(
    card
      .command('red')
      .description('decide to end the relationship; without a prior yellow card only by rules 1-2 (D1, D2) or with --override')
      .argument('<client>', 'client name (or part of it) or id')
      .option('--override <reason>', 'skip the yellow card, and write why')
      .addOption(new Option('--channel <channel>', 'how it was said, if it was').choices(CARD_CHANNELS))
      .option('--said <text>', 'what you told the client', ''),
  ).action(async (ref: string, options: StepFlags & { override?: string; channel?: CardChannel; said: string }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const client = await resolveClient(deps, workspace.id, ref);
      const result = await issueRedCard(deps, {
        workspaceId: workspace.id,
        clientId: client.id,
        channel: options.channel,
        said: options.said,
        override_reason: options.override,
        date: options.date,
        note: options.note,
        actor: options.actor,
      });
      printStep(io, options.json, client.name, result);
    });
  });

  return card;
}
