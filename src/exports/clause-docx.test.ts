/** The clause .docx read back by yauzl and an XML text pass: every paragraph is there, the notice in bold. */
import { describe, expect, it } from 'vitest';
import { docxParagraphs, unzipText } from '../../test/docx-text.js';
import { generateClauses } from '../core/clauses/generate.js';
import type { ClauseInput } from '../core/clauses/types.js';
import { clauseToDocx } from './clause-docx.js';

const NOW = new Date('2026-11-22T09:30:00Z');

function doc(lang: ClauseInput['lang'], jurisdiction: ClauseInput['jurisdiction']) {
  return generateClauses(
    {
      lang,
      notice: { amount: 21, unit: 'business_days' },
      jurisdiction,
      place: null,
      provider_name: 'Northlight & Co <studio>',
      client_name: 'UAB „Medaus kelias“',
      client_kind: 'business',
      payment_days: 30,
      deposit_percent: 25,
      interest: { kind: 'statutory' },
    },
    { today: '2026-11-22' },
  );
}

describe('clause .docx', () => {
  it.each([
    ['en', 'LT'],
    ['ru', 'RU'],
    ['ro', 'RO'],
    ['lt', 'LT'],
  ] as const)('%s/%s: the package opens and holds the notice, the parties and every clause', async (lang, jurisdiction) => {
    const clauses = doc(lang, jurisdiction);
    const bytes = clauseToDocx(clauses, NOW);
    const files = await unzipText(bytes);
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const xml = files.get('word/document.xml') ?? '';
    expect(xml).toContain(`w:lang w:val="${{ en: 'en-GB', ru: 'ru-RU', ro: 'ro-RO', lt: 'lt-LT' }[lang]}"`);
    // The notice is bold: its run properties carry <w:b/>.
    expect(xml).toMatch(new RegExp(`<w:b/>[^]*?${clauses.disclaimer.slice(0, 20)}`));
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs).toEqual([
      clauses.title,
      clauses.disclaimer,
      clauses.parties,
      ...clauses.sections.flatMap((s) => [`${s.number}. ${s.heading}`, ...s.paragraphs]),
      ...clauses.notes,
    ]);
    expect(paragraphs.join('\n')).toContain('21');
    expect(paragraphs[2]).toContain('Northlight & Co <studio>');
  });
});
