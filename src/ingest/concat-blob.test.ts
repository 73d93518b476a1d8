import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ConcatBlob } from './concat-blob.js';
import { parseMail } from './mail-parse.js';
import { MailPool } from './pool.js';

describe('ConcatBlob', () => {
  it('holds the same bytes as a Blob of the same parts', async () => {
    const buf = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    const parts = ['Ačiū ', buf.subarray(2, 5), '\n', buf.buffer.slice(5), new Uint16Array([0x4142])];
    const ours = new ConcatBlob(parts, { type: 'Application/Octet-Stream' });
    const node = new Blob(parts, { type: 'Application/Octet-Stream' });
    expect(new Uint8Array(await ours.arrayBuffer())).toEqual(new Uint8Array(await node.arrayBuffer()));
    expect([ours.size, ours.type, Object.prototype.toString.call(ours)]).toEqual([node.size, node.type, '[object Blob]']);
    expect(await new ConcatBlob([ours, '!']).text()).toBe(`${await node.text()}!`);
    // what arrayBuffer() returns is a copy: changing it leaves the blob as it was
    new Uint8Array(await ours.arrayBuffer()).fill(0);
    expect(await ours.text()).toBe(await node.text());
  });

  it('parses mail in the workers (where it stands in for Blob) exactly as parseMail does with Node’s Blob', async () => {
    const messages = [
      'From: a@x.test\nDate: Thu, 2 Jan 2025 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nNu vom pl=C4=83ti =\nfactura.\n',
      `From: b@x.test\nDate: Thu, 2 Jan 2025 10:00:00 +0000\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n\n${iconv.encode('Мы не будем платить.', 'koi8-r').toString('base64')}\n`,
      [
        'From: "C" <c@x.test>\nDate: Thu, 2 Jan 2025 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n',
        '--b1\nContent-Type: text/html; charset=utf-8\n\n<p>We will <b>not pay</b>.</p>\n',
        '--b1\nContent-Type: application/pdf; name="c.pdf"\nContent-Disposition: attachment; filename="c.pdf"\nContent-Transfer-Encoding: base64\n\n',
        `${Buffer.alloc(3000, 7).toString('base64').replace(/.{76}/g, '$&\n')}\n--b1--\n`,
      ].join(''),
    ].map((m) => Buffer.from(m));
    const pool = new MailPool({ workers: 1 });
    try {
      const inWorker = await Promise.all(messages.map((m) => pool.parse(m, { withAttachmentBytes: true })));
      const direct = await Promise.all(messages.map((m) => parseMail(m, { withAttachmentBytes: true })));
      expect(inWorker).toEqual(direct);
      expect(direct.map((d) => d.mail.text.trim())).toEqual(['Nu vom plăti factura.', 'Мы не будем платить.', 'We will not pay.']);
      expect(direct[2]!.mail.attachments[0]).toMatchObject({ file_name: 'c.pdf', size_bytes: 3000 });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
