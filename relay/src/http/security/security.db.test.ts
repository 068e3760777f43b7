import { passwordResets, requestCounters, users } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authCleanupJob, counterRetentionMs } from '../../auth/cleanup-job';
import { parseEnv } from '../../env';
import {
  clockAtWindowStart,
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  sampleNotification,
  type TestRelay,
} from '../../testing/test-relay';
import type { AppEnv } from '../app-env';
import { createErrorHandler } from '../error-handler';
import { applySecurity } from './apply-security';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

const form = (headers: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: 'email=a%40example.com&password=secret-secret',
});

describe('security middleware', () => {
  describe('headers and origin check, with PUBLIC_URL on https', () => {
    let relay: TestRelay;
    beforeAll(async () => {
      relay = await createTestRelay({ env: { PUBLIC_URL: 'https://relay.example.com' } });
    });
    afterAll(() => relay.close());

    it('sends the content security policy and the other security headers on every answer', async () => {
      for (const path of ['/healthz', '/api/me', '/v1/connection', '/no-such-page']) {
        const response = await relay.app.request(path);
        expect(response.headers.get('content-security-policy')).toBe(CSP);
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('same-origin');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
      }
    });

    it('refuses a cross-origin form post with 403 forbidden', async () => {
      const response = await relay.app.request('/api/login', form({ Origin: 'https://evil.example' }));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: 'forbidden', message: expect.any(String) },
      });
    });

    it.each([
      ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site', Origin: 'https://relay.example.com' }],
      ['a look-alike origin', { Origin: 'https://relay.example.com.evil.example' }],
      ['the http origin of the https relay', { Origin: 'http://relay.example.com' }],
      ['Origin: null', { Origin: 'null' }],
      ['a foreign Referer without Origin', { Referer: 'https://evil.example/page?x=1' }],
      ['an unreadable Referer', { Referer: 'not a url' }],
    ])('refuses %s', async (_, headers) => {
      for (const [method, path] of [
        ['POST', '/api/logout'],
        ['PUT', '/api/chatwork-token'],
        ['DELETE', '/api/connection-keys/x'],
        ['PATCH', '/anything'],
      ] as const) {
        const response = await relay.app.request(path, { method, headers });
        expect(response.status, `${method} ${path}`).toBe(403);
      }
    });

    it('lets a same-origin post through to the route', async () => {
      const sameOrigin = await relay.app.request(
        '/api/login',
        jsonRequest(
          'POST',
          { email: 'nobody@example.com', password: 'whatever password' },
          { Origin: 'https://relay.example.com', 'Sec-Fetch-Site': 'same-origin' },
        ),
      );
      expect(sameOrigin.status).toBe(401);
      const byReferer = await relay.app.request(
        '/api/logout',
        jsonRequest('POST', {}, { Referer: 'https://relay.example.com/settings' }),
      );
      expect(byReferer.status).toBe(401);
    });

    it('lets JSON from curl or a script (no Origin, Referer or Sec-Fetch-Site) through', async () => {
      const response = await relay.app.request(
        '/api/login',
        jsonRequest('POST', { email: 'nobody@example.com', password: 'whatever password' }),
      );
      expect(response.status).toBe(401);
    });

    it('does not check safe methods, the plug-in API or webhooks', async () => {
      const evil = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
      expect((await relay.app.request('/api/me', { headers: evil })).status).toBe(401);
      const plugin = await relay.app.request(
        '/v1/notifications',
        jsonRequest('POST', sampleNotification(), { ...evil, Authorization: 'Bearer k2c_unknown' }),
      );
      expect(plugin.status).toBe(401);
      // Not refused for its origin: this relay has no Stripe configured, which is what it says.
      const webhook = await relay.app.request('/webhooks/stripe', { method: 'POST', headers: evil });
      expect(webhook.status).toBe(503);
      expect(await webhook.json()).toMatchObject({ error: { code: 'billing_not_configured' } });
    });
  });

  describe('without PUBLIC_URL', () => {
    let relay: TestRelay;
    beforeAll(async () => {
      relay = await createTestRelay();
    });
    afterAll(() => relay.close());

    it('compares the origin with the request’s own Host, and sends no HSTS over http', async () => {
      const own = await relay.app.request(
        'http://localhost:8787/api/logout',
        jsonRequest('POST', {}, { Host: 'localhost:8787', Origin: 'http://localhost:8787' }),
      );
      expect(own.status).toBe(401);
      expect(own.headers.get('strict-transport-security')).toBeNull();
      const other = await relay.app.request(
        'http://localhost:8787/api/logout',
        jsonRequest('POST', {}, { Host: 'localhost:8787', Origin: 'http://localhost:3000' }),
      );
      expect(other.status).toBe(403);
    });
  });

  describe('request limits', () => {
    let relay: TestRelay;
    beforeAll(async () => {
      relay = await createTestRelay({
        env: { TRUST_PROXY: 'true', IP_RATE_LIMIT: '3/60s', TENANT_RATE_LIMIT: '3/60s' },
        now: clockAtWindowStart(60_000),
      });
    });
    afterAll(() => relay.close());

    it('limits the account API per client address: 429 rate_limited with Retry-After', async () => {
      const ip = { 'X-Forwarded-For': '192.0.2.10' };
      for (let i = 0; i < 3; i++) expect((await relay.app.request('/api/me', { headers: ip })).status).toBe(401);
      const limited = await relay.app.request('/api/me', { headers: ip });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited.json()).toMatchObject({
        error: { code: 'rate_limited', message: expect.any(String), details: { retryAfterSeconds: retryAfter } },
      });
      expect(limited.headers.get('content-security-policy')).toBe(CSP);
      // Any path but the plug-in API, webhooks and health checks counts: the dashboard too.
      expect((await relay.app.request('/login', { headers: ip })).status).toBe(429);
      expect((await relay.app.request('/healthz', { headers: ip })).status).toBe(200);
      // Another address has its own budget.
      expect((await relay.app.request('/api/me', { headers: { 'X-Forwarded-For': '192.0.2.11' } })).status).toBe(401);
    });

    it('counts an IPv6 client by its /64', async () => {
      for (let i = 1; i <= 3; i++) {
        const headers = { 'X-Forwarded-For': `2001:db8:1:2::${i}` };
        expect((await relay.app.request('/api/me', { headers })).status).toBe(401);
      }
      const sameNetwork = { 'X-Forwarded-For': '2001:db8:1:2:ffff::9' };
      expect((await relay.app.request('/api/me', { headers: sameNetwork })).status).toBe(429);
    });

    it('limits the plug-in API per tenant after the key check, not per address', async () => {
      const tenant = await createTenantWithKey(relay.database.db);
      const other = await createTenantWithKey(relay.database.db);
      const call = (key: string) =>
        relay.app.request('/v1/connection', {
          headers: { Authorization: `Bearer ${key}`, 'X-Forwarded-For': '192.0.2.50' },
        });
      for (let i = 0; i < 3; i++) expect((await call(tenant.key)).status).toBe(200);
      const limited = await call(tenant.key);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
      // Same address (kintone's servers are shared by every customer), another tenant: fine.
      expect((await call(other.key)).status).toBe(200);
      // An unknown key is turned away by the key check, before any count.
      expect((await call('k2c_unknown')).status).toBe(401);
    });
  });

  describe('limits turned off', () => {
    let relay: TestRelay;
    beforeAll(async () => {
      relay = await createTestRelay({ env: { IP_RATE_LIMIT: '0', TENANT_RATE_LIMIT: '0' } });
    });
    afterAll(() => relay.close());

    it('counts nothing with 0', async () => {
      const tenant = await createTenantWithKey(relay.database.db);
      for (let i = 0; i < 5; i++) {
        expect((await relay.app.request('/api/me')).status).toBe(401);
        const headers = { Authorization: `Bearer ${tenant.key}` };
        expect((await relay.app.request('/v1/connection', { headers })).status).toBe(200);
      }
      expect(await relay.database.db.select().from(requestCounters)).toEqual([]);
    });
  });

  describe('hooks for the dashboard', () => {
    let relay: TestRelay;
    beforeAll(async () => {
      relay = await createTestRelay({ env: { IP_RATE_LIMIT: '1/60s' }, now: clockAtWindowStart(60_000) });
    });
    afterAll(() => relay.close());

    it('lets a refusal be answered with a page of its own', async () => {
      const app = new Hono<AppEnv>();
      app.onError(createErrorHandler(relay.deps.logger));
      applySecurity(app, relay.deps, {
        onRateLimited: (c, seconds) =>
          c.req.path.startsWith('/api/') ? undefined : c.html(`<p>wait ${seconds}</p>`, 429),
        onForbidden: (c) => c.html('<p>forbidden</p>', 403),
      });
      app.get('*', (c) => c.text('ok'));
      app.post('*', (c) => c.text('ok'));
      expect((await app.request('/page')).status).toBe(200);
      const page = await app.request('/page');
      expect(page.status).toBe(429);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await page.text()).toMatch(/wait \d+/);
      const api = await app.request('/api/x');
      expect(api.status).toBe(429);
      expect(await api.json()).toMatchObject({ error: { code: 'rate_limited' } });
      const forbidden = await app.request('/form', form({ Origin: 'https://evil.example' }));
      expect(forbidden.status).toBe(403);
      expect(await forbidden.text()).toBe('<p>forbidden</p>');
    });
  });

  describe('clean-up job', () => {
    let relay: TestRelay;
    beforeAll(async () => {
      relay = await createTestRelay();
    });
    afterAll(() => relay.close());

    it('deletes counter windows older than an hour and reset links expired more than a day ago', async () => {
      const { db } = relay.database;
      const tenant = await createTenantWithKey(db);
      const [user] = await db.select().from(users).where(eq(users.tenantId, tenant.tenantId));
      const now = Date.now();
      await db.insert(requestCounters).values([
        { key: 'ip:old', windowStart: new Date(now - 2 * 60 * 60_000), count: 3 },
        { key: 'ip:recent', windowStart: new Date(now - 10 * 60_000), count: 3 },
      ]);
      const reset = (id: string, expiresAt: Date) => ({
        id,
        userId: user?.id ?? '',
        tenantId: tenant.tenantId,
        secretHash: 'x',
        expiresAt,
      });
      await db
        .insert(passwordResets)
        .values([reset('old', new Date(now - 25 * 60 * 60_000)), reset('live', new Date(now + 60 * 60_000))]);
      await authCleanupJob(db, relay.deps.env, relay.deps.logger).run();
      const keys = (await db.select().from(requestCounters)).map((row) => row.key);
      expect(keys).toContain('ip:recent');
      expect(keys).not.toContain('ip:old');
      expect(await db.select().from(passwordResets).where(eq(passwordResets.id, 'old'))).toEqual([]);
      expect(await db.select().from(passwordResets).where(eq(passwordResets.id, 'live'))).toHaveLength(1);
    });

    it('keeps windows as long as the longest configured limit', () => {
      expect(counterRetentionMs(parseEnv({}))).toBe(60 * 60_000);
      expect(counterRetentionMs(parseEnv({ LOGIN_FAILURES_PER_EMAIL: '5/2h' }))).toBe(2 * 60 * 60_000);
    });
  });
});
