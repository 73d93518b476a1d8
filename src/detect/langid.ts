/**
 * Language identification for en/ru/ro/lt.
 *
 * `eld` (Efficient Language Detector) is imported through its static `eld/small` entry: the
 * n-gram database is an ES module evaluated once when this module loads, so `identify()` is
 * synchronous and does no I/O at call time (also in the browser). It runs on an isolated
 * instance restricted to the four languages.
 *
 * eld handles ~8k short messages/s here, which would dominate a mailbox scan, so cheap decisive
 * cues go first and eld only settles the ambiguous rest:
 *  1. mostly Cyrillic letters → ru;
 *  2. letters only Romanian has (ă ș ț â î) or only Lithuanian has (ą č ę ė į ų ū ž š) → ro / lt;
 *  3. Russian typed in Latin (translit function words such as "ty", "eto", "srochno") → ru;
 *  4. a clear function-word winner → that language;
 *  5. otherwise eld; if eld has no answer, the best function-word score, else English.
 */
import { eld } from 'eld/small';
import type { DetectLang } from './types.js';

const detector = eld.newInstance();
detector.setLanguageSubset(['en', 'ru', 'ro', 'lt']);

const RO_ONLY = /[ăâîșşțţ]/giu;
const LT_ONLY = /[ąčęėįųūžš]/giu;
const CYR = /[\u0400-\u04FF]/gu;
const LETTER = /\p{L}/gu;

/** Informal Russian in Latin letters: frequent words that are not English/Romanian/Lithuanian words. */
export const RU_TRANSLIT_WORDS = new Set([
  'ty',
  'vy',
  'eto',
  'chto',
  'shto',
  'nado',
  'nuzhno',
  'menya',
  'mne',
  'tebya',
  'vas',
  'vam',
  'tebe',
  'seichas',
  'seychas',
  'sejchas',
  'srochno',
  'pozhaluysta',
  'pozhalujsta',
  'pojaluista',
  'spasibo',
  'kogda',
  'gde',
  'uzhe',
  'esche',
  'eshe',
  'eshche',
  'tolko',
  'budet',
  'budu',
  'mozhno',
  'mozhesh',
  'privet',
  'davai',
  'davay',
  'bystro',
  'zavtra',
  'segodnya',
  'segodnia',
  'kak',
  'tak',
  'ili',
  'ne',
  'net',
  'da',
  'vse',
  'vsyo',
  'chtoby',
  'potom',
  'pochemu',
  'otvet',
  'otvechai',
  'otvechay',
  'ochen',
  'blin',
  'kstati',
  'ladno',
  'khorosho',
  'horosho',
  'dengi',
  'deneg',
  'zaplachu',
  'zaplatit',
  'oplata',
  'oplatu',
  'sdelai',
  'sdelay',
  'sdelat',
  'rabotu',
  'rabota',
  'tut',
  'tam',
  'kto',
  'tebe',
  'svoi',
  'svoy',
  'nikogda',
  'voobshe',
  'voobshche',
  'seichas',
  'pishu',
  'napishi',
  'zvoni',
  'pozvoni',
]);

export interface FunctionWordSets {
  en: Set<string>;
  ro: Set<string>;
  lt: Set<string>;
}

export interface LangScores {
  en: number;
  ro: number;
  lt: number;
  ruLat: number;
  cyr: number;
  lat: number;
}

/** Counts function words per language over folded lower-case Latin tokens. */
export function scoreTokens(norms: string[], scripts: string[], fw: FunctionWordSets): LangScores {
  const s: LangScores = { en: 0, ro: 0, lt: 0, ruLat: 0, cyr: 0, lat: 0 };
  for (let i = 0; i < norms.length; i++) {
    const n = norms[i] as string;
    const sc = scripts[i];
    if (sc === 'cyr') {
      s.cyr++;
      continue;
    }
    if (sc !== 'lat') continue;
    s.lat++;
    if (fw.en.has(n)) s.en++;
    if (fw.ro.has(n)) s.ro++;
    if (fw.lt.has(n)) s.lt++;
    if (RU_TRANSLIT_WORDS.has(n)) s.ruLat++;
  }
  return s;
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let c = 0;
  while (re.exec(text) !== null) c++;
  return c;
}

export function identify(text: string, s: LangScores): DetectLang {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const letters = count(LETTER, sample);
  if (letters === 0) return 'en';
  const cyr = count(CYR, sample);
  if (cyr * 2 >= letters) return 'ru';
  const ro = count(RO_ONLY, sample);
  const lt = count(LT_ONLY, sample);
  if (ro > 0 && lt === 0) return 'ro';
  if (lt > 0 && ro === 0) return 'lt';
  if (ro > 0 && lt > 0) return ro >= lt ? 'ro' : 'lt';
  // Russian in Latin letters
  const best = Math.max(s.en, s.ro, s.lt);
  if (s.ruLat >= 2 && s.ruLat > best) return 'ru';
  const ranked: Array<[DetectLang, number]> = (
    [
      ['en', s.en],
      ['ro', s.ro],
      ['lt', s.lt],
    ] as Array<[DetectLang, number]>
  ).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked as [[DetectLang, number], [DetectLang, number]];
  if (top[1] >= 3 && top[1] >= 3 * second[1]) return top[0];
  const r = detector.detect(sample).language;
  if (r === 'en' || r === 'ro' || r === 'lt') return r;
  if (r === 'ru') return s.ruLat > 0 || cyr > 0 ? 'ru' : top[1] > 0 ? top[0] : 'en';
  if (cyr > 0) return 'ru';
  return top[1] > 0 ? top[0] : 'en';
}
