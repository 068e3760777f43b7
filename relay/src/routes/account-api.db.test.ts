import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRelay, jsonRequest, type TestRelay } from '../testing/test-relay';

function sessionCookie(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /k2c_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `k2c_session=${match[1]}`;
}

describe('account API', () => {
  let relay: TestRelay;
  const password = 'correct horse battery staple';
  beforeAll(async () => {
    relay = await createTestRelay();
  });
  afterAll(() => relay.close());

  const signup = (email: string, body: Record<string, unknown> = {}) =>
    relay.app.request(
      '/api/signup',
      jsonRequest('POST', { email, password, companyName: 'サンプル株式会社', ...body }),
    );

  it('signs up a company and logs its owner in with an HttpOnly, SameSite=Lax cookie', async () => {
    const email = `Owner-${randomUUID()}@Example.com`;
    const response = await signup(email);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { email: string }; tenant: { id: string; name: string } };
    expect(body.user.email).toBe(email.toLowerCase());
    expect(body.tenant.name).toBe('サンプル株式会社');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);

    const me = await relay.app.request('/api/me', { headers: { Cookie: sessionCookie(response) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ tenant: { id: body.tenant.id }, chatwork: null, plan: { code: 'free' } });
  });

  it('refuses a second account for the same address, whatever its case', async () => {
    const email = `dup-${randomUUID()}@example.com`;
    expect((await signup(email)).status).toBe(201);
    const again = await signup(email.toUpperCase());
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'email_taken' } });
  });

  it('validates sign-up input without echoing the password', async () => {
    const response = await signup('not-an-address', { password: 'short' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('email');
    expect(text).toContain('password');
    expect(text).not.toContain('short"');
  });

  it('logs in with the right password only', async () => {
    const email = `login-${randomUUID()}@example.com`;
    await signup(email);
    const wrong = await relay.app.request('/api/login', jsonRequest('POST', { email, password: 'wrong password!!' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    const unknown = await relay.app.request('/api/login', jsonRequest('POST', { email: `x${email}`, password }));
    expect(unknown.status).toBe(401);
    const right = await relay.app.request('/api/login', jsonRequest('POST', { email, password }));
    expect(right.status).toBe(200);
    expect(sessionCookie(right)).toMatch(/^k2c_session=[\w-]+\.[\w-]+$/);
  });

  it('ends the session on logout', async () => {
    const cookie = sessionCookie(await signup(`logout-${randomUUID()}@example.com`));
    expect((await relay.app.request('/api/logout', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(204);
    expect((await relay.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('rejects a forged session secret', async () => {
    const cookie = sessionCookie(await signup(`forge-${randomUUID()}@example.com`));
    const forged = `${cookie.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await relay.app.request('/api/me', { headers: { Cookie: forged } })).status).toBe(401);
  });

  it('creates a connection key shown once, lists it by hint only, and revokes it', async () => {
    const cookie = sessionCookie(await signup(`keys-${randomUUID()}@example.com`));
    const created = await relay.app.request(
      '/api/connection-keys',
      jsonRequest('POST', { label: '営業アプリ' }, { Cookie: cookie }),
    );
    expect(created.status).toBe(201);
    const { id, key, label } = (await created.json()) as { id: string; key: string; label: string };
    expect(label).toBe('営業アプリ');
    expect(key).toMatch(/^k2c_[\w-]{43}$/);

    const list = (await (await relay.app.request('/api/connection-keys', { headers: { Cookie: cookie } })).json()) as {
      items: { id: string; hint: string }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ id, hint: key.slice(-4), lastUsedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(key);

    const auth = { headers: { Authorization: `Bearer ${key}` } };
    expect((await relay.app.request('/v1/deliveries/00000000-0000-0000-0000-000000000000', auth)).status).toBe(404);
    const revoked = await relay.app.request(`/api/connection-keys/${id}`, {
      method: 'DELETE',
      headers: { Cookie: cookie },
    });
    expect(revoked.status).toBe(204);
    expect((await relay.app.request('/v1/deliveries/00000000-0000-0000-0000-000000000000', auth)).status).toBe(401);
  });

  it('does not let one tenant revoke another tenant’s key', async () => {
    const owner = sessionCookie(await signup(`a-${randomUUID()}@example.com`));
    const intruder = sessionCookie(await signup(`b-${randomUUID()}@example.com`));
    const { id } = (await (
      await relay.app.request('/api/connection-keys', jsonRequest('POST', { label: 'k' }, { Cookie: owner }))
    ).json()) as { id: string };
    const response = await relay.app.request(`/api/connection-keys/${id}`, {
      method: 'DELETE',
      headers: { Cookie: intruder },
    });
    expect(response.status).toBe(404);
  });

  it('requires a session for account endpoints', async () => {
    expect((await relay.app.request('/api/connection-keys')).status).toBe(401);
    expect((await relay.app.request('/api/chatwork-token', jsonRequest('PUT', { token: 'x' }))).status).toBe(401);
  });

  it('never writes passwords or keys into the log', async () => {
    const cookie = sessionCookie(await signup(`log-${randomUUID()}@example.com`));
    const { key } = (await (
      await relay.app.request('/api/connection-keys', jsonRequest('POST', { label: 'k' }, { Cookie: cookie }))
    ).json()) as { key: string };
    const log = relay.logs.join('\n');
    expect(log).not.toContain(password);
    expect(log).not.toContain(key);
    expect(log).not.toContain(cookie.split('=')[1]);
  });
});
