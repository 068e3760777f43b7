import { randomUUID } from 'node:crypto';
import { passwordResets, requestCounters } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset, resetPassword } from '../auth/password-reset';
import { sha256Hex } from '../crypto/secrets';
import { changePassword } from '../services/accounts';
import { resolveSession } from '../services/sessions';
import { clockAtWindowStart, createTestRelay, jsonRequest, type TestRelay } from '../testing/test-relay';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

function sessionCookie(response: Response): string {
  const match = /k2c_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('no session cookie');
  return `k2c_session=${match[1]}`;
}

function tokenOf(text: string): string {
  const match = /\/password\/reset\?token=([\w.%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in ${text}`);
  return decodeURIComponent(match[1]);
}

describe('password change, reset and login throttling', () => {
  let relay: TestRelay;
  // Each test counts failures from its own made-up client address (TRUST_PROXY=true).
  const from = () => ({ 'X-Forwarded-For': `203.0.113.${Math.floor(Math.random() * 250) + 1}` });

  beforeAll(async () => {
    relay = await createTestRelay({
      env: {
        TRUST_PROXY: 'true',
        PUBLIC_URL: 'https://relay.example.com',
        LOGIN_FAILURES_PER_EMAIL: '3/15m',
        LOGIN_FAILURES_PER_IP: '6/15m',
      },
      now: clockAtWindowStart(15 * 60_000),
    });
  });
  afterAll(() => relay.close());

  async function signUp(email = `pw-${randomUUID()}@example.com`) {
    const response = await relay.app.request(
      '/api/signup',
      jsonRequest('POST', { email, password: PASSWORD, companyName: 'パスワード株式会社' }),
    );
    expect(response.status).toBe(201);
    return { email, cookie: sessionCookie(response) };
  }

  const login = (email: string, password: string, headers: Record<string, string> = from()) =>
    relay.app.request('/api/login', jsonRequest('POST', { email, password }, headers));

  const me = (cookie: string) => relay.app.request('/api/me', { headers: { Cookie: cookie } });

  async function forgot(email: string) {
    const before = relay.mails.length;
    const response = await relay.app.request('/api/password/forgot', jsonRequest('POST', { email }, from()));
    expect(response.status).toBe(202);
    await expect.poll(() => relay.mails.length).toBe(before + 1);
    const mail = relay.mails.at(-1);
    if (!mail) throw new Error('no mail');
    return mail;
  }

  describe('POST /api/password', () => {
    it('changes the password and closes every other session, keeping this one', async () => {
      const { email, cookie } = await signUp();
      const other = sessionCookie(await login(email, PASSWORD));
      const response = await relay.app.request(
        '/api/password',
        jsonRequest('POST', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { Cookie: cookie }),
      );
      expect(response.status).toBe(204);
      expect((await me(cookie)).status).toBe(200);
      expect((await me(other)).status).toBe(401);
      expect((await login(email, PASSWORD)).status).toBe(401);
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);
      // Argon2id, never the password itself.
      const log = relay.logs.join('\n');
      expect(log).toContain('password changed');
      expect(log).not.toContain(NEW_PASSWORD);
    });

    it('answers 401 invalid_credentials for a wrong current password', async () => {
      const { cookie } = await signUp();
      const response = await relay.app.request(
        '/api/password',
        jsonRequest('POST', { currentPassword: 'not the password', newPassword: NEW_PASSWORD }, { Cookie: cookie }),
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    });

    it('validates the new password like sign-up, without echoing either password', async () => {
      const { cookie } = await signUp();
      const response = await relay.app.request(
        '/api/password',
        jsonRequest('POST', { currentPassword: PASSWORD, newPassword: 'short-pw' }, { Cookie: cookie }),
      );
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'invalid_request' } });
      expect(text).toContain('newPassword');
      expect(text).not.toContain('short-pw');
      expect(text).not.toContain(PASSWORD);
    });

    it('requires a session (401) and a same-origin page (403)', async () => {
      const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
      expect((await relay.app.request('/api/password', jsonRequest('POST', body))).status).toBe(401);
      const { cookie } = await signUp();
      const crossSite = await relay.app.request(
        '/api/password',
        jsonRequest('POST', body, { Cookie: cookie, Origin: 'https://evil.example' }),
      );
      expect(crossSite.status).toBe(403);
      expect(await crossSite.json()).toMatchObject({ error: { code: 'forbidden' } });
    });

    it('counts wrong current passwords as failed logins (429 with Retry-After past the limit)', async () => {
      const { cookie } = await signUp();
      const attempt = () =>
        relay.app.request(
          '/api/password',
          jsonRequest('POST', { currentPassword: 'guess guess guess', newPassword: NEW_PASSWORD }, { Cookie: cookie }),
        );
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('is the service the dashboard calls: changePassword(deps, session, input)', async () => {
      const { cookie } = await signUp();
      const token = cookie.split('=')[1] ?? '';
      const session = await resolveSession(relay.deps.db, token, new Date());
      if (!session) throw new Error('no session');
      await expect(
        changePassword(relay.deps, session, { currentPassword: PASSWORD, newPassword: 'tiny' }),
      ).rejects.toMatchObject({ code: 'invalid_request' });
      await changePassword(relay.deps, session, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect((await login(session.email, NEW_PASSWORD)).status).toBe(200);
    });
  });

  describe('password reset by mail', () => {
    it('mails a link (Japanese first, then English) whose token sets a new password once and closes all sessions', async () => {
      const { email, cookie } = await signUp();
      const mail = await forgot(email.toUpperCase());
      expect(mail.to).toBe(email);
      expect(mail.text.indexOf('パスワード')).toBeLessThan(mail.text.indexOf('password'));
      expect(mail.text).toContain('https://relay.example.com/password/reset?token=');
      const token = tokenOf(mail.text);
      expect(token).toMatch(/^[\w-]+\.[\w-]+$/);

      // Only the secret's SHA-256 is stored, valid for an hour.
      const [id, secret] = token.split('.');
      const [row] = await relay.database.db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.id, id ?? ''));
      expect(row?.secretHash).toBe(sha256Hex(secret ?? ''));
      expect(JSON.stringify(row)).not.toContain(secret);
      const minutes = ((row?.expiresAt.getTime() ?? 0) - relay.deps.now().getTime()) / 60_000;
      expect(minutes).toBeGreaterThan(59);
      expect(minutes).toBeLessThanOrEqual(60);

      const reset = await relay.app.request(
        '/api/password/reset',
        jsonRequest('POST', { token, newPassword: NEW_PASSWORD }),
      );
      expect(reset.status).toBe(204);
      expect((await me(cookie)).status).toBe(401);
      expect((await login(email, PASSWORD)).status).toBe(401);
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);

      const again = await relay.app.request(
        '/api/password/reset',
        jsonRequest('POST', { token, newPassword: 'yet another passphrase' }),
      );
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: { code: 'invalid_reset_token' } });
    });

    it('answers 202 for an unknown address too, and sends nothing', async () => {
      const before = relay.mails.length;
      const response = await relay.app.request(
        '/api/password/forgot',
        jsonRequest('POST', { email: `nobody-${randomUUID()}@example.com` }),
      );
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('');
      const { settled } = requestPasswordReset(relay.deps, `nobody-${randomUUID()}@example.com`, undefined);
      await settled;
      expect(relay.mails.length).toBe(before);
    });

    it('makes older links stop working when a new one is sent', async () => {
      const { email } = await signUp();
      const first = tokenOf((await forgot(email)).text);
      const second = tokenOf((await forgot(email)).text);
      const old = await relay.app.request(
        '/api/password/reset',
        jsonRequest('POST', { token: first, newPassword: NEW_PASSWORD }),
      );
      expect(old.status).toBe(400);
      expect(
        (
          await relay.app.request(
            '/api/password/reset',
            jsonRequest('POST', { token: second, newPassword: NEW_PASSWORD }),
          )
        ).status,
      ).toBe(204);
    });

    it('refuses an expired link, a forged secret and a malformed token with 400 invalid_reset_token', async () => {
      const { email } = await signUp();
      const token = tokenOf((await forgot(email)).text);
      const [id] = token.split('.');
      const forged = `${id}.${'A'.repeat(43)}`;
      for (const bad of [forged, 'no-dot-here', `${id}`, `${token}.extra`]) {
        const response = await relay.app.request(
          '/api/password/reset',
          jsonRequest('POST', { token: bad, newPassword: NEW_PASSWORD }),
        );
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: { code: 'invalid_reset_token' } });
      }
      await relay.database.db
        .update(passwordResets)
        .set({ expiresAt: new Date(relay.deps.now().getTime() - 1_000) })
        .where(eq(passwordResets.id, id ?? ''));
      const expired = await relay.app.request(
        '/api/password/reset',
        jsonRequest('POST', { token, newPassword: NEW_PASSWORD }),
      );
      expect(expired.status).toBe(400);
      expect(await expired.json()).toMatchObject({ error: { code: 'invalid_reset_token' } });
    });

    it('validates the new password and the address without echoing them', async () => {
      const short = await relay.app.request(
        '/api/password/reset',
        jsonRequest('POST', { token: 'a.b', newPassword: 'shorty-pw' }),
      );
      expect(short.status).toBe(400);
      const text = await short.text();
      expect(text).toContain('newPassword');
      expect(text).not.toContain('shorty-pw');
      const badAddress = await relay.app.request('/api/password/forgot', jsonRequest('POST', { email: 'nope' }));
      expect(badAddress.status).toBe(400);
      expect(await badAddress.json()).toMatchObject({ error: { code: 'invalid_request' } });
    });

    it('refuses a reset posted from another site (403)', async () => {
      const response = await relay.app.request('/api/password/forgot', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
        body: 'email=victim%40example.com',
      });
      expect(response.status).toBe(403);
    });

    it('sends at most three reset mails per address in a quarter of an hour', async () => {
      const { email } = await signUp();
      const before = relay.mails.length;
      for (let i = 0; i < 5; i++) await requestPasswordReset(relay.deps, email, undefined).settled;
      expect(relay.mails.length).toBe(before + 3);
    });

    it('are the services the dashboard calls: requestPasswordReset and resetPassword', async () => {
      const { email } = await signUp();
      const before = relay.mails.length;
      await requestPasswordReset(relay.deps, email, 'http://ignored.example').settled;
      const mail = relay.mails[before];
      // PUBLIC_URL wins over the request's origin.
      expect(mail?.text).toContain('https://relay.example.com/password/reset?token=');
      const token = tokenOf(mail?.text ?? '');
      await expect(resetPassword(relay.deps, token, 'tiny')).rejects.toMatchObject({ code: 'invalid_request' });
      await expect(resetPassword(relay.deps, token, NEW_PASSWORD)).resolves.toMatchObject({
        userId: expect.any(String),
        tenantId: expect.any(String),
      });
      await expect(resetPassword(relay.deps, token, NEW_PASSWORD)).rejects.toMatchObject({
        code: 'invalid_reset_token',
      });
    });
  });

  describe('failed-login throttling', () => {
    it('refuses logins for an address past its failures with 429 and Retry-After, before checking the password', async () => {
      const { email } = await signUp();
      for (let i = 0; i < 3; i++) expect((await login(email, `wrong password ${i}`)).status).toBe(401);
      const limited = await login(email, PASSWORD);
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(await limited.json()).toMatchObject({
        error: { code: 'rate_limited', details: { retryAfterSeconds: retryAfter } },
      });
      // The address is counted by its hash only.
      const keys = (await relay.database.db.select({ key: requestCounters.key }).from(requestCounters)).map(
        (row) => row.key,
      );
      expect(keys.join('\n')).not.toContain(email);
      expect(keys).toContain(`login:email:${sha256Hex(email)}`);
    });

    it('does not count successful logins', async () => {
      const { email } = await signUp();
      for (let i = 0; i < 10; i++) expect((await login(email, PASSWORD)).status).toBe(200);
      expect((await login(email, 'wrong password')).status).toBe(401);
      expect((await login(email, PASSWORD)).status).toBe(200);
    });

    it('limits failures per client address across e-mail addresses', async () => {
      const headers = { 'X-Forwarded-For': '198.51.100.77' };
      for (let i = 0; i < 6; i++) {
        expect((await login(`spray-${i}-${randomUUID()}@example.com`, 'password123', headers)).status).toBe(401);
      }
      const { email } = await signUp();
      expect((await login(email, PASSWORD, headers)).status).toBe(429);
      // Another address is not affected.
      expect((await login(email, PASSWORD, { 'X-Forwarded-For': '198.51.100.78' })).status).toBe(200);
    });
  });
});
