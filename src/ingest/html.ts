/**
 * HTML mail to plain text without a DOM: one linear scan. Script, style, head, template and
 * comments are dropped with their content; block elements and <br> become line breaks; every
 * other tag is removed; entities are decoded. Nothing is executed or fetched.
 */

const DROP_CONTENT = new Set(['script', 'style', 'head', 'template', 'noscript', 'title', 'svg', 'object']);
const BLOCK = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'table',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'dt',
  'dd',
]);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  lsquo: '‘',
  rsquo: '’',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  shy: '',
  zwnj: '',
  zwj: '',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});?/gi, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const named = NAMED[body.toLowerCase()];
    return named ?? all;
  });
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    if (lt > i) out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) {
      // "<" not starting a tag (e.g. "a < b", "<!DOCTYPE") : a declaration is skipped, text is kept.
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        const end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      } else {
        out.push('<');
        i = lt + 1;
      }
      continue;
    }
    const name = m[1]!.toLowerCase();
    const closing = html[lt + 1] === '/';
    const end = tagEnd(html, lt + m[0].length);
    i = end;
    if (!closing && DROP_CONTENT.has(name)) {
      const re = new RegExp(`</${name}`, 'gi');
      re.lastIndex = i;
      const close = re.exec(html);
      i = close ? tagEnd(html, close.index + name.length + 2) : n;
      continue;
    }
    if (BLOCK.has(name)) out.push('\n');
    else if (name === 'td' || name === 'th') out.push(closing ? '\t' : '');
  }
  return decodeEntities(out.join(''))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The index after the tag's closing `>`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return html.length;
}
