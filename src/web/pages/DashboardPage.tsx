/**
 * Home: the portfolio dashboard (issue 4). Every client with its traffic light, score, 12-month
 * trend, open cards and exits, sortable and filterable (status, light, name), a click away from
 * the client; the revenue concentration and incidents-per-month charts; and, for a new
 * workspace, the first steps and the demo.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  List,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import {
  IconAlertCircle,
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconUsers,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import type { Dashboard, DashboardClientRow } from '../../contracts/dashboard.js';
import { LIMITS } from '../../core/limits.js';
import { nameKey } from '../../core/names.js';
import { LIGHTS, type Light } from '../../core/portfolio/light.js';
import { CLIENT_STATUSES, type ClientStatus } from '../../core/vocabulary.js';
import { api, type FieldError, isApiError, keys } from '../api/client.js';
import { AfterExitSection } from '../components/AfterExitSection.js';
import { ConcentrationChart } from '../components/charts/ConcentrationChart.js';
import { IncidentsChart } from '../components/charts/IncidentsChart.js';
import { LIGHT_COLOR } from '../components/charts/palette.js';
import { Sparkline } from '../components/charts/Sparkline.js';
import { StatusBadge } from '../components/labels.js';
import { OverdueSteps } from '../components/OverdueSteps.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { ClientForm } from '../forms/ClientForm.js';
import { formatBytes, formatDate } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { describeError, notifyError, notifySuccess } from '../lib/notify.js';

type Row = DashboardClientRow;

const SORT_KEYS = ['attention', 'name', 'score', 'incidents', 'owed', 'revenue'] as const;
type SortKey = (typeof SORT_KEYS)[number];
type Direction = 'asc' | 'desc';

/** The direction each column sorts in first: what needs attention on top. */
const FIRST_DIRECTION: Record<SortKey, Direction> = {
  attention: 'asc',
  name: 'asc',
  score: 'asc',
  incidents: 'desc',
  owed: 'desc',
  revenue: 'desc',
};

/** How many rows are drawn before "show more": a large workspace stays quick to render. */
const PAGE = 100;

const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

function isStatus(v: string | null): v is ClientStatus {
  return v !== null && (CLIENT_STATUSES as readonly string[]).includes(v);
}
function isLight(v: string | null): v is Light {
  return v !== null && (LIGHTS as readonly string[]).includes(v);
}
function isSortKey(v: string | null): v is SortKey {
  return v !== null && (SORT_KEYS as readonly string[]).includes(v);
}

const byName = (a: Row, b: Row) => nameKey(a.name).localeCompare(nameKey(b.name)) || a.id.localeCompare(b.id);

const COMPARE: Record<SortKey, (a: Row, b: Row) => number> = {
  // Red first, then the lowest score, then exits under way, then by name.
  attention: (a, b) => LIGHT_RANK[a.light] - LIGHT_RANK[b.light] || a.score - b.score || byName(a, b),
  name: byName,
  score: (a, b) => a.score - b.score || byName(a, b),
  incidents: (a, b) => a.incidents - b.incidents || byName(a, b),
  owed: (a, b) => a.outstanding_minor - b.outstanding_minor || byName(a, b),
  revenue: (a, b) => a.revenue_12m_minor - b.revenue_12m_minor || byName(a, b),
};

/** The rows the filters keep, in the order asked; pure, so the page stays a thin view. */
export function selectRows(
  rows: readonly Row[],
  f: { q: string; status: ClientStatus | ''; light: Light | ''; sort: SortKey; dir: Direction },
): Row[] {
  const needle = nameKey(f.q);
  const kept = rows.filter(
    (r) =>
      (f.status === '' || r.status === f.status) &&
      (f.light === '' || r.light === f.light) &&
      (needle === '' || nameKey(r.name).includes(needle) || (r.manager !== null && nameKey(r.manager).includes(needle))),
  );
  const compare = COMPARE[f.sort];
  kept.sort(f.dir === 'asc' ? compare : (a, b) => compare(b, a));

  return kept;
}

function LightBadge({ light }: { light: Light }) {
  const { t } = useTranslation();

  return (
    <Tooltip label={t(`light.${light}Hint`)}>
      <Badge color={LIGHT_COLOR[light]} variant="dot" size="md" data-light={light} style={{ textTransform: 'none' }}>
        {t(`light.${light}`)}
      </Badge>
    </Tooltip>
  );
}

