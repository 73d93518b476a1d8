/**
 * Slack workspace export: a folder or its .zip, holding users.json (names) and one folder per
 * channel (or DM) with a JSON array per day (`general/2024-12-31.json`) of messages with `ts`,
 * `user` and `text`. Joins, leaves and other subtypes without a person's words are skipped;
 * Slack markup (`<@U123>`, `<https://x|label>`, `&amp;`) becomes plain text. Timestamps are
 * instants; `timeZone` (default UTC) gives their offset. Shared files are links in the export
 * (not included), so there are no attachments.
 *
 * A zip is checked before anything is read from it (zip-bomb protection): at most `maxEntries`
 * entries, `maxTotalBytes` uncompressed in all, and no entry compressed more than `maxRatio`:1.
 * The declared sizes are also enforced while inflating (yauzl's validateEntrySizes plus a byte
 * count), so a zip that lies about them fails the same way.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import yauzl from 'yauzl';
import { isoFromLoose } from './time.js';
import type { ImportedMessage, ImportSource, ReaderOptions } from './types.js';
import { IngestError } from './types.js';

export interface SlackOptions extends ReaderOptions {
  maxEntries?: number;
  maxTotalBytes?: number;
  maxRatio?: number;
  /** Largest single JSON file read (default 64 MB). */
  maxEntryBytes?: number;
}

export const SLACK_LIMITS = { maxEntries: 20_000, maxTotalBytes: 2 * 1024 ** 3, maxRatio: 200, maxEntryBytes: 64 * 1024 ** 2 };

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string; email?: string };
}

interface SlackMessage {
  type?: string;
  subtype?: string;
  ts?: string;
  user?: string;
  username?: string;
  bot_id?: string;
  text?: string;
  client_msg_id?: string;
  user_profile?: { real_name?: string; display_name?: string; name?: string };
}

const KEEP_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message', 'bot_message']);

