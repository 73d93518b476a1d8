import { describe, expect, it } from 'vitest';
import { highlightPieces, toneView, wordLimit } from './tone-findings.js';

const LETTER = [
  'Dear Anna,',
  'I am writing to let you know that I will end our cooperation on 15 December 2026, because invoices have been paid late for months.',
  'Until then I will finish the current landing page, and by 15 December I will send you every file and password.',
  'Thank you for the work together.',
].join('\n\n');

describe('toneView', () => {
  it('quotes an insult where it is, and reports it gone once removed', () => {
    const insult = `${LETTER}\n\nYou are an idiot.`;
    const view = toneView(insult, { lang: 'en', kind: 'termination' });
    const emotional = view.findings.filter((f) => f.code === 'emotional' || f.code === 'blame');
    expect(emotional.length).toBeGreaterThan(0);
    for (const f of emotional) {
      expect(f.quote).not.toBeNull();
      expect(insult.slice(f.start, f.end)).toMatch(/idiot/i);
    }
    expect(toneView(LETTER, { lang: 'en', kind: 'termination' }).findings.filter((f) => f.code === 'emotional')).toEqual([]);
  });

  it('reports what is missing without a quote, with the fix meant for the kind', () => {
    const warning = toneView('Hello. We noticed some things.', { lang: 'en', kind: 'warning' });
    const missing = warning.findings.filter((f) => f.code === 'no_timeline' || f.code === 'no_reason');
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) {
      expect(f.quote).toBeNull();
      expect(f.fixKey).toBe(`${f.code}_warning`);
    }
    const debt = toneView('Hello.', { lang: 'en', kind: 'debt_demand' });
    expect(debt.findings.find((f) => f.code === 'no_timeline')?.fixKey).toBe('no_timeline_debt');
  });

  it('counts words against the limit of the kind', () => {
    expect(wordLimit('termination')).toBe(250);
    expect(wordLimit('re_engagement_reply')).toBe(120);
    expect(wordLimit('call_script')).toBeNull();
    const long = `${LETTER}\n\n${'More words here. '.repeat(90)}`;
    const view = toneView(long, { lang: 'en', kind: 'termination' });
    expect(view.words).toBeGreaterThan(250);
    expect(view.findings.some((f) => f.code === 'too_long' && f.quote !== null)).toBe(true);
  });
});

describe('highlightPieces', () => {
  it('cuts the text into pieces that join back to it, highlighting only quoted spans', () => {
    const text = 'aaa BAD bbb WORSE ccc';
    const pieces = highlightPieces(text, [
      { code: 'emotional', fixKey: 'emotional', start: 4, end: 7, quote: 'BAD' },
      { code: 'blame', fixKey: 'blame', start: 5, end: 17, quote: 'AD bbb WORSE' },
      { code: 'no_thanks', fixKey: 'no_thanks', start: 0, end: text.length, quote: null },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.code !== null).map((p) => [p.text, p.code])).toEqual([
      ['BAD', 'emotional'],
      [' bbb WORSE', 'blame'],
    ]);
    expect(highlightPieces('plain', [])).toEqual([{ text: 'plain', code: null }]);
  });
});
