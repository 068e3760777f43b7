import type { Mailer, MailMessage } from './mailer';

export interface MemoryMailer extends Mailer {
  /** Every mail "sent", oldest first. */
  readonly sent: MailMessage[];
}

/** Keeps mail in memory, for tests that read the reset link without an SMTP server. */
export function createMemoryMailer(): MemoryMailer {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    async close() {},
  };
}
