/** What every form shares: validation in the UI language, server errors on their fields, the frame. */
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isIsoMonth } from '../../core/dates.js';
import { LIMITS } from '../../core/limits.js';
import { isApiError } from '../api/client.js';
import { parseMoney } from '../lib/money.js';
import { describeError } from '../lib/notify.js';

/** Validators return a translated message or null. */
export function makeRules(t: TFunction) {
  return {
    required: (v: string) => (v.trim() === '' ? t('errors.required') : null),
    name: (v: string) =>
      v.trim() === '' ? t('errors.required') : v.length > LIMITS.nameMax ? t('errors.tooLong', { max: LIMITS.nameMax }) : null,
    optionalName: (v: string) => (v.length > LIMITS.nameMax ? t('errors.tooLong', { max: LIMITS.nameMax }) : null),
    note: (v: string) => (v.length > LIMITS.noteMax ? t('errors.tooLong', { max: LIMITS.noteMax }) : null),
    date: (v: string) => (v === '' ? t('errors.required') : isIsoDate(v) ? null : t('errors.date')),
    optionalDate: (v: string) => (v === '' || isIsoDate(v) ? null : t('errors.date')),
    month: (v: string) => (v === '' ? t('errors.required') : isIsoMonth(v) ? null : t('errors.month')),
    email: (v: string) => (v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : t('errors.email')),
    /** Money in major units; `positive` refuses zero. */
    money:
      (digits: number, { positive = false, optional = false } = {}) =>
      (v: string) => {
        if (optional && v.trim() === '') return null;
        const parsed = parseMoney(v, digits);
        if (!parsed.ok) {
          if (parsed.reason === 'empty') return t('errors.moneyEmpty');
          if (parsed.reason === 'decimals') return t('errors.moneyDecimals', { digits });
          if (parsed.reason === 'too_large') return t('errors.moneyTooLarge');

          return t('errors.moneyFormat');
        }
        if (positive && parsed.minor <= 0) return t('errors.moneyZero');

        return null;
      },
  };
}

/** Minor units from a validated money field (validation ran first, so this cannot fail). */
export function toMinor(v: string, digits: number): number {
  const parsed = parseMoney(v, digits);

  return parsed.ok ? parsed.minor : 0;
}

export const emptyToNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/**
 * A server path (`payments[0].amount_minor`) as a form path (`payments.0.amount_minor`), renamed
 * where the form names a field differently (`amount_minor` -> `amount`): exact renames first,
 * then the longest matching prefix.
 */
export function formPath(serverPath: string, renames: Record<string, string> = {}): string {
  const path = serverPath.replace(/\[(\d+)\]/g, '.$1');
  const exact = renames[path];
  if (exact !== undefined) return exact;
  const prefix = Object.keys(renames)
    .filter((from) => path.startsWith(`${from}.`))
    .sort((a, b) => b.length - a.length)[0];

  return prefix === undefined ? path : `${renames[prefix]}${path.slice(prefix.length)}`;
}

function hasPath(values: unknown, path: string): boolean {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as Record<string, unknown>))) return false;
    cur = (cur as Record<string, unknown>)[part];
  }

  return true;
}

export interface FormProblem {
  title: string;
  detail: string;
  other: { path: string; message: string }[];
}

/** Puts server field errors on the matching fields; what matches no field is returned for the form's alert. */
/** The part of a Mantine form that server errors need. */
interface ErrorTarget {
  getValues: () => unknown;
  setFieldError: (path: never, error: ReactNode) => void;
}

export function applyServerErrors(form: ErrorTarget, error: unknown, renames: Record<string, string> = {}): FormProblem {
  const { title, message } = describeError(error);
  const other: FormProblem['other'] = [];
  if (isApiError(error)) {
    const values = form.getValues();
    for (const issue of error.fieldErrors) {
      const path = formPath(issue.path, renames);
      if (hasPath(values, path)) form.setFieldError(path as never, issue.message);
      else other.push(issue);
    }
  }

  return { title, detail: message, other };
}

/** The frame of a form in a modal: fields, the problem from the server, Cancel and Save. */
export function FormFrame(props: {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  problem: FormProblem | null;
  busy: boolean;
  submitLabel?: string;
  children: ReactNode;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();

  return (
    <form onSubmit={props.onSubmit} noValidate>
      <Stack gap="sm">
        {props.problem && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={props.problem.title} role="alert">
            {props.problem.detail && <Text size="sm">{props.problem.detail}</Text>}
            {props.problem.other.length > 0 && (
              <List size="sm" mt={4}>
                {props.problem.other.map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>
                    <Text span ff="monospace" size="sm">
                      {e.path}
                    </Text>
                    : {e.message}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {props.children}
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Group gap="xs">{props.extraActions}</Group>
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={props.onCancel} disabled={props.busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Runs a save, keeping the busy flag and the problem in state. */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  async function run(action: () => Promise<void>, onError: (error: unknown) => FormProblem): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(onError(error));
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, run, setProblem };
}
