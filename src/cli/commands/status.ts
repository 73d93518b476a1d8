/**
 * `redcard status CLIENT`: where the relationship stands, its history and the steps possible now.
 * `redcard status CLIENT EVENT`: take a step (watch, reassign --to, end, close, reopen --reason,
 * back_to_active). Cards have their own command: `redcard card yellow|red`.
 */
import { Argument, Command } from 'commander';
import { resolveClient } from '../../app/clients.js';
import { changeStatus } from '../../app/escalation/change-status.js';
import { listClientEvents } from '../../app/escalation/list-client-events.js';
import { reassignClient } from '../../app/escalation/reassign-client.js';
import { describeClientEvent } from '../../contracts/events.js';
import { DomainError } from '../../core/errors.js';
import { allowedEvents, describeStatus, STATUS_EVENTS, type StatusEventType } from '../../core/escalation/machine.js';
import { type Io, printJson, type StoreOptions, table, withWorkspace } from '../io.js';
import { printStep, stepOptions } from './card.js';

const STEPS = [...STATUS_EVENTS, 'reassign', 'yellow_card', 'red_card'] as const;
type Step = (typeof STEPS)[number];

export function statusCommand(io: Io): Command {
  return stepOptions(
    new Command('status')
      .description("show a client's escalation status and history, or take a step")
      .argument('<client>', 'client name (or part of it) or id')
      .addArgument(new Argument('[event]', 'the step to take').choices(STEPS))
      .option('--reason <text>', 'why (needed to reopen, or to go back to active from a red card)')
      .option('--to <member>', 'with reassign: the team member who takes the client over'),
  ).action(
    async (
      ref: string,
      event: Step | undefined,
      options: StoreOptions & { date?: string; note: string; actor?: string; reason?: string; to?: string },
    ) => {
      await withWorkspace(io, options, async (deps, workspace) => {
        const client = await resolveClient(deps, workspace.id, ref);
        const target = { workspaceId: workspace.id, clientId: client.id };
        const common = { date: options.date, note: options.note, actor: options.actor };

        if (event === undefined) {
          const events = await listClientEvents(deps, target);
          const allowed = allowedEvents(client.status);
          if (options.json) {
            printJson(io, { client, status: client.status, allowed_events: allowed, events });

            return;
          }
          io.out(`${client.name}: ${describeStatus(client.status)}${client.manager ? `, managed by ${client.manager}` : ''}\n`);
          io.out(`Possible steps: ${allowed.length > 0 ? allowed.join(', ') : 'none'}\n`);
          if (events.length === 0) io.out('No escalation steps recorded yet.\n');
          else {
            io.out('\n');
            const rows = [...events]
              .reverse()
              .map((e) => [String(e.seq), e.date, e.actor, describeClientEvent(e) + (e.note ? ` (${e.note})` : '')]);
            io.out(table([['#', 'DATE', 'BY', 'WHAT'], ...rows]));
          }

          return;
        }
        if (event === 'yellow_card' || event === 'red_card') {
          throw new DomainError(
            'VALIDATION_FAILED',
            `Cards have their own command: redcard card ${event === 'yellow_card' ? 'yellow' : 'red'} "${client.name}".`,
            { issues: [{ path: 'event', message: 'use redcard card yellow|red' }] },
          );
        }
        const result =
          event === 'reassign'
            ? await reassignClient(deps, { ...target, ...common, to_member: options.to ?? '' })
            : await changeStatus(deps, { ...target, ...common, event: event satisfies StatusEventType, reason: options.reason });
        printStep(io, options.json, client.name, result);
      });
    },
  );
}
