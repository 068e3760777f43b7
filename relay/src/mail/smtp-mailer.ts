import nodemailer from 'nodemailer';
import type { Mailer } from './mailer';

/**
 * Sends through an SMTP server: `smtp://user:pass@host:587` (STARTTLS when the server offers it)
 * or `smtps://user:pass@host:465`. The URL holds a password, so it is never logged, and
 * nodemailer's own logging stays off.
 */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    // A stuck mail server must not hold a reset request's background work for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
    async close() {
      transport.close();
    },
  };
}
