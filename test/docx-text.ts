/** Test support: a .docx read back by independent parsers (yauzl for the ZIP, a regex XML text pass). */
import { crc32 as zlibCrc32 } from 'node:zlib';
import yauzl from 'yauzl';

/** The archive's entries by name; each stored CRC-32 is checked against node:zlib's. */
export async function unzipText(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const files = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const data = Buffer.concat(chunks);
          if (zlibCrc32(data) !== entry.crc32) return reject(new Error(`${entry.fileName}: CRC-32 mismatch`));
          files.set(entry.fileName, data.toString('utf8'));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });

  return files;
}

/** The text of each <w:p> of word/document.xml, entities decoded, line breaks as \n. */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const xml = (await unzipText(bytes)).get('word/document.xml') ?? '';

  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/(<w:br\/>)|<w:t xml:space="preserve">([^<]*)<\/w:t>/g)]
      .map((m) => (m[1] ? '\n' : (m[2] ?? '')))
      .join('')
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&'),
  );
}