/** Slack's mrkdwn escapes and links to plain text. */
export function slackText(text: string, names: Map<string, string>): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_a, id: string, label?: string) => `@${label || names.get(id) || id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)[^>]*>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface Entry {
  name: string;
  read(): Promise<Buffer>;
}

/** Lists a zip's entries after checking the zip-bomb limits; throws IngestError when one is exceeded. */
async function zipEntries(file: string, limits: typeof SLACK_LIMITS): Promise<{ entries: Entry[]; close(): void }> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err || !z ? rej(err ?? new Error('cannot open zip')) : res(z),
    ),
  ).catch((error: Error) => {
    throw new IngestError(`${file} is not a readable zip archive: ${error.message}`, file, 'slack');
  });
  const fail = (why: string): never => {
    zip.close();
    throw new IngestError(`${file} refused as a possible zip bomb: ${why}`, file, 'slack');
  };
  if (zip.entryCount > limits.maxEntries) fail(`${zip.entryCount} entries (limit ${limits.maxEntries})`);
  const raw: yauzl.Entry[] = await new Promise((res, rej) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      list.push(e);
      zip.readEntry();
    });
    zip.on('end', () => res(list));
    zip.on('error', rej);
    zip.readEntry();
  });
  let total = 0;
  for (const e of raw) {
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) fail(`more than ${limits.maxTotalBytes} bytes uncompressed`);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)
      fail(`${e.fileName} expands ${Math.round(ratio)}:1 (limit ${limits.maxRatio}:1)`);
  }
  const archiveBytes = raw.reduce((n, e) => n + e.compressedSize, 0);
  if (total > 64 * 1024 * 1024 && total / Math.max(1, archiveBytes) > limits.maxRatio)
    fail(`the archive expands ${Math.round(total / Math.max(1, archiveBytes))}:1 overall (limit ${limits.maxRatio}:1)`);
  const entries: Entry[] = raw
    .filter((e) => !e.fileName.endsWith('/'))
    .map((e) => ({
      name: e.fileName,
      read: () =>
        new Promise<Buffer>((res, rej) => {
          if (e.uncompressedSize > limits.maxEntryBytes) {
            rej(new Error(`${e.fileName} is larger than ${limits.maxEntryBytes} bytes`));
            return;
          }
          zip.openReadStream(e, (err, stream) => {
            if (err || !stream) return rej(err ?? new Error('cannot read entry'));
            const parts: Buffer[] = [];
            let n = 0;
            stream.on('data', (b: Buffer) => {
              n += b.length;
              if (n > e.uncompressedSize || n > limits.maxEntryBytes) {
                stream.destroy(new Error(`${e.fileName} inflates past its declared size`));
                return;
              }
              parts.push(b);
            });
            stream.on('end', () => res(Buffer.concat(parts)));
            stream.on('error', rej);
          });
        }),
    }));
  return { entries, close: () => zip.close() };
}

async function folderEntries(dir: string, limits: typeof SLACK_LIMITS): Promise<Entry[]> {
  const out: Entry[] = [];
  const walk = async (d: string, depth: number) => {
    for (const ent of await readdir(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      if (ent.isDirectory() && depth < 2) await walk(p, depth + 1);
      else if (ent.isFile() && ent.name.endsWith('.json')) {
        out.push({
          name: relative(dir, p).split(sep).join('/'),
          read: async () => {
            if ((await stat(p)).size > limits.maxEntryBytes) throw new Error(`larger than ${limits.maxEntryBytes} bytes`);
            return readFile(p);
          },
        });
      }
      if (out.length > limits.maxEntries) throw new IngestError(`${dir}: more than ${limits.maxEntries} files`, dir, 'slack');
    }
  };
  await walk(dir, 0);
  return out;
}

const DAY_FILE = /^(?:[^/]+\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

export async function* readSlack(path: string, options: SlackOptions = {}): AsyncGenerator<ImportedMessage> {
  const limits = {
    maxEntries: options.maxEntries ?? SLACK_LIMITS.maxEntries,
    maxTotalBytes: options.maxTotalBytes ?? SLACK_LIMITS.maxTotalBytes,
    maxRatio: options.maxRatio ?? SLACK_LIMITS.maxRatio,
    maxEntryBytes: options.maxEntryBytes ?? SLACK_LIMITS.maxEntryBytes,
  };
  const zone = options.timeZone ?? 'UTC';
  const st = await stat(path);
  if (!st.isDirectory() && st.size === 0) throw new IngestError(`${path} is empty`, path, 'slack');
  let close = () => {};
  let entries: Entry[];
  if (st.isDirectory()) entries = await folderEntries(path, limits);
  else {
    const z = await zipEntries(path, limits);
    entries = z.entries;
    close = z.close;
  }
  try {
    const days = entries
      .map((e) => ({ e, m: DAY_FILE.exec(e.name) }))
      .filter((x): x is { e: Entry; m: RegExpExecArray } => x.m !== null)
      .sort((a, b) => (a.m[1]! === b.m[1]! ? a.m[2]!.localeCompare(b.m[2]!) : a.m[1]!.localeCompare(b.m[1]!)));
    const usersEntry = entries.find((e) => /(^|\/)users\.json$/.test(e.name));
    if (days.length === 0) {
      throw new IngestError(`${path} is not a Slack export: no <channel>/<YYYY-MM-DD>.json files`, path, 'slack');
    }
    const names = new Map<string, string>();
    const emails = new Map<string, string>();
    if (usersEntry) {
      try {
        const users = JSON.parse((await usersEntry.read()).toString('utf8')) as SlackUser[];
        for (const u of Array.isArray(users) ? users : []) {
          if (!u?.id) continue;
          const name = u.profile?.real_name || u.real_name || u.profile?.display_name || u.name;
          if (name) names.set(u.id, name);
          if (u.profile?.email) emails.set(u.id, u.profile.email.toLowerCase());
        }
      } catch (error) {
        options.onProblem?.({
          source: { format: 'slack', file: path, entry: usersEntry.name },
          severity: 'warning',
          message: `users.json unreadable, names not resolved: ${(error as Error).message}`,
        });
      }
    } else
      options.onProblem?.({ source: { format: 'slack', file: path }, severity: 'warning', message: 'no users.json: senders shown by id' });

    let done = 0;
    for (const { e, m } of days) {
      const entrySource: ImportSource = { format: 'slack', file: path, entry: e.name };
      let list: unknown;
      try {
        list = JSON.parse((await e.read()).toString('utf8'));
      } catch (error) {
        if (error instanceof IngestError) throw error;
        options.onProblem?.({
          source: entrySource,
          severity: 'error',
          message: `unreadable day file skipped: ${(error as Error).message}`,
        });
        continue;
      } finally {
        options.onBytes?.(++done, days.length);
      }
      if (!Array.isArray(list)) {
        options.onProblem?.({ source: entrySource, severity: 'error', message: 'day file is not a JSON array: skipped' });
        continue;
      }
      for (let i = 0; i < list.length; i++) {
        const msg = list[i] as SlackMessage;
        const source: ImportSource = { ...entrySource, index: i };
        if (!msg || typeof msg !== 'object') {
          options.onProblem?.({ source, severity: 'error', message: 'message is not an object: skipped' });
          continue;
        }
        if (!KEEP_SUBTYPES.has(msg.subtype)) continue;
        if (typeof msg.text !== 'string' || msg.text.trim() === '') continue;
        const sentAt = msg.ts ? isoFromLoose(msg.ts.split('.')[0], zone) : undefined;
        if (!sentAt) options.onProblem?.({ source, severity: 'warning', message: 'message without a readable ts' });
        const out: ImportedMessage = {
          source,
          sent_at: sentAt ?? '',
          from: {},
          text: slackText(msg.text, names),
          attachments: [],
          subject: `#${m[1]}`,
        };
        const name = (msg.user && names.get(msg.user)) || msg.user_profile?.real_name || msg.username || msg.user;
        if (name) out.from.name = name;
        const email = msg.user ? emails.get(msg.user) : undefined;
        out.from.address = email ?? (msg.user ? `slack:${msg.user}` : undefined);
        if (!out.from.address) delete out.from.address;
        if (msg.ts) out.message_id = `slack:${m[1]}:${msg.ts}`;
        yield out;
      }
    }
  } finally {
    close();
  }
}
