import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleNotification } from '../../../relay/src/testing/test-relay';
import { type ChatworkFake, startChatworkFake } from '../chatwork-fake/index';
import { startTestRelayServer, type TestRelayServer } from '../support/index';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

const secret = (label: string) => `${label}-${randomBytes(12).toString('base64url')}`;

/**
 * Every secret a relay handles in a normal life — passwords (right and wrong), session cookies,
 * the connection key, the ChatWork token, the mailed reset token, the SMTP password and the
 * encryption key — goes through a real relay with a real SMTP server, and then none of it may
 * be found in anything the relay wrote: its log lines at debug level and the process's stdout
 * and stderr.
 */
describe('no secret in any log', () => {
  const smtpCredentials = { user: 'relay-mailer', pass: secret('smtp-pass') };
  const encryptionKey = randomBytes(32).toString('base64');
  const chatworkToken = secret('cw-token');
  const email = `secrets-${randomBytes(4).toString('hex')}@example.com`;
  const passwords = {
    signup: secret('signup-password'),
    changed: secret('changed-password'),
    reset: secret('reset-password'),
    wrong: [secret('wrong-password'), secret('wrong-password'), secret('wrong-password')],
  };
  const secrets: Record<string, string> = {
    'SMTP password': smtpCredentials.pass,
    'encryption key': encryptionKey,
    'ChatWork token': chatworkToken,
    'sign-up password': passwords.signup,
    'changed password': passwords.changed,
    'reset password': passwords.reset,
    ...Object.fromEntries(passwords.wrong.map((wrong, index) => [`wrong password ${index}`, wrong])),
  };

  let smtp: SmtpSink;
  let chatwork: ChatworkFake;
  let relay: TestRelayServer;
  const output: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    // Whatever the process prints outside the logger counts too.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = write;
      });
    }
    smtp = await startSmtpSink(smtpCredentials);
    chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: chatworkToken,
      accountId: '7001',
      name: '通知ボット',
      rooms: [{ roomId: '1001', name: '営業', type: 'group', role: 'member' }],
    });
    relay = await startTestRelayServer({
      chatworkUrl: chatwork.url,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'kintone2chatwork <no-reply@relay.test>',
        ENCRYPTION_KEYS: `k1:${encryptionKey}`,
      },
    });
  });

  afterAll(async () => {
    await relay?.close();
    await chatwork?.close();
    await smtp?.close();
    for (const undo of restore) undo();
  });

  async function call(path: string, init: { method?: string; body?: unknown; cookie?: string; key?: string }) {
    return fetch(`${relay.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.cookie ? { Cookie: init.cookie } : {}),
        ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  }

  function cookieOf(response: Response, label: string): string {
    const match = /k2c_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
    if (!match?.[1]) throw new Error(`no session cookie from ${label}`);
    secrets[`session (${label})`] = match[1];
    return `k2c_session=${match[1]}`;
  }

  it('runs a whole account’s life through the relay, mail included, and logs none of its secrets', async () => {
    // Sign up, fail to log in, log in.
    const signup = await call('/api/signup', {
      method: 'POST',
      body: { email, password: passwords.signup, companyName: '秘密株式会社' },
    });
    expect(signup.status).toBe(201);
    cookieOf(signup, 'sign-up');
    for (const wrong of passwords.wrong) {
      expect((await call('/api/login', { method: 'POST', body: { email, password: wrong } })).status).toBe(401);
    }
    const login = await call('/api/login', { method: 'POST', body: { email, password: passwords.signup } });
    expect(login.status).toBe(200);
    const cookie = cookieOf(login, 'login');

    // Connect ChatWork, issue a key, send notifications, let the worker deliver them.
    const connected = await call('/api/chatwork-token', { method: 'PUT', cookie, body: { token: chatworkToken } });
    expect(connected.status).toBe(200);
    const created = await call('/api/connection-keys', { method: 'POST', cookie, body: { label: 'kintone' } });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    secrets['connection key'] = key;
    for (const recordId of ['1', '2']) {
      const sent = await call('/v1/notifications', { method: 'POST', key, body: sampleNotification({ recordId }) });
      expect(sent.status).toBe(202);
    }
    const messages = await chatwork.waitForMessages(2, { roomId: '1001', timeoutMs: 15_000 });
    expect(messages.every((message) => message.token === chatworkToken)).toBe(true);

    // Change the password: the other session (sign-up's) ends.
    const changed = await call('/api/password', {
      method: 'POST',
      cookie,
      body: { currentPassword: passwords.signup, newPassword: passwords.changed },
    });
    expect(changed.status).toBe(204);

    // Forget it: the reset mail arrives at the SMTP server, and its link works once.
    const forgot = await call('/api/password/forgot', { method: 'POST', body: { email } });
    expect(forgot.status).toBe(202);
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    const [mail] = smtp.mails;
    expect(mail?.to).toEqual([email]);
    expect(mail?.from).toBe('no-reply@relay.test');
    expect(smtp.refusedLogins).toBe(0);
    const text = mail?.text ?? '';
    expect(text.indexOf('パスワード再設定')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('パスワード再設定')).toBeLessThan(text.indexOf('reset your kintone2chatwork password'));
    const linkText = /https?:\/\/\S+\/password\/reset\?token=\S+/.exec(text)?.[0];
    if (!linkText) throw new Error(`no reset link in the mail:\n${text}`);
    const link = new URL(linkText);
    expect(link.origin).toBe(new URL(relay.url).origin);
    const token = link.searchParams.get('token') ?? '';
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    secrets['reset token'] = token;
    secrets['reset token secret'] = token.split('.')[1] ?? token;

    const reset = await call('/api/password/reset', {
      method: 'POST',
      body: { token, newPassword: passwords.reset },
    });
    expect(reset.status).toBe(204);
    expect((await call('/api/me', { cookie })).status).toBe(401);
    expect((await call('/api/login', { method: 'POST', body: { email, password: passwords.changed } })).status).toBe(
      401,
    );
    const again = await call('/api/login', { method: 'POST', body: { email, password: passwords.reset } });
    expect(again.status).toBe(200);
    cookieOf(again, 'after reset');
    const reused = await call('/api/password/reset', {
      method: 'POST',
      body: { token, newPassword: secret('another-password') },
    });
    expect(reused.status).toBe(400);

    // The relay did log this life — just none of its secrets.
    const log = relay.logs.join('\n');
    for (const expected of ['tenant signed up', 'chatwork connected', 'connection key created', 'password changed']) {
      expect(log).toContain(expected);
    }
    expect(log).toContain('password reset mail sent');
    const everything = `${log}\n${output.join('')}`;
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(8);
      expect(everything.includes(value), `${name} appears in the log or output`).toBe(false);
    }
  });
});
