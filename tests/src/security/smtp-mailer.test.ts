import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../../relay/src/mail/smtp-mailer';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

describe('SMTP mailer (nodemailer) against a real SMTP server', () => {
  const credentials = { user: 'mailer', pass: 'smtp-password-not-for-logs' };
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink(credentials);
  });
  afterAll(() => smtp.close());

  it('logs in with the URL’s credentials and delivers UTF-8 text', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: 'kintone2chatwork <no-reply@relay.test>' });
    await mailer.send({ to: 'owner@example.com', subject: 'パスワード / Password', text: 'こんにちは\nhello\n' });
    await mailer.close();
    const mail = smtp.mails.at(-1);
    expect(mail?.to).toEqual(['owner@example.com']);
    expect(mail?.from).toBe('no-reply@relay.test');
    expect(mail?.text.replace(/\r\n/g, '\n')).toContain('こんにちは\nhello');
  });

  it('fails without echoing the password when the server refuses the login', async () => {
    const wrong = 'wrong-smtp-password-123';
    const mailer = createSmtpMailer({
      url: `smtp://mailer:${wrong}@127.0.0.1:${smtp.port}`,
      from: 'no-reply@relay.test',
    });
    const error = await mailer.send({ to: 'owner@example.com', subject: 's', text: 't' }).catch((caught) => caught);
    await mailer.close();
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain(wrong);
    expect(JSON.stringify(error)).not.toContain(wrong);
  });
});
