/**
 * The contract clause page (issue 8, C4): answer a few questions, see the clause written live in
 * the chosen language, copy it or download it as .docx or .txt. The template-not-legal-advice
 * notice stands above the preview and opens every export.
 */
import {
  Alert,
  Button,
  CopyButton,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClauseRequest } from '../../contracts/clauses.js';
import { issuesOf } from '../../contracts/issues.js';
import { CLAUSE_JURISDICTIONS, CLAUSE_LIMITS, type ClauseJurisdiction, NOTICE_MAX } from '../../core/clauses/types.js';
import { LIMITS } from '../../core/limits.js';
import { CLIENT_KINDS, type ClientKind, LANGUAGES, type Language, NOTICE_UNITS, type NoticeUnit } from '../../core/vocabulary.js';
import { clauseApi } from '../api/staff-reports.js';
import { LoadError } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { LANGUAGE_NATIVE_NAMES } from '../i18n/index.js';
import { notifyError } from '../lib/notify.js';

interface Answers {
  lang: Language;
  amount: number | string;
  unit: NoticeUnit;
  jurisdiction: ClauseJurisdiction;
  place: string;
  provider: string;
  client: string;
  clientKind: ClientKind;
  paymentDays: number | string;
  deposit: number | string;
  interest: 'statutory' | 'contractual';
  rate: number | string;
}

function defaultJurisdiction(country: string | null): ClauseJurisdiction {
  if (country === 'LT' || country === 'RO' || country === 'RU') return country;

  return country ? 'EU' : 'other';
}

