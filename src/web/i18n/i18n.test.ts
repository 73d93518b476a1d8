import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/errors.js';
import {
  CARD_COLORS,
  CLIENT_KINDS,
  CLIENT_SIZES,
  CLIENT_STATUSES,
  ENGAGEMENT_KINDS,
  INCIDENT_SOURCES,
  MESSAGE_CHANNELS,
  MESSAGE_SENDERS,
  NOTICE_UNITS,
  RED_FLAG_CODES,
  SEVERITIES,
} from '../../core/vocabulary.js';
import { en, type Resource } from './en.js';
import { lt } from './lt.js';
import { ro } from './ro.js';
import { ru } from './ru.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(resource: Resource, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }

  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const languages = { en, ru, ro, lt } as Record<string, Resource>;
const reference = flatten(en);
const referenceBases = new Set([...reference.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));

describe.each(Object.entries(languages))('%s resources', (lang, resource) => {
  const flat = flatten(resource);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

  it('has every key of English and no others', () => {
    const bases = new Set([...flat.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
    expect([...referenceBases].filter((k) => !bases.has(k))).toEqual([]);
    expect([...bases].filter((k) => !referenceBases.has(k))).toEqual([]);
  });

  it('has every plural form the language needs', () => {
    const pluralBases = new Set([...reference.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
    for (const base of pluralBases) {
      for (const category of categories) expect(flat.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
    }
  });

  it('has no empty strings and keeps the placeholders', () => {
    for (const [key, value] of flat) {
      expect(value.trim(), key).not.toBe('');
      const base = key.replace(PLURAL_SUFFIX, '');
      const english = reference.get(key) ?? reference.get(`${base}_other`);
      if (english !== undefined) expect(placeholders(value), key).toEqual(placeholders(english));
    }
  });

  it('names every code of the vocabulary', () => {
    const need = [
      ...RED_FLAG_CODES.map((c) => `flag.${c}`),
      ...RED_FLAG_CODES.map((c) => `flagHint.${c}`),
      ...SEVERITIES.map((s) => `severity.${s}`),
      ...CLIENT_STATUSES.map((s) => `status.${s}`),
      ...ENGAGEMENT_KINDS.map((k) => `engagementKind.${k}`),
      ...NOTICE_UNITS.map((u) => `noticeUnit.${u}`),
      ...NOTICE_UNITS.map((u) => `plural.${u}_other`),
      ...CLIENT_KINDS.map((k) => `clientKind.${k}`),
      ...CLIENT_SIZES.map((k) => `clientSize.${k}`),
      ...INCIDENT_SOURCES.map((k) => `source.${k}`),
      ...CARD_COLORS.map((k) => `cardColor.${k}`),
      ...MESSAGE_SENDERS.map((k) => `sender.${k}`),
      ...MESSAGE_CHANNELS.map((k) => `channel.${k}`),
      ...ERROR_CODES.map((k) => `errors.code.${k}`),
    ];
    for (const key of need) expect(flat.has(key), key).toBe(true);
  });

  it('names every section of the header differently', () => {
    // Every section's `nav` label sits side by side in the header or its More menu: two equal
    // words (Review and Screening were both «Проверка» once) leave the user guessing.
    const labels = [...flat].filter(([key]) => key === 'nav.clients' || key.endsWith('.nav')).map(([, text]) => text);
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('is written in its own language', () => {
    if (lang === 'en') return;
    // Red-flag labels must be translated, not copied from English.
    for (const code of RED_FLAG_CODES) expect(flat.get(`flag.${code}`), code).not.toBe(reference.get(`flag.${code}`));
    const alphabet = { ru: /[а-яё]/i, ro: /[ăâîșț]/i, lt: /[ąčęėįšųūž]/i }[lang];
    expect(alphabet?.test([...flat.values()].join(' '))).toBe(true);
    // Romanian uses the comma-below letters, not the cedilla look-alikes.
    if (lang === 'ro') expect([...flat.values()].join(' ')).not.toMatch(/[şţŞŢ]/);
  });
});
