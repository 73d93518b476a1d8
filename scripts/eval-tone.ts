/**
 * Scores the tone checker (src/core/letters/tone.ts) against labelled letters.
 *
 *   npx tsx scripts/eval-tone.ts [--data FILE] [--heldout] [--json] [--errors]
 *
 * --data FILE   JSONL with id, lang, text, violations[, context, kind] (default ../shared/eval/letters-dev.jsonl)
 * --heldout     score the team's own held-out letters (src/core/letters/tone-heldout.fixture.ts) instead
 * --json        print the numbers as JSON instead of tables
 * --errors      list the letters with a missed or extra code, and the rule and text behind each extra one
 *
 * Per code and language: precision, recall, F1 (tp/fp/fn counted per letter); then the same per
 * code over all languages, and the macro F1.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkTone,
  LETTER_KINDS,
  LETTER_LANGS,
  type LetterKind,
  type LetterLang,
  TONE_CODES,
  type ToneContext,
} from '../src/core/letters/tone.js';
import { TONE_HELDOUT } from '../src/core/letters/tone-heldout.fixture.js';
import { type Prf, prf } from './eval-detect.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(repoRoot, '..', 'shared', 'eval');

/** One labelled letter, as in letters-dev.jsonl. */
export interface LabelledLetter {
  id: string;
  lang: LetterLang;
  text: string;
  violations: string[];
  context?: ToneContext;
  kind?: LetterKind;
}

export interface ToneReport {
  /** a language, or 'all' */
  scope: string;
  n: number;
  perCode: Record<string, Prf>;
  macroF1: number;
  exactMatch: number;
}

/** Reads and validates a JSONL file of labelled letters; a bad line stops the run with its number. */
export function readLetters(file: string): LabelledLetter[] {
  const rows: LabelledLetter[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const row = JSON.parse(line) as Partial<LabelledLetter>;
      const where = `${file}:${i + 1}`;
      if (typeof row.id !== 'string' || typeof row.text !== 'string') throw new Error(`${where}: needs "id" and "text" strings`);
      if (!LETTER_LANGS.includes(row.lang as LetterLang)) throw new Error(`${where}: unknown lang ${JSON.stringify(row.lang)}`);
      if (!Array.isArray(row.violations)) throw new Error(`${where}: "violations" must be a list`);
      if (row.kind !== undefined && !LETTER_KINDS.includes(row.kind)) throw new Error(`${where}: unknown kind ${JSON.stringify(row.kind)}`);
      rows.push(row as LabelledLetter);
    });

  return rows;
}

/** Scores the letters per language and over all of them; pushes one line per imperfect letter to `errors`. */
export function scoreLetters(rows: LabelledLetter[], errors: string[] | null): ToneReport[] {
  const predictions = new Map(
    rows.map((r) => [
      r.id,
      checkTone(r.text, { lang: r.lang, ...(r.context ? { context: r.context } : {}), ...(r.kind ? { kind: r.kind } : {}) }),
    ]),
  );
  const scopes: Array<[string, LabelledLetter[]]> = [
    ...LETTER_LANGS.map((l): [string, LabelledLetter[]] => [l, rows.filter((r) => r.lang === l)]),
    ['all', rows],
  ];
  const reports: ToneReport[] = [];
  for (const [scope, rs] of scopes) {
    if (rs.length === 0) continue;
    const counts = new Map(TONE_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
    let exact = 0;
    for (const r of rs) {
      const result = predictions.get(r.id);
      if (!result) continue;
      const gold = new Set(r.violations);
      const pred = new Set<string>(result.violations);
      for (const c of TONE_CODES) {
        const k = counts.get(c) as { tp: number; fp: number; fn: number };
        if (gold.has(c) && pred.has(c)) k.tp++;
        else if (pred.has(c)) k.fp++;
        else if (gold.has(c)) k.fn++;
      }
      const missed = [...gold].filter((c) => !pred.has(c));
      const extra = [...pred].filter((c) => !gold.has(c));
      if (missed.length === 0 && extra.length === 0) exact++;
      else if (errors && scope !== 'all') {
        const why = result.findings
          .filter((f) => extra.includes(f.code))
          .map((f) => `${f.rule}:"${r.text.slice(f.start, Math.min(f.end, f.start + 60))}"`)
          .join(' ');
        errors.push(`${r.id} miss=[${missed.join(',')}] extra=[${extra.join(',')}] ${why}`);
      }
    }
    const perCode: Record<string, Prf> = {};
    for (const c of TONE_CODES) {
      const k = counts.get(c) as { tp: number; fp: number; fn: number };
      perCode[c] = prf(k.tp, k.fp, k.fn);
    }
    const macroF1 = TONE_CODES.reduce((s, c) => s + (perCode[c] as Prf).f1, 0) / TONE_CODES.length;
    reports.push({ scope, n: rs.length, perCode, macroF1, exactMatch: exact / rs.length });
  }

  return reports;
}

const fmt = (x: number): string => x.toFixed(2);

function printTables(reports: ToneReport[]): void {
  const w = Math.max(...TONE_CODES.map((c) => c.length)) + 2;
  for (const rep of reports) {
    console.log(`\n== ${rep.scope} (n=${rep.n})  macro F1 ${fmt(rep.macroF1)}  exact-match ${fmt(rep.exactMatch)}`);
    console.log(`${'code'.padEnd(w)}  P     R     F1    tp  fp  fn`);
    for (const c of TONE_CODES) {
      const p = rep.perCode[c] as Prf;
      const flag = p.f1 < 0.85 ? '  <' : '';
      console.log(
        `${c.padEnd(w)}  ${fmt(p.precision)}  ${fmt(p.recall)}  ${fmt(p.f1)}  ${String(p.tp).padStart(2)}  ${String(p.fp).padStart(2)}  ${String(p.fn).padStart(2)}${flag}`,
      );
    }
  }
  console.log('\n== summary: F1 per code and language');
  console.log(`${'code'.padEnd(w)}  ${reports.map((r) => r.scope.padEnd(5)).join(' ')}`);
  for (const c of TONE_CODES) console.log(`${c.padEnd(w)}  ${reports.map((r) => fmt((r.perCode[c] as Prf).f1).padEnd(5)).join(' ')}`);
  console.log(`${'MACRO F1'.padEnd(w)}  ${reports.map((r) => fmt(r.macroF1).padEnd(5)).join(' ')}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (n: string): boolean => args.includes(n);
  const di = args.indexOf('--data');
  const heldout = flag('--heldout');
  const source = heldout
    ? 'held-out fixture src/core/letters/tone-heldout.fixture.ts'
    : di >= 0 && args[di + 1]
      ? resolve(process.cwd(), args[di + 1] as string)
      : join(evalDir, 'letters-dev.jsonl');
  const rows = heldout ? [...TONE_HELDOUT] : readLetters(source);
  const errors: string[] | null = flag('--errors') ? [] : null;
  const reports = scoreLetters(rows, errors);
  if (flag('--json')) {
    console.log(JSON.stringify({ data: source, reports }, null, 2));
    return;
  }
  console.log(`data: ${source} (${rows.length} letters)`);
  printTables(reports);
  if (errors && errors.length > 0) {
    console.log(`\n== letters with a missed or extra code (${errors.length})`);
    for (const e of errors) console.log(e);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
