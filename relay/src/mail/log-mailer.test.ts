import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { createLogger } from '../logger';
import { createMailer } from './mailer';

describe('the development mailer (SMTP_URL unset)', () => {
  it('writes the whole mail to the log, saying plainly that it was not sent', async () => {
    const lines: string[] = [];
    const mailer = createMailer(
      parseEnv({}),
      createLogger('info', (line) => lines.push(line)),
    );
    await mailer.send({
      to: 'owner@example.com',
      subject: '件名',
      text: 'https://relay.test/password/reset?token=a.b',
    });
    const [line] = lines.map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(line?.message).toMatch(/NOT sent \(SMTP_URL is unset\)/);
    expect(line).toMatchObject({
      mailTo: 'owner@example.com',
      mailSubject: '件名',
      mailText: 'https://relay.test/password/reset?token=a.b',
    });
  });
});
