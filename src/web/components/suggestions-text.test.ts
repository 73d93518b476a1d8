import { describe, expect, it } from 'vitest';
import { excerptAround, highlightSegments, normalizeSpans } from './suggestions-text.js';

describe('highlightSegments', () => {
  it('marks exactly the spans and keeps the rest as plain text', () => {
    const text = 'Pay now or I will tell everyone.';
    const segments = highlightSegments(text, [
      { start: 0, end: 7 },
      { start: 11, end: 31 },
    ]);
    expect(segments).toEqual([
      { text: 'Pay now', marked: true, at: 0 },
      { text: ' or ', marked: false, at: 7 },
      { text: 'I will tell everyone', marked: true, at: 11 },
      { text: '.', marked: false, at: 31 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping spans, drops empty and out-of-range ones, and accepts them unsorted', () => {
    const text = 'abcdefghij';
    const segments = highlightSegments(text, [
      { start: 6, end: 8 },
      { start: 2, end: 5 },
      { start: 4, end: 7 },
      { start: 9, end: 9 },
      { start: 8, end: 99 },
    ]);
    expect(segments).toEqual([
      { text: 'ab', marked: false, at: 0 },
      { text: 'cdefghij', marked: true, at: 2 },
    ]);
  });

  it('counts UTF-16 units, so text after an emoji is highlighted in the right place', () => {
    const text = '😡 plătește acum';
    const start = text.indexOf('plătește');
    const segments = highlightSegments(text, [{ start, end: start + 'plătește'.length }]);
    expect(segments.find((s) => s.marked)?.text).toBe('plătește');
  });

  it('highlights only inside the requested window', () => {
    expect(highlightSegments('0123456789', [{ start: 2, end: 8 }], 4, 6)).toEqual([{ text: '45', marked: true, at: 4 }]);
  });
});

describe('normalizeSpans', () => {
  it('swaps reversed spans instead of losing them', () => {
    expect(normalizeSpans([{ start: 5, end: 2 }], 0, 10)).toEqual([{ start: 2, end: 5 }]);
  });
});

describe('excerptAround', () => {
  it('shows a short message whole', () => {
    expect(excerptAround('short text', [{ start: 0, end: 5 }])).toEqual({ from: 0, to: 10, cutBefore: false, cutAfter: false });
  });

  it('cuts a long message around the spans on word boundaries', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const start = words.indexOf('word200');
    const excerpt = excerptAround(words, [{ start, end: start + 7 }], 50);
    expect(excerpt.cutBefore).toBe(true);
    expect(excerpt.cutAfter).toBe(true);
    expect(excerpt.from).toBeLessThanOrEqual(start - 50);
    expect(excerpt.to).toBeGreaterThanOrEqual(start + 57);
    expect(words[excerpt.from - 1]).toBe(' ');
    expect([' ', undefined]).toContain(words[excerpt.to]);
  });
});
