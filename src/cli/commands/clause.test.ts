import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRedcard } from '../../../test/cli.js';
import { docxParagraphs } from '../../../test/docx-text.js';

const run = (args: string[]) => runRedcard(['clause', ...args]);

describe('redcard clause', () => {
  it('prints the clause with the notice and jurisdiction filled in, the disclaimer first', async () => {
    const r = await run(['--lang', 'lt', '--notice', '30 days', '--jurisdiction', 'LT', '--deposit', '20%']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n\n')[1]).toMatch(/^\[Šablonas, ne teisinė konsultacija/);
    expect(r.out).toContain('30 (trisdešimt) kalendorinių dienų');
    expect(r.out).toContain('Lietuvos Respublikos teisė');
    expect(r.out).toContain('20 proc.');
  });

  it('writes a .docx that yauzl reads back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redcard-clause-')), 'c.docx');
    const r = await run([
      '--lang',
      'ro',
      '--notice',
      '2 months',
      '--jurisdiction',
      'ro',
      '--interest',
      '9.5',
      '--format',
      'docx',
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    const paragraphs = await docxParagraphs(readFileSync(file));
    expect(paragraphs.join('\n')).toContain('2 (două) luni');
    expect(paragraphs.join('\n')).toContain('9,5% pe an');
  });

  it.each([
    [['--notice', '0 days'], 'notice.amount'],
    [['--notice', '13 months'], 'notice.amount'],
    [['--notice', 'soon'], '--notice'],
    [['--notice', '30 days', '--interest', 'lots'], 'interest'],
  ])('refuses %j with exit 3 and names %s', async (args, what) => {
    const r = await run(args);
    expect(r.code).toBe(3);
    expect(r.err).toContain(what);
  });
});
