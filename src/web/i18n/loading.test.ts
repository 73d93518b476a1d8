import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nReady, showLanguage } from './index.js';
import { ro } from './ro.js';
import { ru } from './ru.js';

describe('loading the interface languages', () => {
  it('starts with English only, and fetches another language when it is shown', async () => {
    await i18nReady;
    expect(i18next.language).toBe('en');
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18next.hasResourceBundle('ru', 'translation')).toBe(false);
    expect(i18next.hasResourceBundle('ro', 'translation')).toBe(false);

    await showLanguage('ru');
    expect(i18next.language).toBe('ru');
    expect(i18next.t('app.loading')).toBe(ru.app.loading);
    // Only what was asked for: Romanian is still not loaded.
    expect(i18next.hasResourceBundle('ro', 'translation')).toBe(false);

    await showLanguage('ro');
    expect(i18next.t('app.chunkFailedTitle')).toBe(ro.app.chunkFailedTitle);
    await showLanguage('en');
    expect(i18next.t('app.loading')).toBe('Loading…');
  });
});
