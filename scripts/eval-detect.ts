/**
 * Scores src/detect against labelled messages.
 *
 *   npx tsx scripts/eval-detect.ts [--data FILE] [--external] [--json] [--given-lang] [--errors] [--bench]
 *
 * --data FILE    JSONL with id, lang, text, labels[, sent_at] (default ../shared/eval/redflags-dev.jsonl)
 * --external     also score ../shared/eval/external/*.jsonl (toxic → abuse), with and without rows
 *                whose orig_label is plain profanity not aimed at anyone (PROFANITY)
 * --json         print the numbers as JSON instead of tables
 * --given-lang   pass each row's lang to detect() (default: the detector identifies the language)
 * --errors       list the misclassified rows (for finding *kinds* of misses)
 * --bench        measure throughput (messages/s and MB/s) over the data set, lang given and identified
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MESSAGE_RED_FLAG_CODES } from '../src/core/vocabulary.js';
import { detect } from '../src/detect/detect.js';
import type { DetectLang } from '../src/detect/types.js';

type Code = (typeof MESSAGE_RED_FLAG_CODES)[number];
const LANGS: DetectLang[] = ['en', 'ru', 'ro', 'lt'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(repoRoot, '..', 'shared', 'eval');

interface Row {
  id: string;
  lang: DetectLang;
  text: string;
  labels: string[];
  sent_at?: string;
}
interface ExtRow {
  id: string;
  lang: DetectLang;
  text: string;
  toxic: boolean;
  orig_label: string;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export interface LangReport {
  lang: string;
  n: number;
  langIdAccuracy: number;
  perLabel: Record<string, Prf>;
  macroF1: number;
  exactMatch: number;
}

export function scoreRows(rows: Row[], givenLang: boolean, errors: string[] | null): LangReport[] {
  const out: LangReport[] = [];
  for (const lang of LANGS) {
    const rs = rows.filter((r) => r.lang === lang);
    if (rs.length === 0) continue;
    const counts = new Map<Code, { tp: number; fp: number; fn: number }>();
    for (const c of MESSAGE_RED_FLAG_CODES) counts.set(c, { tp: 0, fp: 0, fn: 0 });
    let langOk = 0;
    let exact = 0;
    for (const r of rs) {
      const res = detect({ text: r.text, ...(givenLang ? { lang: r.lang } : {}), ...(r.sent_at ? { sentAt: r.sent_at } : {}) });
      if (res.lang === r.lang) langOk++;
      const gold = new Set(r.labels);
      const pred = new Set<string>(res.labels);
      let same = gold.size === pred.size;
      for (const c of MESSAGE_RED_FLAG_CODES) {
        const k = counts.get(c) as { tp: number; fp: number; fn: number };
        const g = gold.has(c);
        const p = pred.has(c);
        if (g && p) k.tp++;
        else if (p) {
          k.fp++;
          same = false;
        } else if (g) {
          k.fn++;
          same = false;
        }
      }
      if (same) exact++;
      else if (errors) {
        const fns = [...gold].filter((c) => !pred.has(c));
        const fps = [...pred].filter((c) => !gold.has(c));
        const why = res.findings
          .filter((f) => fps.includes(f.code))
          .map((f) => `${f.rule}:"${r.text.slice(f.start, f.end)}"`)
          .join(' ');
        errors.push(`${r.id} ${r.sent_at ?? ''} miss=[${fns.join(',')}] extra=[${fps.join(',')}] ${why}\n    ${r.text.slice(0, 300)}`);
      }
    }
    const perLabel: Record<string, Prf> = {};
    let sum = 0;
    for (const c of MESSAGE_RED_FLAG_CODES) {
      const k = counts.get(c) as { tp: number; fp: number; fn: number };
      perLabel[c] = prf(k.tp, k.fp, k.fn);
      sum += perLabel[c].f1;
    }
    out.push({
      lang,
      n: rs.length,
      langIdAccuracy: langOk / rs.length,
      perLabel,
      macroF1: sum / MESSAGE_RED_FLAG_CODES.length,
      exactMatch: exact / rs.length,
    });
  }
  return out;
}

export interface ExternalReport {
  file: string;
  lang: string;
  all: Prf & { n: number };
  withoutProfanity: Prf & { n: number; dropped: number };
}

function scoreAbuse(rows: ExtRow[]): Prf & { n: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const pred = detect({ text: r.text, lang: r.lang }).labels.includes('abuse');
    if (pred && r.toxic) tp++;
    else if (pred) fp++;
    else if (r.toxic) fn++;
  }
  return { ...prf(tp, fp, fn), n: rows.length };
}

/** Rows whose source label is plain profanity, not aimed at anyone (see external/README.md). */
function isPlainProfanity(r: ExtRow): boolean {
  return r.orig_label.toUpperCase() === 'PROFANITY';
}

