/** The frame of every page: header (product, workspace, language, theme) and a footer line. */
import {
  ActionIcon,
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Select,
  Stack,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconApi,
  IconBriefcase,
  IconBulb,
  IconChevronDown,
  IconFileImport,
  IconHistory,
  IconLanguage,
  IconListCheck,
  IconMessageReport,
  IconMoon,
  IconSignature,
  IconSun,
  IconUserSearch,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LANGUAGES } from '../../core/vocabulary.js';
import { useAuditAccess } from '../api/audit.js';
import { currentLanguage, isLanguage, LANGUAGE_NATIVE_NAMES, setLanguage } from '../i18n/index.js';
import { AccountMenu, useRole } from './team.js';
import { useWorkspace } from './workspace.js';

function Logo() {
  return (
    <Link href="/" style={{ textDecoration: 'none', color: 'inherit', display: 'flex', alignItems: 'center', gap: 8 }}>
      <svg width="18" height="24" viewBox="0 0 18 24" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="16" height="22" rx="2.5" fill="var(--mantine-color-red-7)" />
      </svg>
      <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
        RedCard
      </Text>
    </Link>
  );
}

export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();

  return (
    <Select
      aria-label="Language"
      data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NATIVE_NAMES[l] }))}
      value={lang}
      onChange={(v) => isLanguage(v) && setLanguage(v)}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} aria-hidden />}
      w={compact ? 128 : 150}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function WorkspaceSwitcher({ onChanged, inline = false }: { onChanged?: () => void; inline?: boolean }) {
  const { t } = useTranslation();
  const { workspaces, workspaceId, setWorkspaceId } = useWorkspace();
  const [, navigate] = useLocation();

  return (
    <Select
      label={inline ? undefined : t('app.workspace')}
      aria-label={inline ? t('app.workspace') : undefined}
      leftSection={inline ? <IconBriefcase size={16} aria-hidden /> : undefined}
      data={workspaces.map((w) => ({ value: w.id, label: w.name }))}
      value={workspaceId}
      onChange={(v) => {
        if (!v || v === workspaceId) return;
        setWorkspaceId(v);
        navigate('/');
        onChanged?.();
      }}
      allowDeselect={false}
      size="sm"
      w={inline ? 280 : '100%'}
    />
  );
}

function ThemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const label = scheme === 'dark' ? t('app.themeLight') : t('app.themeDark');

  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
        {scheme === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

/** The main sections, as header links on wide screens (icons only where the header is short of room). */
function HeaderNav({ location, auditAllowed, decides }: { location: string; auditAllowed: boolean; decides: boolean }) {
  const { t } = useTranslation();
  const roomy = useMediaQuery('(min-width: 86em)', true, { getInitialValueInEffect: false });
  // The daily work stays one click away; the rarer sections sit in a "More" menu so the header
  // fits at 1280 px in every language.
  // Team mode: a member sees their clients and their reports; importing, reviewing, screening,
  // lessons and the contract clause are managers' work (src/app/permissions.ts).
  const items = [
    { href: '/', label: t('nav.clients'), icon: IconUsers, active: location === '/' || location.startsWith('/clients') },
    ...(decides
      ? [
          { href: '/import', label: t('importPage.nav'), icon: IconFileImport, active: location === '/import' },
          { href: '/review', label: t('review.nav'), icon: IconListCheck, active: location === '/review' },
          // Screening new clients (issue 8).
          { href: '/screening', label: t('screening.nav'), icon: IconUserSearch, active: location.startsWith('/screening') },
        ]
      : []),
  ];
  const more = [
    { href: '/reports', label: t('staffReports.nav'), icon: IconMessageReport, active: location === '/reports' },
    ...(decides
      ? [
          { href: '/lessons', label: t('lessons.nav'), icon: IconBulb, active: location === '/lessons' },
          { href: '/clause', label: t('clausePage.nav'), icon: IconSignature, active: location === '/clause' },
        ]
      : []),
  ];
  // The audit log is for owners: its link shows only to those the server lets in.
  if (auditAllowed) more.push({ href: '/audit', label: t('auditLog.nav'), icon: IconHistory, active: location === '/audit' });
  const moreActive = more.some((i) => i.active);

  return (
    <Group component="nav" gap={4} wrap="nowrap" aria-label={t('app.mainNavigation')}>
      {items.map(({ href, label, icon: Icon, active }) =>
        roomy ? (
          <Button
            key={href}
            component={Link}
            href={href}
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            size="sm"
            leftSection={<Icon size={16} aria-hidden />}
            aria-current={active ? 'page' : undefined}
          >
            {label}
          </Button>
        ) : (
          <Tooltip key={href} label={label}>
            <ActionIcon
              component={Link}
              href={href}
              variant={active ? 'light' : 'subtle'}
              color={active ? undefined : 'gray'}
              size="lg"
              aria-label={label}
              aria-current={active ? 'page' : undefined}
            >
              <Icon size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ),
      )}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant={moreActive ? 'light' : 'subtle'}
            color={moreActive ? undefined : 'gray'}
            size="sm"
            px={roomy ? undefined : 'xs'}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {t('app.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {more.map(({ href, label, icon: Icon, active }) => (
            <Menu.Item
              key={href}
              component={Link}
              href={href}
              leftSection={<Icon size={16} aria-hidden />}
              aria-current={active ? 'page' : undefined}
              fw={active ? 600 : undefined}
            >
              {label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { config, workspace, workspaceId } = useWorkspace();
  const auditAllowed = useAuditAccess(workspaceId);
  const decides = useRole() !== 'member';
  const [opened, { toggle, close }] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [location] = useLocation();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: true } }} padding="md">
      <a href="#main" className="rc-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            {!wide && (
              <Burger opened={opened} onClick={toggle} size="sm" aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')} />
            )}
            <Logo />
            {wide && workspace.is_demo && (
              <Badge variant="light" color="gray">
                {t('app.demoBadge')}
              </Badge>
            )}
            {wide && <HeaderNav location={location} auditAllowed={auditAllowed} decides={decides} />}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {wide && <WorkspaceSwitcher inline />}
            <LanguageSwitcher compact={!wide} />
            <ThemeToggle />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>

      {!wide && (
        <AppShell.Navbar p="md" aria-label={t('app.mainNavigation')}>
          <Stack gap="md">
            <WorkspaceSwitcher onChanged={close} />
            <NavLink
              component={Link}
              href="/"
              label={t('nav.clients')}
              leftSection={<IconUsers size={18} aria-hidden />}
              active={location === '/'}
              onClick={close}
            />
            {decides && (
              <NavLink
                component={Link}
                href="/import"
                label={t('importPage.nav')}
                leftSection={<IconFileImport size={18} aria-hidden />}
                active={location === '/import'}
                onClick={close}
              />
            )}
            {decides && (
              <NavLink
                component={Link}
                href="/review"
                label={t('review.nav')}
                leftSection={<IconListCheck size={18} aria-hidden />}
                active={location === '/review'}
                onClick={close}
              />
            )}
            {/* Screening new clients and the lessons behind it (issue 8). */}
            {decides && (
              <NavLink
                component={Link}
                href="/screening"
                label={t('screening.nav')}
                leftSection={<IconUserSearch size={18} aria-hidden />}
                active={location.startsWith('/screening')}
                onClick={close}
              />
            )}
            {decides && (
              <NavLink
                component={Link}
                href="/lessons"
                label={t('lessons.nav')}
                leftSection={<IconBulb size={18} aria-hidden />}
                active={location === '/lessons'}
                onClick={close}
              />
            )}
            <NavLink
              component={Link}
              href="/reports"
              label={t('staffReports.nav')}
              leftSection={<IconMessageReport size={18} aria-hidden />}
              active={location === '/reports'}
              onClick={close}
            />
            {decides && (
              <NavLink
                component={Link}
                href="/clause"
                label={t('clausePage.nav')}
                leftSection={<IconSignature size={18} aria-hidden />}
                active={location === '/clause'}
                onClick={close}
              />
            )}
            {auditAllowed && (
              <NavLink
                component={Link}
                href="/audit"
                label={t('auditLog.nav')}
                leftSection={<IconHistory size={18} aria-hidden />}
                active={location === '/audit'}
                onClick={close}
              />
            )}
            <NavLink
              component="a"
              href="/api/docs"
              target="_blank"
              rel="noreferrer"
              label={t('app.apiDocs')}
              leftSection={<IconApi size={18} aria-hidden />}
            />
          </Stack>
        </AppShell.Navbar>
      )}

      <AppShell.Main id="main">
        <Stack gap="lg" maw={1400} mx="auto" mih="calc(100dvh - 60px - 2 * var(--mantine-spacing-md))">
          <div style={{ flex: 1 }}>{children}</div>
          <Group component="footer" justify="space-between" gap="xs" c="dimmed" py="xs">
            <Text size="xs">{t('app.tagline')}</Text>
            <Group gap="md">
              <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="xs">
                {t('app.apiDocs')}
              </Anchor>
              <Text size="xs">{t('app.version', { version: config.version })}</Text>
            </Group>
          </Group>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
