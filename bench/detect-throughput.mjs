#!/usr/bin/env node
// Detector throughput in MB/s of message text (UTF-8 bytes) on one core, on a generated corpus of
// messages in en/ru/ro/lt (templates + random words, fixed seed), with the language given and
// with it identified by the detector, side by side with a naive baseline: one RegExp per lexicon
// pattern (the pattern's words as \p{L}-bounded prefixes, `~N` as up to N words), run over the
// message for its language's patterns (given) or all four languages' (identified).
// The baseline is slow, so it runs on a fixed sample of the corpus (every Nth message, --sample).
// Each row shows wall-clock MB/s and MB per CPU-second of this process: on a shared machine the
// second is the steadier figure (the CPU is shared with other work, wall time includes waiting).
// With --runs N each row is the median of N runs.
//
// Usage: node --import tsx bench/detect-throughput.mjs [--mb 50] [--sample 100] [--runs 1]
//        (or, after `npm run build:server`, plain `node bench/detect-throughput.mjs --dist`)
import { availableParallelism, loadavg } from 'node:os';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const targetMb = arg('mb', 50);
const sampleEvery = arg('sample', 100);
const runs = arg('runs', 1);
const useDist = process.argv.includes('--dist');

const load = async (path) => import(new URL(`../${useDist ? 'dist' : 'src'}/${path}.${useDist ? 'js' : 'ts'}`, import.meta.url).href);
const { detect } = await load('detect/detect');
const lexicons = {
  en: (await load('detect/lexicons/en')).en,
  ru: (await load('detect/lexicons/ru')).ru,
  ro: (await load('detect/lexicons/ro')).ro,
  lt: (await load('detect/lexicons/lt')).lt,
};

// ---- corpus ------------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261122);
const pick = (a) => a[Math.floor(rnd() * a.length)];

const WORDS = {
  en: 'the project design page logo colour client invoice meeting budget draft version update team website layout font image banner deadline feedback review schedule account report please thanks today tomorrow week month morning call email file link changes final approve send check'.split(
    ' ',
  ),
  ru: 'проект дизайн страница логотип цвет клиент счёт встреча бюджет черновик версия обновление команда сайт макет шрифт картинка баннер срок отзыв график отчёт пожалуйста спасибо сегодня завтра неделя месяц утро звонок письмо файл ссылка правки финальный отправить проверить'.split(
    ' ',
  ),
  ro: 'proiectul designul pagina logo culoarea clientul factura întâlnirea bugetul schița versiunea actualizarea echipa site-ul macheta fontul imaginea bannerul termenul feedback raportul vă rog mulțumesc astăzi mâine săptămâna luna dimineața apel email fișierul linkul modificările final trimiteți verificați'.split(
    ' ',
  ),
  lt: 'projektas dizainas puslapis logotipas spalva klientas sąskaita susitikimas biudžetas juodraštis versija atnaujinimas komanda svetainė maketas šriftas paveikslėlis reklamjuostė terminas atsiliepimas ataskaita prašau ačiū šiandien rytoj savaitė mėnuo rytas skambutis laiškas failas nuoroda pakeitimai galutinis siųskite patikrinkite'.split(
    ' ',
  ),
};
const TEMPLATES = {
  en: [
    'Hi, {w} {w} {w}.',
    'We will not pay this invoice until the {w} is redone for free.',
    'Answer me now, {w} {w} {w}!',
    'Thanks for the {w}, see you Monday.',
    'Could you add {w} and {w} too, it is a small thing.',
    'No rush, {w} {w} next week.',
  ],
  ru: [
    'Привет, {w} {w} {w}.',
    'Мы не будем платить, пока вы не переделаете {w} бесплатно.',
    'Ответьте немедленно, {w} {w}!',
    'Спасибо за {w}, до понедельника.',
    'Добавьте ещё {w} и {w}, это мелочь.',
    'Не спешите, {w} {w} на следующей неделе.',
  ],
  ro: [
    'Bună, {w} {w} {w}.',
    'Nu vom plăti factura până nu refaceți {w} gratuit.',
    'Răspundeți imediat, {w} {w}!',
    'Mulțumesc pentru {w}, ne vedem luni.',
    'Mai adăugați {w} și {w}, e un lucru mic.',
    'Nu e grabă, {w} {w} săptămâna viitoare.',
  ],
  lt: [
    'Labas, {w} {w} {w}.',
    'Nemokėsime, kol nepataisysite {w} nemokamai.',
    'Atsakykite nedelsiant, {w} {w}!',
    'Ačiū už {w}, iki pirmadienio.',
    'Pridėkite dar {w} ir {w}, tai smulkmena.',
    'Neskubėkite, {w} {w} kitą savaitę.',
  ],
};
const LANGS = ['en', 'ru', 'ro', 'lt'];

