/**
 * Snowball stemmers from @nlpjs (maintained, pure JS), behind a bounded memo.
 *
 * The @nlpjs stemmers keep their own cache that never shrinks; over a whole mailbox that grows
 * without bound, so we call their `innerStem()` directly and memoise in a small Map that is
 * cleared when full (cheap, and the hot vocabulary refills it in a few messages).
 */
import nlpEn from '@nlpjs/lang-en';
import nlpLt from '@nlpjs/lang-lt';
import nlpRo from '@nlpjs/lang-ro';
import nlpRu from '@nlpjs/lang-ru';
import { foldLower, ruKey } from './normalize.js';
import type { DetectLang } from './types.js';

const MEMO_LIMIT = 50_000;

function makeStemmer(ctor: NlpjsStemmerCtor): (word: string) => string {
  const s = new ctor();
  return (word: string): string => {
    s.setCurrent(word);
    s.innerStem();
    return s.getCurrent();
  };
}

const raw: Record<DetectLang, (w: string) => string> = {
  en: makeStemmer(nlpEn.StemmerEn),
  ru: makeStemmer(nlpRu.StemmerRu),
  ro: makeStemmer(nlpRo.StemmerRo),
  lt: makeStemmer(nlpLt.StemmerLt),
};

const memo: Record<DetectLang, Map<string, string>> = {
  en: new Map(),
  ru: new Map(),
  ro: new Map(),
  lt: new Map(),
};

/**
 * The matching key of a lower-cased word in a language: the stem, with diacritics folded (so
 * "plătesc" and "platesc" meet) and, for Russian, ё/э→е and without ь/ъ.
 */
export function stemKey(lang: DetectLang, lower: string): string {
  const m = memo[lang];
  const hit = m.get(lower);
  if (hit !== undefined) return hit;
  let key: string;
  if (lower.length <= 2) {
    key = foldLower(lower);
  } else {
    // Romanian and Lithuanian are often typed without diacritics: stem the folded form, so
    // "mokėti" and "moketi" get the same key. English and Russian stem the word as written.
    const st = lang === 'ro' || lang === 'lt' ? raw[lang](foldLower(lower)) : raw[lang](lower);
    key = lang === 'ru' ? ruKey(st) : foldLower(st);
  }
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(lower, key);
  return key;
}
