/**
 * For tests of translated texts: the four languages' resources, a fresh i18next instance on them
 * (no shared global state between tests), and the placeholders a text uses.
 */
import i18next, { type i18n } from 'i18next';
import { en, type Resource } from './en.js';
import { lt } from './lt.js';
import { ro } from './ro.js';
import { ru } from './ru.js';

export const LANGUAGES = { en, ru, ro, lt } as Record<string, Resource>;

export async function i18nInstance(lng: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(LANGUAGES).map(([l, r]) => [l, { translation: r }])),
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });

  return instance;
}

/** The `{{name}}` placeholders of a text, sorted. */
export const placeholdersOf = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
