import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, parseRateLimit } from './env';

describe('parseEnv', () => {
  it('fills the documented defaults (contract 3)', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(8787);
    expect(env.DATA_DIR).toBe('.data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CHATWORK_API_URL).toBe('https://api.chatwork.com/v2');
    expect(env.CHATWORK_RATE_LIMIT).toEqual({ requests: 300, windowMs: 300_000 });
    expect(env.CHATWORK_ROOM_RATE_LIMIT).toEqual({ requests: 10, windowMs: 10_000 });
    expect(env.KINTONE_ALLOWED_HOSTS).toEqual(['*.cybozu.com', '*.kintone.com', '*.cybozu.cn']);
    expect(env.KINTONE_ALLOW_LOOPBACK).toBe(false);
    expect(env.FREE_MONTHLY_QUOTA).toBe(100);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe('kintone2chatwork <no-reply@localhost>');
    expect(env.TRUST_PROXY).toBe(0);
    expect(env.TENANT_RATE_LIMIT).toEqual({ requests: 600, windowMs: 60_000 });
    expect(env.IP_RATE_LIMIT).toEqual({ requests: 300, windowMs: 60_000 });
    expect(env.LOGIN_FAILURES_PER_EMAIL).toEqual({ requests: 5, windowMs: 900_000 });
    expect(env.LOGIN_FAILURES_PER_IP).toEqual({ requests: 30, windowMs: 900_000 });
  });

  it('reads the security settings', () => {
    const env = parseEnv({
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      TRUST_PROXY: 'true',
      TENANT_RATE_LIMIT: '0',
      IP_RATE_LIMIT: 'off',
    });
    expect(env.SMTP_URL).toBe('smtps://user:pass@mail.example.com:465');
    expect(env.TRUST_PROXY).toBe(1);
    expect(env.TENANT_RATE_LIMIT).toBeUndefined();
    expect(env.IP_RATE_LIMIT).toBeUndefined();
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
  });

  it('refuses bad security settings without echoing the SMTP password', () => {
    let error: unknown;
    try {
      parseEnv({ SMTP_URL: 'http://user:hunter2@mail.example.com', TRUST_PROXY: 'yes', IP_RATE_LIMIT: 'lots' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain('SMTP_URL');
    expect(message).toContain('TRUST_PROXY');
    expect(message).toContain('IP_RATE_LIMIT');
    expect(message).not.toContain('hunter2');
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(8787);
  });

  it('names every bad value at once without echoing it', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@host/db', CHATWORK_RATE_LIMIT: 'fast' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('CHATWORK_RATE_LIMIT');
    expect(message).not.toContain('secret');
  });
});

describe('parseRateLimit', () => {
  it.each([
    ['300/300s', { requests: 300, windowMs: 300_000 }],
    ['10 / 10s', { requests: 10, windowMs: 10_000 }],
    ['60/1m', { requests: 60, windowMs: 60_000 }],
    ['5/500ms', { requests: 5, windowMs: 500 }],
  ])('reads %s', (text, expected) => expect(parseRateLimit(text)).toEqual(expected));

  it.each(['300', '0/10s', '10/0s', '10/10d', 'ten/10s'])('refuses %s', (text) => {
    expect(parseRateLimit(text)).toBeUndefined();
  });
});