function Trend({ row, months }: { row: Row; months: readonly string[] }) {
  const { t, i18n } = useTranslation();
  // The trend starts with the client's first scored month (earlier months are null).
  const first = row.trend.findIndex((v) => v !== null);
  const from = row.trend[first] ?? row.score;
  const label = t('dashboard.trendLabel', {
    from: String(from),
    to: String(row.score),
    since: formatDate(`${months[Math.max(0, first)] ?? months[0]}-01`, i18n.language),
  });

  return <Sparkline values={row.trend} light={row.light} label={label} />;
}

function CardsCell({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (row.cards_yellow === 0 && row.cards_red === 0 && !row.exit_in_progress) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }

  return (
    <Group gap={4} wrap="nowrap">
      {row.cards_yellow > 0 && (
        <Badge color="yellow" variant="filled" size="sm" c="dark" aria-label={t('plural.yellowCards', { count: row.cards_yellow })}>
          {row.cards_yellow}
        </Badge>
      )}
      {row.cards_red > 0 && (
        <Badge color="red" variant="filled" size="sm" aria-label={t('plural.redCards', { count: row.cards_red })}>
          {row.cards_red}
        </Badge>
      )}
      {row.exit_in_progress && (
        <Badge color="grape" variant="light" size="sm" style={{ textTransform: 'none' }}>
          {t('dashboard.exitBadge')}
        </Badge>
      )}
    </Group>
  );
}

function IncidentsCell({ row }: { row: Row }) {
  const { t, i18n } = useTranslation();
  if (row.incidents === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('clients.noIncidents')}
      </Text>
    );
  }

  return (
    <Stack gap={2} align="flex-end">
      <Group gap={6} wrap="nowrap" justify="flex-end">
        <Text size="sm">{row.incidents}</Text>
        {row.serious_incidents > 0 && (
          <Badge color="orange" variant="light" size="sm" style={{ textTransform: 'none' }}>
            {t('plural.serious', { count: row.serious_incidents })}
          </Badge>
        )}
      </Group>
      {row.last_incident_on && (
        <Text size="xs" c="dimmed" title={t('clients.colLastIncident')}>
          {formatDate(row.last_incident_on, i18n.language)}
        </Text>
      )}
    </Stack>
  );
}

