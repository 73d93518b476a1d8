/** Sample mail archives for the import tests. */

/** Two mails from the client: one refusing to pay and insulting, one harmless; one with an attachment. */
export function sampleMbox(extra = ''): string {
  return [
    'From ann@vortex.test Mon Jan  6 10:00:00 2025',
    'From: Ann Client <ann@vortex.test>',
    'To: me@agency.test',
    'Subject: Invoice 12',
    'Date: Mon, 6 Jan 2025 12:00:00 +0200',
    'Message-ID: <m1@vortex.test>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'We will not pay this invoice until the logo is redone for free. You are idiots.',
    '',
    'From ann@vortex.test Tue Jan  7 10:00:00 2025',
    'From: Ann Client <ann@vortex.test>',
    'Subject: Thanks',
    'Date: Tue, 7 Jan 2025 12:00:00 +0200',
    'Message-ID: <m2@vortex.test>',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Thanks for the draft, see you Monday.',
    '--b1',
    'Content-Type: application/pdf; name="brief.pdf"',
    'Content-Disposition: attachment; filename="brief.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK',
    '--b1--',
    '',
    extra,
  ].join('\n');
}
