/** Mail for invitation and reset links, through SMTP when REDCARD_SMTP_URL is set. */
import nodemailer from 'nodemailer';
import type { Mailer } from '../../app/team/ports.js';

export function smtpMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { send: async () => false };
  const transport = nodemailer.createTransport(smtpUrl);

  return {
    async send(message) {
      await transport.sendMail({ from, ...message });

      return true;
    },
  };
}