/** The answers as the API's request body (NumberInput gives '' for an empty field). */
function bodyOf(a: Answers): unknown {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());

  return {
    lang: a.lang,
    notice: { amount: a.amount === '' ? Number.NaN : Number(a.amount), unit: a.unit },
    jurisdiction: a.jurisdiction,
    place: a.jurisdiction === 'EU' || a.jurisdiction === 'other' ? blank(a.place) : null,
    provider_name: blank(a.provider),
    client_name: blank(a.client),
    client_kind: a.clientKind,
    payment_days: a.paymentDays === '' ? Number.NaN : Number(a.paymentDays),
    deposit_percent: a.deposit === '' ? null : Number(a.deposit),
    interest:
      a.interest === 'statutory'
        ? { kind: 'statutory' }
        : { kind: 'contractual', rate_percent: a.rate === '' ? Number.NaN : Number(a.rate) },
  };
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ClausePage() {
  const { t } = useTranslation();
  const { workspaceId, workspace } = useWorkspace();
  useDocumentTitle(`${t('clausePage.title')} · RedCard`);
  const [a, setA] = useState<Answers>(() => ({
    lang: workspace.language,
    amount: 30,
    unit: 'days',
    jurisdiction: defaultJurisdiction(workspace.jurisdiction),
    place: '',
    provider: workspace.provider_name ?? '',
    client: '',
    clientKind: 'business',
    paymentDays: 14,
    deposit: '',
    interest: 'statutory',
    rate: '',
  }));
  const set =
    <K extends keyof Answers>(key: K) =>
    (value: Answers[K] | null) =>
      value !== null && setA((prev) => ({ ...prev, [key]: value }));

  // The same schema as the server: errors show at once, and only a valid request is sent.
  const body = useMemo(() => bodyOf(a), [a]);
  const parsed = ClauseRequest.safeParse(body);
  const fieldErrors = new Map(parsed.success ? [] : issuesOf(parsed.error).map((i) => [i.path, i.message] as const));
  // Each field's problem in the interface language (the schema's own messages are English, for the API).
  const messages: Record<string, string> = {
    'notice.amount': t('clausePage.rangeWhole', { max: NOTICE_MAX[a.unit] }),
    payment_days: t('clausePage.rangeWhole', { max: CLAUSE_LIMITS.paymentDaysMax }),
    deposit_percent: t('clausePage.rangeWhole', { max: 100 }),
    'interest.rate_percent': t('clausePage.rateRange'),
    place: t('errors.tooLong', { max: CLAUSE_LIMITS.placeMax }),
    provider_name: t('errors.tooLong', { max: LIMITS.nameMax }),
    client_name: t('errors.tooLong', { max: LIMITS.nameMax }),
  };
  const err = (path: string) => (fieldErrors.has(path) ? (messages[path] ?? t('errors.fixFields')) : undefined);
  const [debounced] = useDebouncedValue(parsed.success ? parsed.data : null, 250);
  const preview = useQuery({
    queryKey: ['workspaces', workspaceId, 'clause', debounced],
    queryFn: () => clauseApi.compose(workspaceId, debounced ?? {}),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
  });
  const [busy, setBusy] = useState(false);
  const clause = preview.data;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('clausePage.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('clausePage.intro')}
        </Text>
      </div>
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('clausePage.disclaimerTitle')}
        data-testid="clause-disclaimer"
      >
        {t('clausePage.disclaimer')}
      </Alert>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md" component="form" aria-label={t('clausePage.formLabel')} onSubmit={(e) => e.preventDefault()}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Select
                  label={t('clausePage.lang')}
                  data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NATIVE_NAMES[l] }))}
                  value={a.lang}
                  onChange={(v) => set('lang')(v as Language | null)}
                  allowDeselect={false}
                />
                <Select
                  label={t('clausePage.jurisdiction')}
                  data={CLAUSE_JURISDICTIONS.map((j) => ({ value: j, label: t(`clausePage.jurisdictions.${j}`) }))}
                  value={a.jurisdiction}
                  onChange={(v) => set('jurisdiction')(v as ClauseJurisdiction | null)}
                  allowDeselect={false}
                />
              </SimpleGrid>
              {(a.jurisdiction === 'EU' || a.jurisdiction === 'other') && (
                <TextInput
                  label={t('clausePage.place')}
                  description={t('clausePage.placeHint')}
                  value={a.place}
                  onChange={(e) => set('place')(e.currentTarget.value)}
                  error={err('place')}
                />
              )}
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput
                  label={t('clausePage.notice')}
                  min={1}
                  allowDecimal={false}
                  value={a.amount}
                  onChange={(v) => set('amount')(v)}
                  error={err('notice.amount')}
                  required
                />
                <Select
                  label={t('clausePage.noticeUnit')}
                  data={NOTICE_UNITS.map((u) => ({ value: u, label: t(`noticeUnit.${u}`) }))}
                  value={a.unit}
                  onChange={(v) => set('unit')(v as NoticeUnit | null)}
                  allowDeselect={false}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  label={t('clausePage.provider')}
                  value={a.provider}
                  onChange={(e) => set('provider')(e.currentTarget.value)}
                  error={err('provider_name')}
                />
                <TextInput
                  label={t('clausePage.client')}
                  value={a.client}
                  onChange={(e) => set('client')(e.currentTarget.value)}
                  error={err('client_name')}
                />
              </SimpleGrid>
              <Radio.Group label={t('clausePage.clientKind')} value={a.clientKind} onChange={(v) => set('clientKind')(v as ClientKind)}>
                <Group gap="lg" mt={6}>
                  {CLIENT_KINDS.map((k) => (
                    <Radio key={k} value={k} label={t(`clientKind.${k}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput
                  label={t('clausePage.paymentDays')}
                  min={1}
                  allowDecimal={false}
                  value={a.paymentDays}
                  onChange={(v) => set('paymentDays')(v)}
                  error={err('payment_days')}
                />
                <NumberInput
                  label={t('clausePage.deposit')}
                  description={t('common.optional')}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  suffix=" %"
                  value={a.deposit}
                  onChange={(v) => set('deposit')(v)}
                  error={err('deposit_percent')}
                />
              </SimpleGrid>
              <Radio.Group label={t('clausePage.interest')} value={a.interest} onChange={(v) => set('interest')(v as Answers['interest'])}>
                <Stack gap={6} mt={6}>
                  <Radio value="statutory" label={t('clausePage.interestStatutory')} />
                  <Radio value="contractual" label={t('clausePage.interestContractual')} />
                </Stack>
              </Radio.Group>
              {a.interest === 'contractual' && (
                <NumberInput
                  label={t('clausePage.rate')}
                  min={0.01}
                  max={100}
                  decimalScale={2}
                  suffix=" %"
                  value={a.rate}
                  onChange={(v) => set('rate')(v)}
                  error={err('interest.rate_percent')}
                />
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md" aria-label={t('clausePage.preview')} component="section">
            <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
              <Title order={2} size="h4">
                {t('clausePage.preview')}
              </Title>
              <Group gap="xs">
                <CopyButton value={clause?.text ?? ''}>
                  {({ copied, copy }) => (
                    <Button
                      variant="default"
                      size="xs"
                      disabled={!clause}
                      leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                      onClick={copy}
                    >
                      {copied ? t('clausePage.copied') : t('clausePage.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button
                  variant="default"
                  size="xs"
                  disabled={!clause}
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={() =>
                    clause && download(new Blob([clause.text], { type: 'text/plain;charset=utf-8' }), `contract-clauses-${clause.lang}.txt`)
                  }
                >
                  {t('clausePage.downloadTxt')}
                </Button>
                <Button
                  size="xs"
                  disabled={!parsed.success}
                  loading={busy}
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={async () => {
                    if (!parsed.success) return;
                    setBusy(true);
                    try {
                      download(await clauseApi.docx(workspaceId, parsed.data), `contract-clauses-${a.lang}.docx`);
                    } catch (error) {
                      notifyError(error);
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  {t('clausePage.downloadDocx')}
                </Button>
              </Group>
            </Group>
            {!parsed.success && (
              <Text size="sm" c="red" mb="xs" role="status">
                {t('clausePage.fixFields')}
              </Text>
            )}
            {preview.error ? (
              <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
            ) : (
              <Text
                component="pre"
                data-testid="clause-text"
                size="sm"
                style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0, opacity: preview.isPlaceholderData ? 0.6 : 1 }}
                lang={clause?.lang}
              >
                {clause?.text ?? t('app.loading')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