function SortHeader({
  column,
  label,
  sort,
  dir,
  onSort,
  align = 'left',
}: {
  column: SortKey;
  label: string;
  sort: SortKey;
  dir: Direction;
  onSort: (key: SortKey) => void;
  align?: 'left' | 'right';
}) {
  const { t } = useTranslation();
  const active = sort === column;
  const Icon = active ? (dir === 'asc' ? IconArrowUp : IconArrowDown) : IconArrowsSort;

  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ textAlign: align }}>
      <UnstyledButton onClick={() => onSort(column)} aria-label={t('dashboard.sortBy', { column: label })} style={{ font: 'inherit' }}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <span>{label}</span>
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function PortfolioTable({
  rows,
  months,
  currency,
  sort,
  dir,
  onSort,
}: {
  rows: Row[];
  months: readonly string[];
  currency: string;
  sort: SortKey;
  dir: Direction;
  onSort: (key: SortKey) => void;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const lang = i18n.language;
  const open = (id: string) => navigate(`/clients/${id}`);
  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) open(id);
  };
  const header = { sort, dir, onSort };

  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={t('clients.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="attention" label={t('dashboard.colLight')} {...header} />
            <SortHeader column="name" label={t('clients.colName')} {...header} />
            <Table.Th>{t('clients.colStatus')}</Table.Th>
            <SortHeader column="score" label={t('dashboard.colScore')} align="right" {...header} />
            <Table.Th>{t('dashboard.colTrend')}</Table.Th>
            <Table.Th>{t('dashboard.colRecommendation')}</Table.Th>
            <Table.Th>{t('clients.colCards')}</Table.Th>
            <SortHeader column="incidents" label={t('clients.colIncidents')} align="right" {...header} />
            <SortHeader column="owed" label={t('clients.colOwed')} align="right" {...header} />
            <SortHeader column="revenue" label={t('dashboard.colRevenue')} align="right" {...header} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              className="rc-row-link"
              onClick={() => open(r.id)}
              onKeyDown={(e) => onKey(e, r.id)}
              data-testid="portfolio-row"
            >
              <Table.Td miw={96}>
                <LightBadge light={r.light} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} href={`/clients/${r.id}`} fw={600} onClick={(e: MouseEvent) => e.stopPropagation()}>
                  {r.name}
                </Anchor>
                {r.manager && (
                  <Text size="xs" c="dimmed">
                    {r.manager}
                  </Text>
                )}
              </Table.Td>
              <Table.Td miw={110}>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                <Text size="sm" fw={700} data-testid="portfolio-score">
                  {r.score}
                </Text>
              </Table.Td>
              <Table.Td>
                <Trend row={r} months={months} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {r.recommendation === 'red_card' && r.path
                    ? t('assessment.redCardPath', { path: t(`exitPath.${r.path}`) })
                    : t(`recommendation.${r.recommendation}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <CardsCell row={r} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                <IncidentsCell row={r} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                <Text size="sm" c={r.outstanding_minor > 0 ? (r.overdue_minor > 0 ? 'red.8' : undefined) : 'dimmed'}>
                  {formatMoney(r.outstanding_minor, currency, lang)}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                <Text size="sm" c={r.revenue_12m_minor > 0 ? undefined : 'dimmed'}>
                  {formatMoney(r.revenue_12m_minor, currency, lang)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per client instead of a wide table. */
function PortfolioCards({ rows, months, currency }: { rows: Row[]; months: readonly string[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('clients.listLabel')}>
      {rows.map((r) => (
        <li key={r.id} data-testid="portfolio-row">
          <Card withBorder padding="sm" component={Link} href={`/clients/${r.id}`} style={{ color: 'inherit', textDecoration: 'none' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {r.name}
                </Text>
                <Group gap={6} mt={2}>
                  <StatusBadge status={r.status} size="xs" />
                  <CardsCell row={r} />
                </Group>
              </div>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                <LightBadge light={r.light} />
                <Text size="lg" fw={700} lh={1} data-testid="portfolio-score">
                  {r.score}
                </Text>
              </Stack>
            </Group>
            <Group justify="space-between" mt="xs" gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" style={{ minWidth: 0 }}>
                {r.recommendation === 'red_card' && r.path
                  ? t('assessment.redCardPath', { path: t(`exitPath.${r.path}`) })
                  : t(`recommendation.${r.recommendation}`)}
                {r.outstanding_minor > 0 ? ` · ${t('clients.colOwed')}: ${formatMoney(r.outstanding_minor, currency, lang)}` : ''}
              </Text>
              <Trend row={r} months={months} />
            </Group>
          </Card>
        </li>
      ))}
    </Stack>
  );
}

/** The three lights as counts that filter the list when clicked, with the exits under way. */
function LightSummary({ dashboard, light, onLight }: { dashboard: Dashboard; light: Light | ''; onLight: (l: Light | '') => void }) {
  const { t, i18n } = useTranslation();
  const exits = dashboard.clients.filter((c) => c.exit_in_progress).length;
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(
    dashboard.concentration.at_risk_share,
  );

  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="group" aria-label={t('dashboard.lightsLabel')}>
      {(['red', 'yellow', 'green'] as const).map((l) => (
        <Paper
          key={l}
          withBorder
          p="sm"
          radius="md"
          component="button"
          type="button"
          onClick={() => onLight(light === l ? '' : l)}
          aria-pressed={light === l}
          data-testid={`lights-${l}`}
          style={{
            cursor: 'pointer',
            textAlign: 'left',
            borderColor: light === l ? `var(--mantine-color-${LIGHT_COLOR[l]}-6)` : undefined,
            borderWidth: light === l ? 2 : undefined,
          }}
        >
          <Group gap={8} wrap="nowrap">
            <span
              aria-hidden
              style={{ width: 12, height: 12, borderRadius: 6, background: `var(--mantine-color-${LIGHT_COLOR[l]}-6)`, flexShrink: 0 }}
            />
            <Text size="xl" fw={700} lh={1}>
              {dashboard.lights[l]}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t(`light.${l}Hint`)}
          </Text>
        </Paper>
      ))}
      <Paper withBorder p="sm" radius="md">
        <Text size="xl" fw={700} lh={1}>
          {exits}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('dashboard.exitsInProgress')} · {t('dashboard.atRiskShare', { share })}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

function FirstSteps({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { workspace, setWorkspaceId } = useWorkspace();
  const [opening, setOpening] = useState(false);

  // The demo lives in its own workspace, created on first request; the user's data is untouched.
  const openDemo = async () => {
    setOpening(true);
    try {
      const demo = await api.openDemo();
      await queryClient.invalidateQueries({ queryKey: keys.workspaces });
      await queryClient.invalidateQueries({ queryKey: keys.config });
      setWorkspaceId(demo.id);
    } catch (error) {
      notifyError(error);
    } finally {
      setOpening(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <Stack gap="md" maw={640}>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
            <IconUsers size={22} />
          </ThemeIcon>
          <Title order={2} size="h3">
            {t('clients.emptyTitle')}
          </Title>
        </Group>
        <Text>{t('clients.emptyBody')}</Text>
        <List type="ordered" spacing="xs">
          <List.Item>{t('clients.step1')}</List.Item>
          <List.Item>{t('clients.step2')}</List.Item>
          <List.Item>{t('clients.step3')}</List.Item>
        </List>
        <Group gap="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onNew}>
            {t('clients.newClient')}
          </Button>
        </Group>
        {!workspace.is_demo && (
          <Alert variant="light" color="gray">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('clients.demoOffer')}</Text>
              <Button variant="default" size="xs" loading={opening} onClick={() => void openDemo()}>
                {t('clients.openDemo')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ImportErrors({ errors, onClose }: { errors: { title: string; detail: string; list: FieldError[] } | null; onClose: () => void }) {
  const { t } = useTranslation();

  return (
    <Modal
      opened={errors !== null}
      onClose={onClose}
      title={t('clients.importFailed')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {errors && (
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={errors.title} role="alert">
            {errors.detail}
          </Alert>
          {errors.list.length > 0 && (
            <>
              <Text size="sm">{t('clients.importNothingSaved')}</Text>
              <List size="sm" spacing={4}>
                {errors.list.map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>
                    <Text span ff="monospace" size="sm" fw={600}>
                      {e.path}
                    </Text>
                    : {e.message}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function PortfolioCharts({ data }: { data: Dashboard }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ConcentrationChart concentration={data.concentration} />
      <IncidentsChart data={data.incidentsByMonth} />
    </SimpleGrid>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { workspaceId, workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status: ClientStatus | '' = isStatus(statusParam) ? statusParam : '';
  const lightParam = params.get('light');
  const light: Light | '' = isLight(lightParam) ? lightParam : '';
  const sortParam = params.get('sort');
  const sort: SortKey = isSortKey(sortParam) ? sortParam : 'attention';
  const dir: Direction = params.get('dir') === 'desc' ? 'desc' : params.get('dir') === 'asc' ? 'asc' : FIRST_DIRECTION[sort];
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 200);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  // How many rows are drawn, for the current filters only: new filters start from the top again.
  const [paging, setPaging] = useState({ filters: '', shown: PAGE });
  const [importErrors, setImportErrors] = useState<{ title: string; detail: string; list: FieldError[] } | null>(null);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  useDocumentTitle(`${t('dashboard.title')} · RedCard`);

  // The search box writes to the URL once typing pauses; a change of the URL from elsewhere
  // (back button, a link) is written back into the box.
  const written = useRef(q);
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setSearch(q);
    }
  }, [q]);
  useEffect(() => {
    const trimmed = debounced.trim();
    if (trimmed === written.current) return;
    written.current = trimmed;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (trimmed) next.set('q', trimmed);
        else next.delete('q');

        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const setParam = (name: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value);
      else next.delete(name);

      return next;
    });
  const onSort = (key: SortKey) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      const nextDir = key === sort ? (dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key];
      next.set('sort', key);
      next.set('dir', nextDir);

      return next;
    });

  const dashboard = useQuery({
    queryKey: keys.dashboard(workspaceId),
    queryFn: () => api.dashboard.get(workspaceId),
    placeholderData: keepPreviousData,
  });
  const data = dashboard.data;
  const rows = useMemo(() => (data ? selectRows(data.clients, { q, status, light, sort, dir }) : []), [data, q, status, light, sort, dir]);
  const filterKey = [q, status, light, sort, dir].join('|');
  const shown = paging.filters === filterKey ? paging.shown : PAGE;

  const importCase = async (file: File | null) => {
    if (!file) return;
    if (file.size > LIMITS.caseFileMaxBytes) {
      notifyError(new Error(t('errors.fileTooLarge', { limit: formatBytes(LIMITS.caseFileMaxBytes, i18n.language) })));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setImportErrors({ title: t('errors.code.INVALID_CASE_FILE'), detail: t('errors.invalidJson'), list: [] });
      return;
    }
    setImporting(true);
    try {
      const { client } = await api.cases.import(workspaceId, body);
      await queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) });
      notifySuccess(t('clients.imported', { name: client.name }));
      navigate(`/clients/${client.id}`);
    } catch (error) {
      if (isApiError(error) && (error.status === 422 || error.status === 409 || error.status === 400 || error.status === 413)) {
        const { title, message } = describeError(error);
        setImportErrors({ title, detail: message, list: error.fieldErrors });
      } else {
        notifyError(error);
      }
    } finally {
      setImporting(false);
    }
  };

  const filtered = q !== '' || status !== '' || light !== '';
  const total = data?.clients.length ?? 0;
  const visible = rows.slice(0, shown);
  const clearFilters = () => {
    setSearch('');
    setParams(new URLSearchParams());
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('dashboard.title')}
          </Title>
          {data && (
            <Text size="sm" c="dimmed">
              {workspace.name} · {t('plural.clients', { count: total })} ·{' '}
              {t('dashboard.asOf', { date: formatDate(data.today, i18n.language) })}
            </Text>
          )}
        </div>
        <Group gap="sm">
          <FileButton onChange={(f) => void importCase(f)} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={16} aria-hidden />} loading={importing}>
                {t('clients.importCase')}
              </Button>
            )}
          </FileButton>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('clients.newClient')}
          </Button>
        </Group>
      </Group>

      {dashboard.isPending ? (
        <PageLoader />
      ) : dashboard.error || !data ? (
        <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : total === 0 ? (
        <FirstSteps onNew={() => setCreating(true)} />
      ) : (
        <>
          <LightSummary dashboard={data} light={light} onLight={(l) => setParam('light', l || null)} />

          {/* Exit steps past their due date, across clients (renders nothing when there are none). */}
          <OverdueSteps />

          {/* after-exit (issue 8): how early the signs showed, review dates reached, the yearly review. */}
          <AfterExitSection />

          {!narrow && <PortfolioCharts data={data} />}

          <Group gap="sm" align="flex-end" wrap="wrap" role="search">
            <TextInput
              label={t('clients.search')}
              placeholder={t('clients.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              maxLength={LIMITS.searchMax}
              rightSection={search ? <CloseButton size="sm" aria-label={t('clients.clearFilters')} onClick={() => setSearch('')} /> : null}
              style={{ flex: '1 1 240px' }}
              maw={380}
            />
            <Select
              label={t('clients.statusFilter')}
              data={[
                { value: '', label: t('clients.allStatuses') },
                ...CLIENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
              ]}
              value={status}
              onChange={(v) => setParam('status', v)}
              allowDeselect={false}
              w={{ base: '100%', xs: 200 }}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="light-filter-label">
                {t('dashboard.lightFilter')}
              </Text>
              <SegmentedControl
                aria-labelledby="light-filter-label"
                value={light}
                onChange={(v) => setParam('light', v || null)}
                data={[{ value: '', label: t('dashboard.allLights') }, ...LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))]}
              />
            </Stack>
            {narrow && (
              <Select
                label={t('dashboard.sortLabel')}
                data={SORT_KEYS.map((k) => ({ value: k, label: t(`dashboard.sort.${k}`) }))}
                value={sort}
                onChange={(v) =>
                  setParams((prev) => {
                    const next = new URLSearchParams(prev);
                    const key = isSortKey(v) ? v : 'attention';
                    next.set('sort', key);
                    next.set('dir', FIRST_DIRECTION[key]);

                    return next;
                  })
                }
                allowDeselect={false}
                w="100%"
              />
            )}
          </Group>

          {rows.length === 0 ? (
            <Paper withBorder p="lg">
              <Stack gap="xs" align="flex-start">
                <Text>{t('clients.noMatch')}</Text>
                <Button variant="default" size="xs" onClick={clearFilters}>
                  {t('clients.clearFilters')}
                </Button>
              </Stack>
            </Paper>
          ) : (
            <>
              {filtered && (
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('dashboard.matching', { shown: String(rows.length), total: String(total) })}
                </Text>
              )}
              {narrow ? (
                <PortfolioCards rows={visible} months={data.months} currency={workspace.currency} />
              ) : (
                <Paper withBorder radius="md">
                  <PortfolioTable rows={visible} months={data.months} currency={workspace.currency} sort={sort} dir={dir} onSort={onSort} />
                </Paper>
              )}
              {rows.length > visible.length && (
                <Button
                  variant="default"
                  onClick={() => setPaging({ filters: filterKey, shown: shown + PAGE })}
                  style={{ alignSelf: 'center' }}
                >
                  {t('dashboard.showMore', { shown: String(visible.length), total: String(rows.length) })}
                </Button>
              )}
            </>
          )}
          {/* On a phone the list comes first and the charts after it. */}
          {narrow && <PortfolioCharts data={data} />}
        </>
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('form.clientNew')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <ClientForm
          workspaceId={workspaceId}
          onCancel={() => setCreating(false)}
          onDone={(client) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) });
            notifySuccess(t('clients.created', { name: client.name }));
            navigate(`/clients/${client.id}`);
          }}
        />
      </Modal>
      <ImportErrors errors={importErrors} onClose={() => setImportErrors(null)} />
    </Stack>
  );
}
