/**
 * The SMTP path of invitation and reset links: nodemailer talks to a minimal SMTP server written
 * here over a real socket, and the message that arrives carries the link, the addresses and a
 * UTF-8 subject. Without REDCARD_SMTP_URL nothing is sent and the caller is told so.
 */

import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpMailer } from './mailer.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** Just enough of RFC 5321 for one client: greeting, EHLO, MAIL, RCPT, DATA, QUIT. */
function fakeSmtp(received: Received[]): Promise<Server> {
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          current.from = line.replace(/^MAIL FROM:<([^>]*)>.*$/i, '$1');
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line.replace(/^RCPT TO:<([^>]*)>.*$/i, '$1'));
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });

  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('smtpMailer', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('sends the link through the configured SMTP server, addressed and with a UTF-8 subject', async () => {
    const received: Received[] = [];
    server = await fakeSmtp(received);
    const { port } = server.address() as AddressInfo;
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'RedCard <redcard@agency.test>');

    const sent = await mailer.send({
      to: 'lina@agency.test',
      subject: 'Kvietimas prisijungti – RedCard',
      text: 'Open https://redcard.agency.test/invite/abc123 to join.',
    });

    expect(sent).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('redcard@agency.test');
    expect(received[0]?.to).toEqual(['lina@agency.test']);
    expect(received[0]?.data).toContain('https://redcard.agency.test/invite/abc123');
    // The non-ASCII subject is encoded (RFC 2047), never sent raw.
    expect(received[0]?.data).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it('sends nothing and says so when SMTP is not configured', async () => {
    expect(await smtpMailer(undefined, 'redcard@agency.test').send({ to: 'a@b.test', subject: 's', text: 't' })).toBe(false);
  });
});
