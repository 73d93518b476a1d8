import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { capturingIo } from '../../../test/cli.js';
import { demoCasesDir } from '../../demo/load-demo-cases.js';
import { main } from '../main.js';
import { type LetterClock, letterCommand } from './letter.js';

const CLOCK: LetterClock = { now: () => new Date('2026-11-22T10:00:00Z'), messageId: () => 'fixed@redcard.local' };
const CASE_10 = join(demoCasesDir(), '10-transbalt-logistika.json');
const CASE_09 = join(demoCasesDir(), '09-lemnaria-carpati.json');

async function run(args: string[]): Promise<string> {
  const io = capturingIo();
  const cmd = letterCommand(io, CLOCK)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  await cmd.parseAsync(args, { from: 'user' });

  return io.stdout();
}

describe('redcard letter', () => {
  it('accepts the case format spelling reengagement_reply for the after-exit reply', async () => {
    const a = await run([CASE_10, '--kind', 'reengagement_reply', '--lang', 'en', '--today', '2026-11-22']);
    const b = await run([CASE_10, '--kind', 're_engagement_reply', '--lang', 'en', '--today', '2026-11-22']);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(40);
  });

  it("prints the draft in the client's language by default", async () => {
    const text = await run([CASE_10, '--kind', 'debt_demand']);
    expect(text).toMatch(/^Требование об оплате: счёт № NS-2026-061/);
    expect(text).toContain('Итого задолженность: 8\u00a0000,00\u00a0€.');
  });

  it('takes --lang, --reason, --from and --to', async () => {
    const text = await run([
      CASE_09,
      '--kind',
      'termination',
      '--lang',
      'en',
      '--reason',
      'conduct',
      '--from',
      'Ieva',
      '--to',
      'Mr Popescu',
    ]);
    expect(text).toContain('Dear Mr Popescu,');
    expect(text).toContain('After the exchange of 8 September 2026');
    expect(text.trimEnd().endsWith('Kind regards,\nIeva')).toBe(true);
  });

  it('writes an .eml a mail client reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'redcard-cli-letter-')), 'letter.eml');
    const said = await run([
      CASE_10,
      '--kind',
      'termination',
      '--lang',
      'lt',
      '--format',
      'eml',
      '--out',
      out,
      '--to-email',
      'info@transbalt.example',
    ]);
    expect(said).toMatch(/^Wrote .*letter\.eml \(eml, \d+ bytes\)/);
    const email = await PostalMime.parse(readFileSync(out));
    expect(email.subject).toMatch(/^Bendradarbiavimo nutraukimas/);
    expect(email.to?.[0]?.address).toBe('info@transbalt.example');
    expect(email.text).toContain('Pagarbiai\r\nNorthlight Studio');
  });

  it('writes a PDF whose text pdftotext reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'redcard-cli-letter-')), 'letter.pdf');
    await run([CASE_10, '--kind', 'call_script', '--lang', 'ro', '--format', 'pdf', '--out', out]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Dacă clientul ridică tonul');
  });

  it('needs --out for a file format', async () => {
    await expect(run([CASE_10, '--kind', 'termination', '--format', 'pdf'])).rejects.toThrow(/--out FILE/);
  });
});

describe('redcard letter through main: clear errors and exit codes', () => {
  async function exit(args: string[]): Promise<{ code: number; err: string }> {
    const io = capturingIo();
    const code = await main(['node', 'redcard', 'letter', ...args], io);

    return { code, err: io.stderr() };
  }

  it('an unknown kind, language, format or reason names the valid ones (exit 3)', async () => {
    const kind = await exit([CASE_10, '--kind', 'farewell']);
    expect(kind.code).toBe(3);
    expect(kind.err).toContain('warning, termination, call_script, debt_demand, re_engagement_reply');
    const lang = await exit([CASE_10, '--kind', 'termination', '--lang', 'fr']);
    expect(lang.err).toContain('en, ru, ro, lt');
    const format = await exit([CASE_10, '--kind', 'termination', '--format', 'odt']);
    expect(format.err).toContain('text, pdf, docx, eml');
    const reason = await exit([CASE_10, '--kind', 'termination', '--reason', 'misfit']);
    expect(reason.code).toBe(3);
    expect(reason.err).toMatch(/Nothing recorded backs the reason "misfit".*the facts allow: conduct, payment/);
  });

  it('a missing --kind says which kinds there are', async () => {
    const r = await exit([CASE_10]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('--kind is required');
  });

  it('a missing case file exits 4', async () => {
    expect((await exit(['/nonexistent/case.json', '--kind', 'termination'])).code).toBe(4);
  });
});
