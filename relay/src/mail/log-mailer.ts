import type { Logger } from '../logger';
import type { Mailer } from './mailer';

/**
 * The development mailer, used when SMTP_URL is unset (contract 3): instead of being sent, each
 * mail is written to the log, whole. The log line therefore holds the password-reset link, a
 * secret — which is the point on a developer's machine, and why production sets SMTP_URL (the
 * relay warns at start when it does not).
 */
export function createLogMailer(logger: Logger): Mailer {
  return {
    async send(message) {
      logger.info('mail NOT sent (SMTP_URL is unset): development mailer, the mail and any link in it follow', {
        mailTo: message.to,
        mailSubject: message.subject,
        mailText: message.text,
      });
    },
    async close() {},
  };
}
