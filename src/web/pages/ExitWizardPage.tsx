/**
 * The exit wizard (issue 5; UI.md "Exit wizard"): contract check, path, dates, steps, handover
 * inventory, referral, money, review, then save. Every step is validated before the next one;
 * the plan shown is the server's preview of exactly what saving would store, so the dates, money
 * and warnings are the core's, never recomputed here. Started from the client page.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ExitPlanPreview, SaveExitPlanRequest } from '../../contracts/exit-plan.js';
import { isIsoDate } from '../../core/dates.js';
import { REASON_MIN_CHARS } from '../../core/escalation/machine.js';
import { EXIT_PATHS, type ExitPath } from '../../core/exit/types.js';
import { LIMITS } from '../../core/limits.js';
import { api, isApiError, keys } from '../api/client.js';
import { exitPlanApi, exitPlanKeys } from '../api/exit-plans.js';
import { useAssessment } from '../components/assessment.js';
import { ownerWords, useSavedExitPlan } from '../components/ExitChecklist.js';
import { HandoverAddForm, type HandoverLine, HandoverList } from '../components/ExitChecklistHandover.js';
import { Fact } from '../components/panels.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { useExitText, useMoneyText } from '../lib/exit-text.js';
import { formatDate } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { describeError, notifySuccess } from '../lib/notify.js';

const STEP_NAMES = ['contract', 'path', 'dates', 'steps', 'handover', 'referral', 'money', 'review'] as const;

interface Adjustment {
  due?: string;
  owner?: string;
}

export function ExitWizardPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const detail = useQuery({ queryKey: keys.client(workspaceId, clientId), queryFn: () => api.clients.get(workspaceId, clientId) });
  const assessment = useAssessment(workspaceId, clientId);
  const saved = useSavedExitPlan(workspaceId, clientId);
  useDocumentTitle(detail.data ? `${t('exitPlan.wizard.title')} · ${detail.data.client.name} · RedCard` : 'RedCard');

  if (detail.isPending || assessment.isPending || saved.isPending) return <PageLoader />;
  const error = detail.error ?? assessment.error ?? saved.error;
  if (error || !detail.data || !assessment.data || saved.data === undefined)
    return <LoadError error={error} onRetry={() => void Promise.all([detail.refetch(), assessment.refetch(), saved.refetch()])} />;

  const a = assessment.data;
  const recommended: ExitPath | null = a.recommendation === 'red_card' ? a.path : a.recommendation === 'reassign' ? 'reassign' : null;

  return (
    <Wizard
      workspaceId={workspaceId}
      clientId={clientId}
      clientName={detail.data.client.name}
      exiting={detail.data.client.status === 'exiting'}
      recommended={recommended}
      recommendation={a.recommendation}
      today={a.today}
      saved={saved.data}
    />
  );
}

function Wizard(props: {
  workspaceId: string;
  clientId: string;
  clientName: string;
  exiting: boolean;
  recommended: ExitPath | null;
  recommendation: string;
  today: string;
  saved: ReturnType<typeof useSavedExitPlan>['data'];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { workspaceId, clientId, saved, recommended } = props;
  const phone = useMediaQuery('(max-width: 40em)');
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const clientUrl = `/clients/${clientId}`;

  const [confirmed, setConfirmed] = useState(Boolean(saved) || props.exiting || props.recommendation === 'red_card');
  const [active, setActive] = useState(0);
  const [reached, setReached] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const [path, setPath] = useState<ExitPath | null>(saved?.path ?? recommended);
  const [pathReason, setPathReason] = useState(saved?.path_reason ?? '');
  const [tellOn, setTellOn] = useState(saved?.tell_on ?? '');
  const [adjust, setAdjust] = useState<Record<string, Adjustment>>(() =>
    Object.fromEntries((saved?.steps ?? []).filter((s) => s.adjusted).map((s) => [s.key, { due: s.due ?? undefined, owner: s.owner }])),
  );
  const [lines, setLines] = useState<HandoverLine[]>([]);
  const [referralMode, setReferralMode] = useState<'colleague' | 'resources_only' | null>(saved?.referral.mode ?? null);
  const [referralChecked, setReferralChecked] = useState(saved?.referral.checked_first ?? false);
  const [referralNote, setReferralNote] = useState(saved?.referral.note ?? '');

  const adjustments = useMemo(
    () =>
      Object.entries(adjust)
        .map(([key, v]) => ({
          key,
          ...(v.due && isIsoDate(v.due) ? { due: v.due } : {}),
          ...(v.owner?.trim() ? { owner: v.owner.trim() } : {}),
        }))
        .filter((v) => v.due !== undefined || v.owner !== undefined),
    [adjust],
  );
  const previewBody: SaveExitPlanRequest | null = path
    ? { path, ...(tellOn && isIsoDate(tellOn) ? { tell_on: tellOn } : {}), steps: adjustments }
    : null;
  const preview = useQuery({
    queryKey: exitPlanKeys.preview(workspaceId, clientId, previewBody),
    queryFn: () => exitPlanApi.preview(workspaceId, clientId, previewBody as SaveExitPlanRequest),
    enabled: previewBody !== null && confirmed,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const plan = preview.data?.plan;
  const previewError = preview.error && isApiError(preview.error) ? preview.error : null;
  const fieldError = (prefix: string) =>
    previewError?.fieldErrors.find((e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`))
      ?.message ?? null;

  // The referral defaults to what the plan allows, once the plan is known.
  useEffect(() => {
    if (referralMode === null && plan) setReferralMode(plan.referral.mode === 'colleague' ? 'colleague' : 'resources_only');
  }, [plan, referralMode]);

  const save = useMutation({
    mutationFn: () =>
      exitPlanApi.save(workspaceId, clientId, {
        path: path as ExitPath,
        ...(pathReason.trim() && path !== recommended ? { path_reason: pathReason.trim() } : {}),
        ...(tellOn ? { tell_on: tellOn } : {}),
        steps: adjustments,
        handover: lines.map((l) => ({ kind: l.kind, label: l.label, state: l.state, note: l.note })),
        ...(referralMode ? { referral: { mode: referralMode, checked_first: referralChecked, note: referralNote } } : {}),
      }),
    onSuccess: async () => {
      notifySuccess(t('exitPlan.wizard.saved'));
      await queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] });
      navigate(clientUrl);
    },
  });

  const blocked = plan ? plan.path !== 'reassign' && plan.contract_check.may_terminate !== true && plan.contract_check.written : false;

  /** What keeps the user on a step, translated; null when the step is complete. */
  const stepError = (index: number): string | null => {
    switch (STEP_NAMES[index]) {
      case 'contract':
        return plan ? null : t('exitPlan.wizard.waitPlan');
      case 'path':
        if (!path) return t('exitPlan.path.choose');
        if (path !== recommended && pathReason.trim().length < REASON_MIN_CHARS)
          return t('exitPlan.path.reasonNeeded', { min: REASON_MIN_CHARS });
        if (pathReason.length > LIMITS.noteMax) return t('errors.tooLong', { max: LIMITS.noteMax });
        return null;
      case 'dates':
        if (tellOn && !isIsoDate(tellOn)) return t('errors.date');
        if (tellOn && tellOn < props.today) return t('exitPlan.dates.notPast', { date: formatDate(props.today, lang) });
        return fieldError('tell_on');
      case 'steps': {
        for (const [key, v] of Object.entries(adjust)) {
          if (v.due !== undefined && v.due !== '' && !isIsoDate(v.due)) return `${key}: ${t('errors.date')}`;
          if (v.owner !== undefined && v.owner.trim() === '') return t('exitPlan.steps.ownerRequired');
        }
        return fieldError('steps');
      }
      case 'referral':
        if (referralMode === 'colleague' && plan?.referral.mode !== 'colleague') return t('exitPlan.referral.notAllowed');
        if (referralMode === 'colleague' && !referralChecked) return t('exitPlan.referral.checkFirst');
        return null;
      default:
        return null;
    }
  };

  const go = (to: number) => {
    if (to > active) {
      for (let i = active; i < to; i++) {
        if (stepError(i)) {
          setActive(i);
          setShowErrors(true);
          return;
        }
      }
    }
    setShowErrors(false);
    setActive(to);
    setReached((r) => Math.max(r, to));
    window.scrollTo({ top: 0 });
  };
  const currentError = stepError(active);

  if (!confirmed)
    return (
      <Stack gap="md" maw={720}>
        <BackLink href={clientUrl} />
        <Title order={1} size="h2">
          {t('exitPlan.wizard.title')}: {props.clientName}
        </Title>
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title={t('exitPlan.offer.confirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('exitPlan.wizard.notRecommended', { recommendation: t(`recommendation.${props.recommendation}`) })}</Text>
            <Group>
              <Button onClick={() => setConfirmed(true)}>{t('exitPlan.offer.confirm')}</Button>
              <Button variant="default" component={Link} href={clientUrl}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Stack>
    );

  const labels = STEP_NAMES.map((s) => t(`exitPlan.wizard.step.${s}`));

  return (
    <Stack gap="md" maw={1040}>
      <BackLink href={clientUrl} />
      <div>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {t('exitPlan.wizard.title')}: {props.clientName}
        </Title>
        {saved && (
          <Text size="sm" c="dimmed">
            {t('exitPlan.wizard.replacing')}
          </Text>
        )}
      </div>
      <Stepper
        active={active}
        onStepClick={(i) => (i <= reached ? go(i) : undefined)}
        allowNextStepsSelect={false}
        size={phone ? 'xs' : 'sm'}
        labelPosition={phone ? 'right' : 'bottom'}
        wrap
        styles={phone ? { stepBody: { display: 'none' }, step: { padding: 0 }, separator: { marginInline: 4 } } : undefined}
      >
        {labels.map((label, i) => (
          <Stepper.Step key={STEP_NAMES[i]} label={label} aria-label={label} allowStepSelect={i <= reached} />
        ))}
      </Stepper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="wizard-step-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="wizard-step-title">
            {t('exitPlan.wizard.stepOf', { n: active + 1, total: STEP_NAMES.length })}: {labels[active]}
          </Title>
          {preview.isPending && previewBody ? (
            <Skeleton height={160} />
          ) : !plan ? (
            <StepPath
              path={path}
              setPath={setPath}
              recommended={recommended}
              recommendation={props.recommendation}
              reason={pathReason}
              setReason={setPathReason}
            />
          ) : (
            <>
              {STEP_NAMES[active] === 'contract' && <StepContract preview={preview.data as ExitPlanPreview} blocked={blocked} />}
              {STEP_NAMES[active] === 'path' && (
                <StepPath
                  path={path}
                  setPath={setPath}
                  recommended={recommended}
                  recommendation={props.recommendation}
                  reason={pathReason}
                  setReason={setPathReason}
                />
              )}
              {STEP_NAMES[active] === 'dates' && (
                <StepDates
                  preview={preview.data as ExitPlanPreview}
                  blocked={blocked}
                  tellOn={tellOn}
                  setTellOn={setTellOn}
                  today={props.today}
                />
              )}
              {STEP_NAMES[active] === 'steps' && (
                <StepSteps preview={preview.data as ExitPlanPreview} adjust={adjust} setAdjust={setAdjust} />
              )}
              {STEP_NAMES[active] === 'handover' && (
                <StepHandover lines={lines} setLines={setLines} savedCount={saved?.handover.length ?? 0} />
              )}
              {STEP_NAMES[active] === 'referral' && (
                <StepReferral
                  preview={preview.data as ExitPlanPreview}
                  mode={referralMode}
                  setMode={setReferralMode}
                  checked={referralChecked}
                  setChecked={setReferralChecked}
                  note={referralNote}
                  setNote={setReferralNote}
                />
              )}
              {STEP_NAMES[active] === 'money' && <StepMoney preview={preview.data as ExitPlanPreview} />}
              {STEP_NAMES[active] === 'review' && (
                <StepReview
                  preview={preview.data as ExitPlanPreview}
                  path={path as ExitPath}
                  reason={path !== recommended ? pathReason : ''}
                  adjusted={adjustments.length}
                  lines={lines.length}
                  referral={referralMode}
                  replaces={Boolean(saved)}
                />
              )}
            </>
          )}
          {previewError && !fieldError('tell_on') && !fieldError('steps') && (
            <Alert color="red" title={describeError(previewError).title}>
              {describeError(previewError).message}
            </Alert>
          )}
          {showErrors && currentError && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {currentError}
            </Alert>
          )}
          {save.error && (
            <Alert color="red" title={describeError(save.error).title} role="alert">
              <Text size="sm">{describeError(save.error).message}</Text>
              {isApiError(save.error) && save.error.fieldErrors.length > 0 && (
                <List size="sm">
                  {save.error.fieldErrors.map((e) => (
                    <List.Item key={`${e.path}${e.message}`}>
                      {e.path}: {e.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
              {t('exitPlan.wizard.back')}
            </Button>
            {active < STEP_NAMES.length - 1 ? (
              <Button onClick={() => go(active + 1)}>{t('exitPlan.wizard.next')}</Button>
            ) : (
              <Button
                color="red"
                leftSection={<IconCheck size={16} aria-hidden />}
                loading={save.isPending}
                onClick={() => save.mutate()}
                disabled={!plan}
              >
                {t('exitPlan.wizard.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function BackLink({ href }: { href: string }) {
  const { t } = useTranslation();

  return (
    <Anchor component={Link} href={href} size="sm" style={{ alignSelf: 'flex-start' }}>
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('exitPlan.wizard.backToClient')}
      </Group>
    </Anchor>
  );
}

function Warnings({ plan }: { plan: ExitPlanPreview['plan'] }) {
  const { t } = useTranslation();
  const { text } = useExitText();
  if (plan.warnings.length === 0) return null;

  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('exitPlan.wizard.warnings')}>
      <List size="sm" spacing={4}>
        {plan.warnings.map((w, i) => (
          <List.Item key={w}>{text(plan.warnings_i18n?.[i], w)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function yesNoUnknown(value: boolean | null, t: (k: string) => string): ReactNode {
  if (value === null)
    return (
      <Badge color="orange" variant="light" size="sm">
        {t('exitPlan.contract.unknown')}
      </Badge>
    );

  return (
    <Badge color={value ? 'teal' : 'red'} variant="light" size="sm">
      {value ? t('common.yes') : t('common.no')}
    </Badge>
  );
}

function StepContract({ preview, blocked }: { preview: ExitPlanPreview; blocked: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = preview.plan.contract_check;
  const { text } = useExitText();
  const notice = (n: { amount: number; unit: string } | null) =>
    n ? t(`plural.${n.unit}`, { count: n.amount }) : t('exitPlan.contract.none');

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('exitPlan.contract.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Fact label={t('exitPlan.contract.written')}>{yesNoUnknown(c.written, t)}</Fact>
        <Fact label={t('exitPlan.contract.mayTerminate')}>
          {c.written ? yesNoUnknown(c.may_terminate, t) : t('exitPlan.contract.nothingWritten')}
        </Fact>
        <Fact label={t('exitPlan.contract.notice')}>{notice(c.notice)}</Fact>
        <Fact label={t('exitPlan.contract.noticeUsed')}>{notice(c.notice_used)}</Fact>
        <Fact label={t('exitPlan.contract.penalty')}>
          {c.penalty
            ? `${formatMoney(c.penalty.amount_minor, preview.plan.money.currency, lang)} ${c.penalty.description}`
            : t('exitPlan.contract.none')}
        </Fact>
        <Fact label={t('exitPlan.contract.ends')}>{c.ends ? formatDate(c.ends, lang) : t('exitPlan.contract.none')}</Fact>
      </SimpleGrid>
      <Alert
        color={preview.plan.lawyer_first ? 'orange' : 'teal'}
        variant="light"
        title={preview.plan.lawyer_first ? t('exitPlan.contract.lawyerFirst') : t('exitPlan.contract.noLawyer')}
      >
        {preview.plan.lawyer_first && (
          <List size="sm" spacing={4}>
            {preview.plan.lawyer_reasons.map((r) => (
              <List.Item key={r.code}>
                {t(`exitPlan.lawyerReason.${r.code}`)} ({r.rule})
              </List.Item>
            ))}
          </List>
        )}
        {preview.plan.lawyer_first && !blocked && (
          <Text size="sm" mt="xs">
            {t('exitPlan.contract.lawyerTiming')}
          </Text>
        )}
      </Alert>
      {blocked && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('exitPlan.contract.blockedTitle')}
          data-testid="contract-blocked"
        >
          <Text size="sm">{t('exitPlan.contract.blocked')}</Text>
        </Alert>
      )}
      {c.to_find_out.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('exitPlan.contract.toFindOut')}
          </Text>
          <List size="sm" spacing={4}>
            {c.to_find_out.map((x, i) => (
              <List.Item key={x}>{text(c.to_find_out_i18n?.[i], x)}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}

function StepPath(props: {
  path: ExitPath | null;
  setPath: (p: ExitPath) => void;
  recommended: ExitPath | null;
  recommendation: string;
  reason: string;
  setReason: (r: string) => void;
}) {
  const { t } = useTranslation();
  const needsReason = props.path !== null && props.path !== props.recommended;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {props.recommended
          ? t('exitPlan.path.fromAssessment', { path: t(`exitPath.${props.recommended}`) })
          : t('exitPlan.path.noRecommendation', { recommendation: t(`recommendation.${props.recommendation}`) })}
      </Text>
      <Radio.Group value={props.path} onChange={(v) => props.setPath(v as ExitPath)} label={t('exitPlan.path.label')}>
        <Stack gap="xs" mt="xs">
          {EXIT_PATHS.map((p) => (
            <Paper key={p} withBorder p="sm" radius="sm">
              <Radio
                value={p}
                label={
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {t(`exitPath.${p}`)}
                    </Text>
                    {p === props.recommended && (
                      <Badge size="xs" variant="light" color="indigo">
                        {t('exitPlan.path.recommended')}
                      </Badge>
                    )}
                  </Group>
                }
                description={t(`exitPlan.path.describe.${p}`)}
              />
            </Paper>
          ))}
        </Stack>
      </Radio.Group>
      {needsReason && (
        <Textarea
          label={t('exitPlan.path.reason')}
          description={t('exitPlan.reasonHint', { min: REASON_MIN_CHARS })}
          value={props.reason}
          onChange={(e) => props.setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
      )}
    </Stack>
  );
}

function StepDates(props: { preview: ExitPlanPreview; blocked: boolean; tellOn: string; setTellOn: (v: string) => void; today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = props.preview.plan;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Fact label={t('plan.tellClient')}>
          <Text fw={700} size="lg" data-testid="tell-date">
            {p.tell_client_on ? formatDate(p.tell_client_on, lang) : t('plan.notYet')}
          </Text>
        </Fact>
        <Fact label={t('plan.workEnds')}>
          <Text fw={700} size="lg" data-testid="end-date">
            {p.work_ends_on ? formatDate(p.work_ends_on, lang) : t('plan.notScheduled')}
          </Text>
        </Fact>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t(`exitPlan.dates.rule.${p.path}`)}
      </Text>
      <TextInput
        type="date"
        label={t('exitPlan.dates.tellOn')}
        description={props.blocked ? t('exitPlan.dates.blocked') : t('exitPlan.dates.tellOnHint')}
        value={props.tellOn}
        min={props.today}
        disabled={props.blocked}
        onChange={(e) => props.setTellOn(e.currentTarget.value)}
        maw={260}
      />
      {props.tellOn && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => props.setTellOn('')}>
            {t('exitPlan.dates.useComputed')}
          </Button>
        </Group>
      )}
      <Warnings plan={p} />
    </Stack>
  );
}

function StepSteps(props: {
  preview: ExitPlanPreview;
  adjust: Record<string, Adjustment>;
  setAdjust: (f: (a: Record<string, Adjustment>) => Record<string, Adjustment>) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const set = (key: string, patch: Adjustment) => props.setAdjust((a) => ({ ...a, [key]: { ...a[key], ...patch } }));
  const { stepTitle } = useExitText();

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('exitPlan.steps.intro')}
      </Text>
      {props.preview.steps.map((s) => {
        const a = props.adjust[s.key] ?? {};
        const title = stepTitle(s.title, props.preview.plan.steps.find((p) => p.id === s.key)?.title_i18n);

        return (
          <Paper key={s.key} withBorder p="sm" radius="sm" data-testid="wizard-step" data-step-key={s.key}>
            <Stack gap={6}>
              <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
                <Text size="sm" fw={500}>
                  {title}
                </Text>
                <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                  {s.rule}
                </Badge>
              </Group>
              {s.done && (
                <Text size="xs" c="teal.8">
                  {t('exitPlan.steps.alreadyDone')}
                </Text>
              )}
              <Group gap="xs" wrap="wrap" align="flex-start">
                <TextInput
                  type="date"
                  size="xs"
                  label={t('exitPlan.steps.due')}
                  aria-label={`${t('exitPlan.steps.due')}: ${title}`}
                  value={a.due ?? s.due ?? ''}
                  disabled={s.due === null && a.due === undefined}
                  description={s.due === null && a.due === undefined ? t('exitPlan.steps.waits') : undefined}
                  onChange={(e) => set(s.key, { due: e.currentTarget.value })}
                  w={{ base: '100%', xs: 170 }}
                />
                <TextInput
                  size="xs"
                  label={t('exitPlan.steps.owner')}
                  aria-label={`${t('exitPlan.steps.owner')}: ${title}`}
                  value={a.owner ?? ownerWords(s.owner, t)}
                  onChange={(e) => set(s.key, { owner: e.currentTarget.value })}
                  w={{ base: '100%', xs: 200 }}
                />
              </Group>
              {s.due && a.due && a.due !== s.due && (
                <Text size="xs" c="dimmed">
                  {t('exitPlan.steps.moved', { date: formatDate(s.due, lang) })}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function StepHandover({
  lines,
  setLines,
  savedCount,
}: {
  lines: HandoverLine[];
  setLines: (f: (l: HandoverLine[]) => HandoverLine[]) => void;
  savedCount: number;
}) {
  const { t } = useTranslation();

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('exitPlan.handover.intro')}
      </Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">{t('exitPlan.handover.noSecrets')}</Text>
      </Alert>
      {savedCount > 0 && <Text size="sm">{t('exitPlan.handover.savedLines', { count: savedCount })}</Text>}
      <HandoverList
        lines={lines}
        onState={(i, state) => setLines((l) => l.map((x, j) => (j === i ? { ...x, state } : x)))}
        onRemove={(i) => setLines((l) => l.filter((_, j) => j !== i))}
      />
      <HandoverAddForm
        onAdd={(line) => {
          setLines((l) => [...l, line]);

          return true;
        }}
      />
    </Stack>
  );
}

function StepReferral(props: {
  preview: ExitPlanPreview;
  mode: 'colleague' | 'resources_only' | null;
  setMode: (m: 'colleague' | 'resources_only') => void;
  checked: boolean;
  setChecked: (v: boolean) => void;
  note: string;
  setNote: (v: string) => void;
}) {
  const { t } = useTranslation();
  const r = props.preview.plan.referral;
  const { text } = useExitText();
  const allowed = r.mode === 'colleague';

  return (
    <Stack gap="md">
      <Alert
        color={allowed ? 'teal' : 'orange'}
        variant="light"
        title={allowed ? t('exitPlan.referral.allowed') : t('exitPlan.referral.resourcesOnly')}
      >
        <List size="sm">
          {r.reasons.map((x, i) => (
            <List.Item key={x}>{text(r.reasons_i18n?.[i], x)}</List.Item>
          ))}
        </List>
      </Alert>
      <Radio.Group
        value={props.mode}
        onChange={(v) => props.setMode(v as 'colleague' | 'resources_only')}
        label={t('exitPlan.referral.label')}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="colleague"
            label={t('exitPlan.referral.colleague')}
            disabled={!allowed}
            description={allowed ? undefined : t('exitPlan.referral.notAllowed')}
          />
          <Radio value="resources_only" label={t('exitPlan.referral.resources')} />
        </Stack>
      </Radio.Group>
      {props.mode === 'colleague' && (
        <Checkbox
          label={t('exitPlan.referral.checked')}
          checked={props.checked}
          onChange={(e) => props.setChecked(e.currentTarget.checked)}
        />
      )}
      <TextInput
        label={props.mode === 'colleague' ? t('exitPlan.referral.who') : t('exitPlan.referral.which')}
        value={props.note}
        onChange={(e) => props.setNote(e.currentTarget.value)}
        maxLength={1000}
      />
    </Stack>
  );
}

function StepMoney({ preview }: { preview: ExitPlanPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const m = preview.plan.money;
  const money = (minor: number) => formatMoney(minor, m.currency, lang);
  const { text } = useExitText();
  const moneyText = useMoneyText();

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Fact label={t('plan.owed')}>{money(m.owed_to_you_minor)}</Fact>
        <Fact label={t('exitPlan.money.overdue')}>{money(m.overdue_minor)}</Fact>
        <Fact label={t('plan.interest')}>{money(m.interest_minor)}</Fact>
        <Fact label={t('plan.compensation')}>{money(m.compensation_minor)}</Fact>
        <Fact label={t('plan.refund')}>{money(m.refund_minor)}</Fact>
        <Fact label={t('exitPlan.money.finalInvoice')}>{money(m.final_invoice_minor)}</Fact>
      </SimpleGrid>
      {m.per_invoice.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder fz="sm" aria-label={t('exitPlan.money.invoices')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exitPlan.money.invoice')}</Table.Th>
                <Table.Th>{t('exitPlan.money.due')}</Table.Th>
                <Table.Th ta="right">{t('exitPlan.money.owed')}</Table.Th>
                <Table.Th ta="right">{t('exitPlan.money.daysOverdue')}</Table.Th>
                <Table.Th ta="right">{t('plan.interest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.per_invoice.map((inv) => (
                <Table.Tr key={inv.number}>
                  <Table.Td>{inv.number}</Table.Td>
                  <Table.Td>{formatDate(inv.due, lang)}</Table.Td>
                  <Table.Td ta="right">{money(inv.owed_minor)}</Table.Td>
                  <Table.Td ta="right" c={inv.days_overdue > 0 ? 'red.8' : undefined}>
                    {inv.days_overdue}
                  </Table.Td>
                  <Table.Td ta="right">{money(inv.interest_minor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {m.interest_rule && (
        <Text size="xs" c="dimmed">
          {t('exitPlan.money.law', { law: moneyText(m.interest_rule.law_i18n, m.interest_rule.law) })}
        </Text>
      )}
      {preview.plan.collection && (
        <div>
          <Text size="sm" fw={600}>
            {t('exitPlan.money.collection')}
          </Text>
          <List size="sm" spacing={4}>
            {preview.plan.collection.map((c) => (
              <List.Item key={c.id}>
                {formatDate(c.due, lang)}: {text(c.title_i18n, c.title)}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {m.notes.length > 0 && (
        <List size="xs" c="dimmed" spacing={2}>
          {m.notes.map((n, i) => (
            <List.Item key={n}>{moneyText(m.notes_i18n?.[i], n)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function StepReview(props: {
  preview: ExitPlanPreview;
  path: ExitPath;
  reason: string;
  adjusted: number;
  lines: number;
  referral: 'colleague' | 'resources_only' | null;
  replaces: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = props.preview.plan;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Fact label={t('exitPlan.wizard.step.path')}>{t(`exitPath.${props.path}`)}</Fact>
        <Fact label={t('plan.lawyerFirst')}>{p.lawyer_first ? t('common.yes') : t('common.no')}</Fact>
        <Fact label={t('plan.tellClient')}>{p.tell_client_on ? formatDate(p.tell_client_on, lang) : t('plan.notYet')}</Fact>
        <Fact label={t('plan.workEnds')}>{p.work_ends_on ? formatDate(p.work_ends_on, lang) : t('plan.notScheduled')}</Fact>
        <Fact label={t('exitPlan.review.steps')}>
          {t('exitPlan.review.stepsCount', { count: props.preview.steps.length, adjusted: props.adjusted })}
        </Fact>
        <Fact label={t('exitPlan.handover.title')}>{t('exitPlan.review.lines', { count: props.lines })}</Fact>
        <Fact label={t('exitPlan.wizard.step.referral')}>
          {props.referral === 'colleague' ? t('exitPlan.referral.colleague') : t('exitPlan.referral.resources')}
        </Fact>
        <Fact label={t('plan.owed')}>{formatMoney(p.money.owed_to_you_minor, p.money.currency, lang)}</Fact>
      </SimpleGrid>
      {props.reason && <Text size="sm">{t('exitPlan.checklist.pathReason', { reason: props.reason })}</Text>}
      <Warnings plan={p} />
      {props.replaces && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('exitPlan.review.replaces')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
