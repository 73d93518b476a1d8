/**
 * Text normalisation: lower-casing, diacritic folding (Romanian and Lithuanian typed without
 * diacritics), Russian key folding and Latin→Cyrillic transliteration for Russian typed in Latin.
 */

const FOLD: Record<string, string> = {
  // Romanian
  ă: 'a',
  â: 'a',
  î: 'i',
  ș: 's',
  ş: 's',
  ț: 't',
  ţ: 't',
  // Lithuanian
  ą: 'a',
  č: 'c',
  ę: 'e',
  ė: 'e',
  į: 'i',
  š: 's',
  ų: 'u',
  ū: 'u',
  ž: 'z',
  // common others (names, loanwords)
  á: 'a',
  à: 'a',
  ä: 'a',
  å: 'a',
  ã: 'a',
  ā: 'a',
  ç: 'c',
  ć: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  ē: 'e',
  í: 'i',
  ì: 'i',
  ï: 'i',
  ī: 'i',
  ñ: 'n',
  ń: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  õ: 'o',
  ø: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  ź: 'z',
  ż: 'z',
  ł: 'l',
  ß: 'ss',
  // Russian: ё→е, э→е for keys (translit cannot tell them apart)
  ё: 'е',
  э: 'е',
  // apostrophes
  '’': "'",
  ʼ: "'",
  '`': "'",
};

/** Lower-case and fold diacritics. Cyrillic letters stay Cyrillic (only ё/э fold to е). */
export function foldLower(s: string): string {
  const lower = s.toLowerCase();
  // Most words have nothing to fold (ASCII, or Cyrillic without ё/э): return them as they are
  // instead of rebuilding them one character at a time.
  let k = 0;
  while (k < lower.length) {
    const code = lower.charCodeAt(k);
    if (code >= 128 && (FOLD[lower[k] as string] !== undefined || (code >= 0x300 && code <= 0x36f))) break;
    k++;
  }
  if (k === lower.length) return lower;
  let out = lower.slice(0, k);
  let changed = false;
  for (let i = k; i < lower.length; i++) {
    const ch = lower[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += ch;
      continue;
    }
    const f = FOLD[ch];
    if (f !== undefined) {
      out += f;
      changed = true;
    } else if (code >= 0x300 && code <= 0x36f) {
      // combining mark (text typed in decomposed form)
      changed = true;
    } else {
      out += ch;
    }
  }
  return changed ? out : lower;
}

const CYR_RE = /[\u0400-\u04FF]/;
const LAT_RE = /[a-z]/i;

export function scriptOf(token: string): 'cyr' | 'lat' | 'other' {
  if (CYR_RE.test(token)) return 'cyr';
  if (LAT_RE.test(token)) return 'lat';
  return 'other';
}

// Longest first: multi-letter digraphs of common informal Russian transliteration.
const TRANSLIT: Array<[string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['iu', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['ia', 'я'],
  ['ye', 'е'],
  ['je', 'е'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'й'],
  ['k', 'к'],
  ['q', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'ц'],
  ['x', 'кс'],
  ["'", 'ь'],
];
const VOWELS = 'aeiouy';

/** Latin → Cyrillic for Russian typed in Latin ("srochno" → "срочно"). Input is folded lower-case. */
export function translitToCyr(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === 'y') {
      // y after a vowel is й ("pozhaluysta"), otherwise ы ("ty", "vy")
      const prev = i > 0 ? (s[i - 1] as string) : '';
      const next = s[i + 1] ?? '';
      if (next === 'a' || next === 'u' || next === 'o' || next === 'e') {
        // handled by digraphs below
      } else {
        out += prev !== '' && VOWELS.includes(prev) ? 'й' : 'ы';
        i++;
        continue;
      }
    }
    let matched = false;
    for (const [lat, cyr] of TRANSLIT) {
      if (s.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += ch;
      i++;
    }
  }
  return out;
}

const RU_KEY_CHANGES = /[ьъёэ]/;

/** Russian key folding applied to stems: ё/э→е, drop ь/ъ (often omitted in translit). */
export function ruKey(s: string): string {
  if (!RU_KEY_CHANGES.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === 'ь' || ch === 'ъ') continue;
    out += ch === 'ё' || ch === 'э' ? 'е' : ch;
  }
  return out;
}