export function scoreExternal(dir: string): ExternalReport[] {
  if (!existsSync(dir)) return [];
  const out: ExternalReport[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort()) {
    const rows = readJsonl<ExtRow>(join(dir, f));
    const kept = rows.filter((r) => !isPlainProfanity(r));
    out.push({
      file: f,
      lang: rows[0]?.lang ?? '?',
      all: scoreAbuse(rows),
      withoutProfanity: { ...scoreAbuse(kept), dropped: rows.length - kept.length },
    });
  }
  return out;
}

function bench(rows: Row[]): { given: number; identified: number; mbGiven: number; mbIdentified: number } {
  const bytes = rows.reduce((s, r) => s + Buffer.byteLength(r.text, 'utf8'), 0);
  const run = (given: boolean): number => {
    const reps = Math.max(1, Math.ceil(20000 / rows.length));
    // warm up
    for (const r of rows) detect({ text: r.text, ...(given ? { lang: r.lang } : {}), ...(r.sent_at ? { sentAt: r.sent_at } : {}) });
    const t0 = performance.now();
    for (let k = 0; k < reps; k++)
      for (const r of rows) detect({ text: r.text, ...(given ? { lang: r.lang } : {}), ...(r.sent_at ? { sentAt: r.sent_at } : {}) });
    const s = (performance.now() - t0) / 1000;
    return (reps * rows.length) / s;
  };
  const given = run(true);
  const identified = run(false);
  const per = bytes / rows.length / 1e6;
  return { given, identified, mbGiven: given * per, mbIdentified: identified * per };
}

const pct = (x: number): string => x.toFixed(2);

function printTables(reports: LangReport[]): void {
  const codes = MESSAGE_RED_FLAG_CODES;
  const w = Math.max(...codes.map((c) => c.length)) + 2;
  for (const rep of reports) {
    console.log(
      `\n== ${rep.lang} (n=${rep.n})  macro F1 ${pct(rep.macroF1)}  exact-match ${pct(rep.exactMatch)}  lang-id ${pct(rep.langIdAccuracy)}`,
    );
    console.log(`${'label'.padEnd(w)}  P     R     F1    tp  fp  fn`);
    for (const c of codes) {
      const p = rep.perLabel[c] as Prf;
      const flag = p.f1 < 0.7 ? '  <' : '';
      console.log(
        `${c.padEnd(w)}  ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}  ${String(p.tp).padStart(2)}  ${String(p.fp).padStart(2)}  ${String(p.fn).padStart(2)}${flag}`,
      );
    }
  }
  console.log('\n== summary: macro F1 per language (label F1 across languages)');
  console.log(`${'label'.padEnd(w)}  ${reports.map((r) => r.lang.padEnd(5)).join(' ')}`);
  for (const c of codes) console.log(`${c.padEnd(w)}  ${reports.map((r) => pct((r.perLabel[c] as Prf).f1).padEnd(5)).join(' ')}`);
  console.log(`${'MACRO F1'.padEnd(w)}  ${reports.map((r) => pct(r.macroF1).padEnd(5)).join(' ')}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (n: string): boolean => args.includes(n);
  const di = args.indexOf('--data');
  const dataFile = di >= 0 && args[di + 1] ? resolve(process.cwd(), args[di + 1] as string) : join(evalDir, 'redflags-dev.jsonl');
  const rows = readJsonl<Row>(dataFile);
  const errors: string[] | null = flag('--errors') ? [] : null;
  const reports = scoreRows(rows, flag('--given-lang'), errors);
  const external = flag('--external') ? scoreExternal(join(evalDir, 'external')) : [];
  const speed = flag('--bench') ? bench(rows) : null;

  if (flag('--json')) {
    console.log(
      JSON.stringify({ data: dataFile, givenLang: flag('--given-lang'), languages: reports, external, throughput: speed }, null, 2),
    );
    return;
  }
  console.log(`data: ${dataFile} (${rows.length} rows; language ${flag('--given-lang') ? 'given' : 'identified by the detector'})`);
  printTables(reports);
  if (external.length > 0) {
    console.log('\n== external (toxic → abuse)');
    console.log('file                              n     P     R     F1   | without PROFANITY: n     P     R     F1');
    for (const e of external) {
      console.log(
        `${e.file.padEnd(32)} ${String(e.all.n).padStart(5)}  ${pct(e.all.precision)}  ${pct(e.all.recall)}  ${pct(e.all.f1)}  | ${String(e.withoutProfanity.n).padStart(17)}  ${pct(e.withoutProfanity.precision)}  ${pct(e.withoutProfanity.recall)}  ${pct(e.withoutProfanity.f1)}`,
      );
    }
    console.log('(en/ru sources have no PROFANITY class, so both columns are equal there)');
  }
  if (speed) {
    console.log(
      `\n== throughput (one core): lang given ${speed.given.toFixed(0)} msg/s (${speed.mbGiven.toFixed(2)} MB/s); lang identified ${speed.identified.toFixed(0)} msg/s (${speed.mbIdentified.toFixed(2)} MB/s)`,
    );
  }
  if (errors && errors.length > 0) {
    console.log(`\n== misclassified rows (${errors.length})`);
    for (const e of errors) console.log(e);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
