/** Small, shared renderings of the vocabulary: badges, colours, language names. */
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardColor, ClientStatus, Severity } from '../../core/vocabulary.js';

/** Calm colours; red is kept for what needs action today (grave incidents, red cards). */
export const STATUS_COLOR: Record<ClientStatus, MantineColor> = {
  active: 'teal',
  watch: 'yellow',
  warned: 'orange',
  reassigned: 'blue',
  exiting: 'grape',
  ended: 'gray',
  closed: 'gray',
};

export const SEVERITY_COLOR: Record<Severity, MantineColor> = { 1: 'gray', 2: 'orange', 3: 'red' };
export const CARD_COLOR: Record<CardColor, MantineColor> = { yellow: 'yellow', red: 'red' };

export function StatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();

  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();

  return (
    <Badge color={SEVERITY_COLOR[severity]} variant={severity === 3 ? 'filled' : 'light'} size="sm">
      {t(`severity.${severity}`)}
    </Badge>
  );
}

/** A language's name in the UI language ("lietuvių" in Lithuanian, "Lithuanian" in English). */
export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
    if (!name) return code;

    return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
  } catch {
    return code;
  }
}
