/** Notifications: short, factual, in the UI language. */
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { isApiError } from '../api/client.js';

/** Shows a notification whose close button has a name in the UI language. */
export function notify(data: { title?: string; message: string; color: string; autoClose: number }): void {
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18next.t('common.close') } });
}

export function notifySuccess(message: string): void {
  notify({ message, color: 'teal', autoClose: 4000 });
}

/** A translated title for an error's code, with the server's `detail` as the message. */
export function describeError(error: unknown): { title: string; message: string } {
  const t = i18next.t.bind(i18next);
  if (isApiError(error)) {
    const key = `errors.code.${error.code}`;
    const title = i18next.exists(key) ? t(key) : t('errors.title');
    const message = error.code === 'NETWORK' ? t('errors.network') : (error.problem.detail ?? error.problem.title ?? '');

    return { title, message };
  }

  return { title: t('errors.title'), message: error instanceof Error ? error.message : String(error) };
}

export function notifyError(error: unknown): void {
  const { title, message } = describeError(error);
  notify({ title, message: message || title, color: 'red', autoClose: 8000 });
}