function message(lang) {
  const parts = [];
  const sentences = 1 + Math.floor(rnd() * 4);
  for (let s = 0; s < sentences; s++) {
    parts.push(pick(TEMPLATES[lang]).replace(/\{w\}/g, () => pick(WORDS[lang])));
    const filler = Math.floor(rnd() * 12);
    const words = [];
    for (let i = 0; i < filler; i++) words.push(pick(WORDS[lang]));
    if (words.length > 0) parts.push(`${words.join(' ')}.`);
  }
  return parts.join(' ');
}

const corpus = [];
let bytes = 0;
while (bytes < targetMb * 1e6) {
  const lang = LANGS[corpus.length % 4];
  const text = message(lang);
  corpus.push({ lang, text });
  bytes += Buffer.byteLength(text);
}
const sample = corpus.filter((_, i) => i % sampleEvery === 0);
const sampleBytes = sample.reduce((n, m) => n + Buffer.byteLength(m.text), 0);

// ---- naive baseline: one RegExp per lexicon pattern ---------------------------------------------
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function elementRe(el) {
  if (/^~\d+$/.test(el)) return `(?:[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+){0,${el.slice(1)}}`;
  const alts = el.split('|').map((a) => {
    if (a === '#num') return '\\p{N}+';
    if (a.startsWith('=')) return `${esc(a.slice(1))}(?![\\p{L}])`;
    return `${esc(a.replace(/\*+/g, ''))}\\p{L}*`;
  });
  return `(?:${alts.join('|')})[^\\p{L}\\p{N}]*`;
}
const naive = {};
for (const L of LANGS) {
  naive[L] = [];
  for (const rule of lexicons[L].rules) {
    for (const p of rule.p) {
      const src = `(?<![\\p{L}])${p.split(/\s+/).filter(Boolean).map(elementRe).join('')}`;
      try {
        naive[L].push(new RegExp(src, 'iu'));
      } catch {
        // a pattern the naive translation cannot express: left out of the baseline
      }
    }
  }
}
const allNaive = LANGS.flatMap((L) => naive[L]);

// ---- measure ------------------------------------------------------------------------------------
function time(fn) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const flagged = fn();
  const c = process.cpuUsage(c0);
  return { secs: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, flagged };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function measure(name, data, dataBytes, fn) {
  const r = [];
  const c = [];
  let flagged = 0;
  for (let i = 0; i < runs; i++) {
    const t = time(() => fn(data));
    r.push(t.secs);
    c.push(t.cpu);
    flagged = t.flagged;
  }
  const secs = median(r);
  const cpu = median(c);
  return { name, mb: dataBytes / 1e6, msgs: data.length, secs, mbps: dataBytes / 1e6 / secs, cpuMbps: dataBytes / 1e6 / cpu, flagged };
}

// warm-up (JIT, stemmer memo)
for (const m of corpus.slice(0, 20000)) detect({ text: m.text, lang: m.lang });

let langAccuracy = 0;
const rows = [
  measure('detector, language given', corpus, bytes, (data) => {
    let f = 0;
    for (const m of data) if (detect({ text: m.text, lang: m.lang }).labels.length > 0) f++;
    return f;
  }),
  measure('detector, language identified', corpus, bytes, (data) => {
    let f = 0;
    let right = 0;
    for (const m of data) {
      const r = detect({ text: m.text });
      if (r.lang === m.lang) right++;
      if (r.labels.length > 0) f++;
    }
    langAccuracy = right / data.length;
    return f;
  }),
  measure(`naive RegExp per pattern, language given (1/${sampleEvery} sample)`, sample, sampleBytes, (data) => {
    let f = 0;
    for (const m of data) if (naive[m.lang].some((re) => re.test(m.text))) f++;
    return f;
  }),
  measure(`naive RegExp per pattern, all languages (1/${sampleEvery} sample)`, sample, sampleBytes, (data) => {
    let f = 0;
    for (const m of data) if (allNaive.some((re) => re.test(m.text))) f++;
    return f;
  }),
];

console.log(
  `corpus: ${corpus.length} messages, ${(bytes / 1e6).toFixed(1)} MB UTF-8 (en/ru/ro/lt), seed 20261122; node ${process.version}`,
);
console.log(
  `naive patterns: ${LANGS.map((L) => `${L} ${naive[L].length}`).join(', ')}; language identified correctly: ${(100 * langAccuracy).toFixed(2)}%`,
);
console.log('');
const fmt = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1));
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (${availableParallelism()} CPUs)`,
);
console.log('');
console.log('| approach | MB | messages | seconds | MB/s | MB per CPU-second | flagged |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.mb.toFixed(1)} | ${r.msgs} | ${r.secs.toFixed(2)} | ${fmt(r.mbps)} | ${fmt(r.cpuMbps)} | ${(100 * (r.flagged / r.msgs)).toFixed(1)}% |`,
  );
}
