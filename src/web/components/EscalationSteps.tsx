/**
 * The escalation steps of the client page (issue 4): one button per step the state machine knows,
 * judged by the server for this client now (GET .../steps). An allowed step opens its dialog; a
 * refused one stays visible but inert, and says why (tooltip and accessible description). Steps
 * that cannot apply from the current status at all (ending a client that is not exiting, say) are
 * left out so the row stays short; so is reassignment without a team to move the client within.
 */
import { Button, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowsExchange,
  IconDoorExit,
  IconEye,
  IconLock,
  IconLockOpen,
  IconRectangleVertical,
  IconRectangleVerticalFilled,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSteps } from '../../contracts/events.js';
import { type EscalationEventType, REASON_MIN_CHARS } from '../../core/escalation/machine.js';
import type { ClientStatus } from '../../core/vocabulary.js';
import { api, keys } from '../api/client.js';

type StepOption = ClientSteps['steps'][number];

const ICON: Record<EscalationEventType, ReactNode> = {
  watch: <IconEye size={16} aria-hidden />,
  yellow_card: <IconRectangleVertical size={16} color="var(--mantine-color-yellow-6)" aria-hidden />,
  reassign: <IconArrowsExchange size={16} aria-hidden />,
  red_card: <IconRectangleVerticalFilled size={16} color="var(--mantine-color-red-7)" aria-hidden />,
  end: <IconDoorExit size={16} aria-hidden />,
  close: <IconLock size={16} aria-hidden />,
  reopen: <IconLockOpen size={16} aria-hidden />,
  back_to_active: <IconArrowBackUp size={16} aria-hidden />,
};

/** Shown even when refused (with the reason): the steps a user looks for on any client. */
const ALWAYS_SHOWN: ReadonlySet<EscalationEventType> = new Set(['watch', 'yellow_card', 'red_card']);

/** Whether a step has a place in the row for this client. */
export function isShown(option: StepOption): boolean {
  if (option.allowed || ALWAYS_SHOWN.has(option.event)) return true;
  // Reassignment is a step of its own whenever there is a team, so a refusal is worth reading then.
  return option.event === 'reassign' && option.refusal !== 'no_team';
}

function StepButton({ option, status, onOpen }: { option: StepOption; status: ClientStatus; onOpen: () => void }) {
  const { t } = useTranslation();
  const describedBy = useId();
  const label = t(`step.${option.event}`);
  if (option.allowed) {
    return (
      <Button variant="default" leftSection={ICON[option.event]} onClick={onOpen} data-step={option.event}>
        {label}
      </Button>
    );
  }
  const why = t(`refusal.${option.refusal ?? 'not_allowed_from_status'}`, {
    min: REASON_MIN_CHARS,
    status: t(`status.${status}`),
  });

  // Not `disabled`: a disabled button gets no pointer events, so its tooltip could never show.
  return (
    <>
      <Tooltip label={why} multiline w={300} withArrow>
        <Button
          variant="default"
          leftSection={ICON[option.event]}
          data-disabled
          aria-disabled="true"
          aria-describedby={describedBy}
          data-step={option.event}
          onClick={(e) => e.preventDefault()}
        >
          {label}
        </Button>
      </Tooltip>
      <VisuallyHidden id={describedBy}>{why}</VisuallyHidden>
    </>
  );
}

export function EscalationSteps(props: {
  workspaceId: string;
  clientId: string;
  onOpen: (option: StepOption, steps: ClientSteps) => void;
}) {
  const query = useQuery({
    queryKey: keys.steps(props.workspaceId, props.clientId),
    queryFn: () => api.escalation.steps(props.workspaceId, props.clientId),
  });
  const steps = query.data;
  if (!steps) return null;

  return (
    <>
      {steps.steps.filter(isShown).map((option) => (
        <StepButton key={option.event} option={option} status={steps.status} onOpen={() => props.onOpen(option, steps)} />
      ))}
    </>
  );
}
