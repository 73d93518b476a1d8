/**
 * Whole numbers 0..999 in words, as contracts write them beside the digits ("30 (тридцать)").
 * Each language has its own grammar: Russian and Lithuanian agree the last word with the noun's
 * gender, Romanian too (o zi, două luni). Beyond 999 the digits stand alone (never needed here:
 * notices and payment terms are capped far below).
 */
export type Gender = 'm' | 'f';

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function enWords(n: number): string {
  if (n < 20) return EN_ONES[n] as string;
  if (n < 100) return `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN_ONES[n % 10]}` : ''}`;
  const rest = n % 100;

  return `${EN_ONES[Math.floor(n / 100)]} hundred${rest ? ` and ${enWords(rest)}` : ''}`;
}

const RU_ONES_M = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

export function ruWords(n: number, gender: Gender = 'm'): string {
  if (n === 0) return 'ноль';
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  if (h) parts.push(RU_HUNDREDS[h] as string);
  if (t === 1) parts.push(RU_TEENS[o] as string);
  else {
    if (t) parts.push(RU_TENS[t] as string);
    if (o) parts.push(gender === 'f' && o <= 2 ? (o === 1 ? 'одна' : 'две') : (RU_ONES_M[o] as string));
  }

  return parts.join(' ');
}

const RO_ONES = ['zero', 'unu', 'doi', 'trei', 'patru', 'cinci', 'șase', 'șapte', 'opt', 'nouă'];
const RO_TEENS = [
  'zece',
  'unsprezece',
  'doisprezece',
  'treisprezece',
  'paisprezece',
  'cincisprezece',
  'șaisprezece',
  'șaptesprezece',
  'optsprezece',
  'nouăsprezece',
];
const RO_TENS = ['', '', 'douăzeci', 'treizeci', 'patruzeci', 'cincizeci', 'șaizeci', 'șaptezeci', 'optzeci', 'nouăzeci'];

function roUnder100(n: number, gender: Gender): string {
  const t = Math.floor(n / 10);
  const o = n % 10;
  const one = (d: number) => (gender === 'f' && d === 1 ? 'una' : gender === 'f' && d === 2 ? 'două' : (RO_ONES[d] as string));
  if (t === 0) return one(o);
  if (t === 1) return gender === 'f' && o === 2 ? 'douăsprezece' : (RO_TEENS[o] as string);

  return o ? `${RO_TENS[t]} și ${one(o)}` : (RO_TENS[t] as string);
}

export function roWords(n: number, gender: Gender = 'm'): string {
  if (n < 100) return roUnder100(n, gender);
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const hundreds = h === 1 ? 'o sută' : `${h === 2 ? 'două' : RO_ONES[h]} sute`;

  return rest ? `${hundreds} ${roUnder100(rest, gender)}` : hundreds;
}

/** Romanian puts "de" between a number and its noun from 20 on (20 de zile, 101 zile, 120 de zile). */
export function roNeedsDe(n: number): boolean {
  const r = n % 100;

  return r === 0 ? n !== 0 : r >= 20;
}

const LT_ONES_M = ['nulis', 'vienas', 'du', 'trys', 'keturi', 'penki', 'šeši', 'septyni', 'aštuoni', 'devyni'];
const LT_ONES_F = ['nulis', 'viena', 'dvi', 'trys', 'keturios', 'penkios', 'šešios', 'septynios', 'aštuonios', 'devynios'];
const LT_TEENS = [
  'dešimt',
  'vienuolika',
  'dvylika',
  'trylika',
  'keturiolika',
  'penkiolika',
  'šešiolika',
  'septyniolika',
  'aštuoniolika',
  'devyniolika',
];
const LT_TENS = [
  '',
  '',
  'dvidešimt',
  'trisdešimt',
  'keturiasdešimt',
  'penkiasdešimt',
  'šešiasdešimt',
  'septyniasdešimt',
  'aštuoniasdešimt',
  'devyniasdešimt',
];

export function ltWords(n: number, gender: Gender = 'm'): string {
  if (n === 0) return 'nulis';
  const ones = gender === 'f' ? LT_ONES_F : LT_ONES_M;
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  if (h) parts.push(h === 1 ? 'šimtas' : `${LT_ONES_M[h]} šimtai`);
  if (t === 1) parts.push(LT_TEENS[o] as string);
  else {
    if (t) parts.push(LT_TENS[t] as string);
    if (o) parts.push(ones[o] as string);
  }

  return parts.join(' ');
}

/** Which form a Lithuanian noun takes after n: 'one' (1, 21: diena), 'few' (2–9, 22: dienos), 'many' (10–20, 30: dienų). */
export function ltForm(n: number): 'one' | 'few' | 'many' {
  const r100 = n % 100;
  const r10 = n % 10;
  if (r10 === 0 || (r100 >= 11 && r100 <= 19)) return 'many';

  return r10 === 1 ? 'one' : 'few';
}

/** Which form a Russian noun takes after n: 'one' (1, 21: день), 'few' (2–4: дня), 'many' (5–20: дней). */
export function ruForm(n: number): 'one' | 'few' | 'many' {
  const r100 = n % 100;
  const r10 = n % 10;
  if (r100 >= 11 && r100 <= 14) return 'many';
  if (r10 === 1) return 'one';

  return r10 >= 2 && r10 <= 4 ? 'few' : 'many';
}
