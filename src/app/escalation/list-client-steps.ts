/**
 * Where a client stands in the escalation and every step judged as things are now: the client
 * page offers the allowed ones, disables the others with the refusal as the reason, and asks for
 * what each guard needs. The same machine and the same facts as the steps themselves (the cards,
 * the team the records name, the assessment on today), so the page offers nothing a step refuses.
 */
import type { ClientSteps } from '../../contracts/events.js';
import { assess } from '../../core/assessment/assess.js';
import { availableSteps, type EscalationState, explainRefusal } from '../../core/escalation/machine.js';
import { TEAM_NAMES_LIMIT, teamOf } from '../../core/escalation/team.js';
import { exportCase } from '../case-files.js';
import { requireClient, requireWorkspace } from '../context.js';
import type { Deps } from '../ports.js';
import type { StepTarget } from './step.js';

export type ListClientStepsOptions = StepTarget;

export async function listClientSteps(deps: Pick<Deps, 'store' | 'clock'>, options: ListClientStepsOptions): Promise<ClientSteps> {
  const { workspaceId, clientId } = options;
  const record = await exportCase(deps, workspaceId, clientId);
  const today = record.today ?? '';
  const assessment = assess(record, { today });

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    const client = await requireClient(tx, workspaceId, clientId);
    const cards = await tx.listCards(workspaceId, clientId);
    const team = teamOf(await tx.listMemberNames(workspaceId, clientId, TEAM_NAMES_LIMIT));
    const state: EscalationState = {
      status: client.status,
      yellowCardGiven: cards.some((c) => c.color === 'yellow' && c.date <= today),
    };
    const steps = availableSteps(state, {
      providerKind: workspace.provider_kind,
      teamSize: team.length,
      currentMember: client.manager,
      assessment,
    }).map((s) => ({ ...s, message: s.refusal === null ? null : explainRefusal(s.refusal, state, s.event) }));

    return {
      status: client.status,
      yellow_card_given: state.yellowCardGiven,
      manager: client.manager,
      team,
      recommendation: assessment.recommendation,
      steps,
    };
  });
}
