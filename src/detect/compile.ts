/**
 * Compiles lexicon patterns (see RuleSpec in types.ts) into per-language indexes, once at module
 * load, and matches them over a token sequence. Each pattern is indexed by its first element
 * (stem key, exact form, or 3-letter prefix bucket), so a message costs a few Map look-ups per
 * token instead of one regular expression per entry (and never one giant alternation).
 */
import { foldLower, ruKey, translitToCyr } from './normalize.js';
import { stemKey } from './stem.js';
import type { DetectLang } from './types.js';

export type Alt = { t: 'stem'; v: string } | { t: 'pre'; v: string } | { t: 'exact'; v: string } | { t: 'num' };

export interface Elem {
  alts: Alt[];
  /** how many arbitrary tokens may precede this element */
  gap: number;
}

export interface CPattern {
  /** index of the owner (rule, group or inline and/unless pattern) in CompiledLexicon.owners */
  owner: number;
  elems: Elem[];
  src: string;
}

export interface CompiledLexicon {
  lang: DetectLang;
  owners: string[];
  byStem: Map<string, CPattern[]>;
  byExact: Map<string, CPattern[]>;
  byPre: Map<string, CPattern[]>;
  shortPre: CPattern[];
  byNum: CPattern[];
}

/** The per-language token view the matcher works on (null: token not in this language's script). */
export interface TokenView {
  keys: Array<string | null>;
  norms: Array<string | null>;
  isNum: boolean[];
  sent: number[];
}

function normWord(lang: DetectLang, w: string): string {
  const f = foldLower(w);
  return lang === 'ru' ? ruKey(f) : f;
}

function parseAlt(lang: DetectLang, a: string): Alt {
  if (a === '#num') return { t: 'num' };
  if (a.startsWith('=')) return { t: 'exact', v: normWord(lang, a.slice(1)) };
  if (a.length > 1 && a.endsWith('*')) return { t: 'pre', v: normWord(lang, a.slice(0, -1)) };
  const lower = a.toLowerCase();
  const key = stemKey(lang, lower);
  // A stem of one or two letters would match unrelated short words ("зая" → "за"): match exactly.
  if (key.length <= 2 && key !== normWord(lang, lower)) return { t: 'exact', v: normWord(lang, lower) };
  return { t: 'stem', v: key };
}

export function parsePattern(lang: DetectLang, src: string, owner: number): CPattern {
  const elems: Elem[] = [];
  let gap = 0;
  for (const part of src.trim().split(/\s+/)) {
    if (part === '') continue;
    const g = /^~(\d+)$/.exec(part);
    if (g) {
      gap += Number(g[1]);
      continue;
    }
    elems.push({
      alts: part
        .split('|')
        .filter((x) => x !== '')
        .map((a) => parseAlt(lang, a)),
      gap,
    });
    gap = 0;
  }
  if (elems.length === 0) throw new Error(`empty pattern: ${src}`);
  const first = elems[0] as Elem;
  first.gap = 0;
  return { owner, elems, src };
}

export function newLexicon(lang: DetectLang): CompiledLexicon {
  return { lang, owners: [], byStem: new Map(), byExact: new Map(), byPre: new Map(), shortPre: [], byNum: [] };
}

function push(map: Map<string, CPattern[]>, k: string, p: CPattern): void {
  const arr = map.get(k);
  if (arr) {
    if (!arr.includes(p)) arr.push(p);
  } else map.set(k, [p]);
}

/** Adds the patterns of one owner; returns the owner index. */
export function addOwner(lex: CompiledLexicon, name: string, patterns: string[]): number {
  const owner = lex.owners.length;
  lex.owners.push(name);
  for (const src of patterns) {
    const p = parsePattern(lex.lang, src, owner);
    const first = p.elems[0] as Elem;
    for (const a of first.alts) {
      if (a.t === 'stem') push(lex.byStem, a.v, p);
      else if (a.t === 'exact') push(lex.byExact, a.v, p);
      else if (a.t === 'num') {
        if (!lex.byNum.includes(p)) lex.byNum.push(p);
      } else if (a.v.length >= 3) push(lex.byPre, a.v.slice(0, 3), p);
      else if (!lex.shortPre.includes(p)) lex.shortPre.push(p);
    }
  }
  return owner;
}

function altMatches(a: Alt, v: TokenView, i: number): boolean {
  switch (a.t) {
    case 'stem':
      return v.keys[i] === a.v;
    case 'exact':
      return v.norms[i] === a.v;
    case 'pre': {
      const n = v.norms[i];

      return n?.startsWith(a.v) ?? false;
    }
    case 'num':
      return v.isNum[i] === true;
  }
}

function elemMatches(e: Elem, v: TokenView, i: number): boolean {
  for (const a of e.alts) if (altMatches(a, v, i)) return true;
  return false;
}

/** Matches elems[k..] starting at or after token `from` (respecting gaps); fills `out`. */
function matchRest(p: CPattern, k: number, from: number, sent: number, v: TokenView, out: number[]): boolean {
  if (k >= p.elems.length) return true;
  const e = p.elems[k] as Elem;
  const n = v.keys.length;
  for (let j = from; j <= from + e.gap && j < n; j++) {
    if (v.sent[j] !== sent) return false;
    if (elemMatches(e, v, j)) {
      out.push(j);
      if (matchRest(p, k + 1, j + 1, sent, v, out)) return true;
      out.pop();
    }
  }
  return false;
}

export interface RawMatch {
  owner: number;
  tokens: number[];
}

/** All matches of all patterns of a lexicon over a token view. */
export function matchAll(lex: CompiledLexicon, v: TokenView): RawMatch[] {
  const out: RawMatch[] = [];
  const n = v.keys.length;
  const seen = new Set<CPattern>();
  for (let i = 0; i < n; i++) {
    const key = v.keys[i];
    const norm = v.norms[i];
    if ((key === null || key === undefined) && !v.isNum[i]) continue;
    seen.clear();
    const cands: CPattern[][] = [];
    if (key) {
      const a = lex.byStem.get(key);
      if (a) cands.push(a);
    }
    if (norm) {
      const b = lex.byExact.get(norm);
      if (b) cands.push(b);
      if (norm.length >= 3) {
        const c = lex.byPre.get(norm.slice(0, 3));
        if (c) cands.push(c);
      }
      if (lex.shortPre.length > 0) cands.push(lex.shortPre);
    }
    if (v.isNum[i] && lex.byNum.length > 0) cands.push(lex.byNum);
    for (const list of cands) {
      for (const p of list) {
        if (seen.has(p)) continue;
        seen.add(p);
        if (!elemMatches(p.elems[0] as Elem, v, i)) continue;
        const toks = [i];
        if (matchRest(p, 1, i + 1, v.sent[i] as number, v, toks)) out.push({ owner: p.owner, tokens: toks });
      }
    }
  }
  return out;
}

/** Key and norm of a token for a language (translit: Latin token read as Russian). */
export function keyFor(lang: DetectLang, lower: string, norm: string, translit: boolean): [string, string] {
  if (translit) {
    const cyr = translitToCyr(norm);
    return [stemKey('ru', cyr), ruKey(cyr)];
  }
  return [stemKey(lang, lower), lang === 'ru' ? ruKey(norm) : norm];
}
