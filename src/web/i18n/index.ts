/**
 * The interface's languages. The choice is remembered in localStorage and mirrored on <html lang>;
 * the client's own language (for letters) is a separate field on the client.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/vocabulary.js';
import { STORAGE_KEYS, storage } from '../lib/storage.js';
import { en } from './en.js';
import { lt } from './lt.js';
import { ro } from './ro.js';
import { ru } from './ru.js';

export const resources = { en, ru, ro, lt } as const;

/** Each language named in itself, as a language switcher should. */
export const LANGUAGE_NATIVE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  ro: 'Română',
  lt: 'Lietuvių',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function initialLanguage(): Language {
  const stored = storage.get(STORAGE_KEYS.language);
  if (isLanguage(stored)) return stored;
  for (const tag of typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }

  return 'en';
}

export function setLanguage(lang: Language): void {
  storage.set(STORAGE_KEYS.language, lang);
  void i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  const lang = i18next.resolvedLanguage ?? i18next.language;

  return isLanguage(lang) ? lang : 'en';
}

i18next.on('languageChanged', (lang) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
});

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    ru: { translation: ru },
    ro: { translation: ro },
    lt: { translation: lt },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
