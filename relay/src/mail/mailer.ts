import type { Env } from '../env';
import type { Logger } from '../logger';
import { createLogMailer } from './log-mailer';
import { createSmtpMailer } from './smtp-mailer';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; the relay sends no HTML mail. */
  text: string;
}

/** Sends mail; the relay's only outgoing mail is the password-reset link. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise the development mailer, which writes mail to the log. */
export function createMailer(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>, logger: Logger): Mailer {
  return env.SMTP_URL ? createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }) : createLogMailer(logger);
}
