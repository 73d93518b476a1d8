/**
 * Texts for people as a stable key with typed parameters, shared by the exit plan (exit/texts.ts),
 * its money notes (money/texts.ts) and the assessment (assessment/texts.ts): the core renders the
 * English words from its table of templates, the web UI translates the key and formats each
 * parameter for its language.
 *
 * Templates use i18next placeholders (`{{name}}`). A key may come in plural forms, `key_one` and
 * `key_other`, chosen by the numeric `count` parameter as i18next chooses them.
 */

import { describeNotice, type Notice } from './exit/notice.js';
import { formatMoney } from './money/money.js';

/** A parameter that needs no language of its own: a name, a code, a count. */
export type PlainParam = string | number;
/** A parameter each language formats: a calendar date, an amount, a notice period, names to quote, a number, a share. */
export type TextParam =
  | PlainParam
  | { date: string }
  | { amount_minor: number; currency: string }
  | { notice: Notice }
  | { names: string[] }
  | { number: number }
  | { percent: number };

/** A text: its key and parameters. The key is a string so a text saved with a key since retired still reads. */
export interface KeyedText {
  key: string;
  params: Record<string, TextParam | TextList>;
}

/**
 * Texts inside a parameter: sentences joined by a space (the default), items of a list joined by
 * "; " (`join: 'list'`) or ", " (`join: 'comma'`), or alternatives ("a, b or c", `join: 'or'`).
 */
export interface TextList {
  texts: KeyedText[];
  join?: 'list' | 'comma' | 'or';
}

type Table = Record<string, Record<string, string>>;

/** Bounds the caches below: templates come from the core's tables, the cap guards against keys from elsewhere. */
const COMPILED_TEMPLATES_MAX = 2_000;

/** Every key of a table as "group.name", plural forms as their base key once. */
export function keysOf(table: Table): string[] {
  const keys = Object.entries(table).flatMap(([group, texts]) =>
    Object.keys(texts).map((k) => `${group}.${k.replace(/_(one|other)$/, '')}`),
  );

  return [...new Set(keys)];
}

/** The template of `key` in `table` (its `_one`/`_other` form when it has plural forms); undefined when absent. */
export function templateIn(table: Table, key: string, count?: number): string | undefined {
  let found = templatesFound.get(table);
  if (found === undefined) {
    found = new Map();
    templatesFound.set(table, found);
  }
  const lookup = count === undefined ? key : `${key}#${count === 1 ? 'one' : 'other'}`;
  if (found.has(lookup)) return found.get(lookup);
  const template = findTemplate(table, key, count);
  if (found.size < COMPILED_TEMPLATES_MAX) found.set(lookup, template);

  return template;
}

/** Lookups already made, per table: the same few dozen keys are asked for thousands of times. */
const templatesFound = new WeakMap<Table, Map<string, string | undefined>>();

function findTemplate(table: Table, key: string, count?: number): string | undefined {
  const dot = key.indexOf('.');
  const group = table[key.slice(0, dot)];
  if (!group) return undefined;
  const name = key.slice(dot + 1);
  if (Object.hasOwn(group, name)) return group[name];
  const form = `${name}_${count === 1 ? 'one' : 'other'}`;

  return Object.hasOwn(group, form) ? group[form] : undefined;
}

function joinEnglish(words: string[], join: TextList['join']): string {
  if (join === 'list') return words.join('; ');
  if (join === 'comma') return words.join(', ');
  if (join === 'or') return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

  return words.join(' ');
}

function englishParam(table: Table, param: TextParam | TextList): string {
  if (typeof param === 'string' || typeof param === 'number') return String(param);
  if ('date' in param) return param.date;
  if ('amount_minor' in param) return formatMoney(param.amount_minor, param.currency);
  if ('notice' in param) return describeNotice(param.notice);
  if ('names' in param) return param.names.map((n) => `"${n}"`).join(', ');
  if ('number' in param) return String(Math.round(param.number * 10) / 10);
  if ('percent' in param) return `${Math.round(param.percent * 100)}%`;

  return joinEnglish(
    param.texts.map((t) => renderEnglish(table, t)),
    param.join,
  );
}

/**
 * A template split once into literal text (even places) and placeholder names (odd places). The
 * dashboard assesses every client at twelve dates, each with a dozen texts: scanning each template
 * with a RegExp every time cost a third of an assessment.
 */
const compiledTemplates = new Map<string, string[]>();

/** A template's literal text (even places) and placeholder names (odd places), split once per template. */
export function templateParts(template: string): readonly string[] {
  return compiled(template);
}

function compiled(template: string): string[] {
  let parts = compiledTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{\{(\w+)\}\}/);
    if (compiledTemplates.size < COMPILED_TEMPLATES_MAX) compiledTemplates.set(template, parts);
  }

  return parts;
}

/** The English words of a text from `table`; an unknown key shows as itself. */
export function renderEnglish(table: Table, text: KeyedText): string {
  const count = text.params.count;
  const parts = compiled(templateIn(table, text.key, typeof count === 'number' ? count : undefined) ?? text.key);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = text.params[name];
    out += value === undefined ? `{{${name}}}` : englishParam(table, value);
    out += parts[i + 1] ?? '';
  }

  return out;
}
