import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { resetLinkBase } from './password-reset';
import { resetMail } from './reset-mail';

describe('resetLinkBase', () => {
  it('uses PUBLIC_URL whatever the request says', () => {
    const env = parseEnv({ PUBLIC_URL: 'https://relay.example.com/', NODE_ENV: 'production' });
    expect(resetLinkBase(env, 'https://evil.example')).toBe('https://relay.example.com');
  });

  it('uses the request’s origin outside production only', () => {
    expect(resetLinkBase(parseEnv({}), 'http://localhost:8787')).toBe('http://localhost:8787');
    // In production the Host header would let anyone choose where a valid token is sent.
    expect(resetLinkBase(parseEnv({ NODE_ENV: 'production' }), 'https://evil.example')).toBeUndefined();
  });
});

describe('resetMail', () => {
  it('says it in Japanese first and English second, with the link in both', () => {
    const mail = resetMail('owner@example.com', 'https://relay.example.com/password/reset?token=a.b', 60);
    expect(mail.to).toBe('owner@example.com');
    expect(mail.subject).toMatch(/^【kintone2chatwork】パスワードの再設定 \/ Password reset$/);
    const japanese = mail.text.indexOf('60 分以内');
    const english = mail.text.indexOf('within 60 minutes');
    expect(japanese).toBeGreaterThanOrEqual(0);
    expect(english).toBeGreaterThan(japanese);
    expect(mail.text.split('https://relay.example.com/password/reset?token=a.b')).toHaveLength(3);
  });
});
