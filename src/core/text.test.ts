import { describe, expect, it } from 'vitest';
import { type KeyedText, keysOf, renderEnglish, templateIn } from './text.js';

const table = {
  greet: {
    hello: 'Hello, {{name}}: {{count}} new',
    days_one: '{{count}} day late',
    days_other: '{{count}} days late',
    owed: 'You owe {{amount}} since {{date}}',
    either: 'Choose {{options}}.',
    plain: 'No placeholders at all',
  },
};

describe('keyed texts in English', () => {
  it('fills placeholders, keeps unknown ones, and renders the same text the same way every time', () => {
    const text = { key: 'greet.hello', params: { name: 'Ana', count: 3 } };
    expect(renderEnglish(table, text)).toBe('Hello, Ana: 3 new');
    expect(renderEnglish(table, text)).toBe('Hello, Ana: 3 new');
    expect(renderEnglish(table, { key: 'greet.hello', params: { count: 1 } })).toBe('Hello, {{name}}: 1 new');
    expect(renderEnglish(table, { key: 'greet.plain', params: {} })).toBe('No placeholders at all');
  });

  it('chooses the plural form by count, and shows an unknown key as itself', () => {
    expect(renderEnglish(table, { key: 'greet.days', params: { count: 1 } })).toBe('1 day late');
    expect(renderEnglish(table, { key: 'greet.days', params: { count: 4 } })).toBe('4 days late');
    expect(templateIn(table, 'greet.days', 1)).toBe('{{count}} day late');
    expect(templateIn(table, 'greet.days')).toBe('{{count}} days late');
    expect(renderEnglish(table, { key: 'greet.gone', params: {} })).toBe('greet.gone');
    expect(keysOf(table)).toEqual(['greet.hello', 'greet.days', 'greet.owed', 'greet.either', 'greet.plain']);
  });

  it('formats amounts, dates and nested lists', () => {
    const owed = { key: 'greet.owed', params: { amount: { amount_minor: 123456, currency: 'EUR' }, date: { date: '2026-11-01' } } };
    expect(renderEnglish(table, owed)).toMatch(/^You owe .*1,234\.56.* since 2026-11-01$/);
    const either: KeyedText = {
      key: 'greet.either',
      params: {
        options: {
          texts: [
            { key: 'greet.plain', params: {} },
            { key: 'greet.days', params: { count: 2 } },
          ],
          join: 'or',
        },
      },
    };
    expect(renderEnglish(table, either)).toBe('Choose No placeholders at all or 2 days late.');
  });
});
