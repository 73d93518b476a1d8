/**
 * The interface's languages. The choice is remembered in localStorage and mirrored on <html lang>;
 * the client's own language (for letters) is a separate field on the client.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/vocabulary.js';
import { notify } from '../lib/notify.js';
import { STORAGE_KEYS, storage } from '../lib/storage.js';
import { en, type Resource } from './en.js';

// English is built in (it is also the fallback for any missing key); each other language is its
// own chunk, fetched only by someone who reads it, so nobody downloads the three they do not.
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Resource>> = {
  ru: async () => (await import('./ru.js')).ru,
  ro: async () => (await import('./ro.js')).ro,
  lt: async () => (await import('./lt.js')).lt,
};

async function messagesOf(lang: Language): Promise<Resource> {
  return lang === 'en' ? en : LOADERS[lang]();
}

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

/** Switches the interface to a language, fetching its texts first if they are not here yet. */
export async function showLanguage(lang: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) {
    i18next.addResourceBundle(lang, 'translation', await messagesOf(lang));
  }
  await i18next.changeLanguage(lang);
}

/** The person's own choice: remembered, and shown once its texts have arrived. */
export function setLanguage(lang: Language): void {
  storage.set(STORAGE_KEYS.language, lang);
  showLanguage(lang).catch(() => {
    // The chunk could not be fetched (offline, or an update replaced it): the page stays as it was.
    notify({ title: i18next.t('app.chunkFailedTitle'), message: i18next.t('app.chunkFailedBody'), color: 'gray', autoClose: 8000 });
  });
}

export function currentLanguage(): Language {
  const lang = i18next.resolvedLanguage ?? i18next.language;

  return isLanguage(lang) ? lang : 'en';
}

i18next.on('languageChanged', (lang) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
});

/**
 * Resolves once the interface can be drawn in its first language (main.tsx waits for it), so
 * nobody sees English flash before their own language. If that language cannot be fetched, the
 * interface starts in English rather than not at all.
 */
export const i18nReady: Promise<void> = (async () => {
  const wanted = initialLanguage();
  const loaded = await messagesOf(wanted).then(
    (messages) => ({ lang: wanted, messages }),
    () => ({ lang: 'en' as const, messages: en }),
  );
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, [loaded.lang]: { translation: loaded.messages } },
    lng: loaded.lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
})();

export default i18next;
