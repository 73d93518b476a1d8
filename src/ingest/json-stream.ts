/**
 * Streams the elements of one array in a large JSON document (Telegram's `messages`) without
 * loading the document: a character scanner tracks strings and nesting, cuts out each element of
 * the array under `key` in the top-level object, and hands it to JSON.parse on its own. Memory is
 * one element plus the text before the array.
 */

export interface JsonItem {
  /** The element's JSON text. */
  json: string;
  /** 0-based position in the array. */
  index: number;
  /** 1-based line where the element starts. */
  line: number;
}

export class NotJsonError extends Error {}

export interface ArrayScan {
  /** The top-level text before the array (e.g. `{"name": "Chat", "type": "personal_chat", "messages": [`). */
  prefix: string;
  /** Set at the end: the array was found. */
  found: boolean;
  /** Set at the end: the document ended before it was complete (truncated). */
  truncated: boolean;
}

/** Yields each element of the top-level object's array `key`. Throws NotJsonError when the text does not start as a JSON object. */
export async function* jsonArrayItems(chunks: AsyncIterable<string>, key: string, scan: ArrayScan): AsyncGenerator<JsonItem> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let line = 1;
  // Top level: the last string seen at depth 1, and whether a ':' followed it.
  let str = '';
  let collecting = false; // collecting a string at depth 1 (a possible key)
  let lastKey = '';
  let afterColon = false;
  // Array state
  let inArray = false;
  let done = false;
  let elemParts: string[] = [];
  let elemStart = -1;
  let elemLine = 0;
  let index = 0;
  const prefix: string[] = [];
  let prefixLen = 0;

  for await (const chunk of chunks) {
    let i = 0;
    const n = chunk.length;
    if (!started) {
      const m = /\S/.exec(chunk);
      if (!m) continue;
      if (m[0] !== '{') throw new NotJsonError(m[0] === '[' ? 'a JSON array, not an object' : 'not JSON');
      started = true;
    }
    if (!inArray && !done && prefixLen < 1 << 20) {
      prefix.push(chunk);
      prefixLen += chunk.length;
    }
    if (elemStart >= 0) elemStart = 0;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) {
          inString = false;
          if (collecting) collecting = false;
        } else if (collecting && str.length < 64) str += chunk[i];
        continue;
      }
      switch (c) {
        case 34: // "
          inString = true;
          if (depth === 1 && !inArray) {
            collecting = true;
            str = '';
          }
          break;
        case 58: // :
          if (depth === 1 && !inArray) {
            lastKey = str;
            afterColon = true;
          }
          break;
        case 44: // ,
          if (depth === 1) afterColon = false;
          break;
        case 123: // {
        case 91: // [
          if (inArray && depth === 2) {
            elemStart = i;
            elemLine = line;
            elemParts = [];
          }
          if (!inArray && !done && depth === 1 && c === 91 && afterColon && lastKey === key) {
            inArray = true;
            scan.found = true;
            if (prefix.length > 0) {
              const all = prefix.join('');
              scan.prefix = all.slice(0, all.length - (n - i) + 1);
            }
          }
          depth++;
          break;
        case 125: // }
        case 93: // ]
          depth--;
          if (inArray && depth === 2 && elemStart >= 0) {
            elemParts.push(chunk.slice(elemStart, i + 1));
            elemStart = -1;
            yield { json: elemParts.join(''), index: index++, line: elemLine };
            elemParts = [];
          } else if (inArray && depth === 1) {
            inArray = false;
            done = true;
          }
          break;
        default:
          if (inArray && depth === 2 && elemStart < 0 && c > 32 && c !== 44) {
            // A scalar element: not a message. Report its position by yielding it as is.
            const end = chunk.slice(i).search(/[,\]\s]/);
            const stop = end < 0 ? n : i + end;
            yield { json: chunk.slice(i, stop), index: index++, line };
            i = stop - 1;
          }
      }
    }
    if (elemStart >= 0) elemParts.push(chunk.slice(elemStart));
  }
  if (!started) throw new NotJsonError('empty');
  if (!scan.found) scan.prefix = prefix.join('').slice(0, 1 << 20);
  scan.truncated = depth !== 0 || inString;
}
