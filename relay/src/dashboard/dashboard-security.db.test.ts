import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/app-env';
import { createErrorHandler, notFoundHandler } from '../http/error-handler';
import { applySecurity } from '../http/security/apply-security';
import { accountApiRoutes } from '../routes/account-api';
import { createTestRelay, jsonRequest, type TestRelay } from '../testing/test-relay';
import { dashboardRoutes, dashboardSecurityHooks } from './index';
import { signUpThroughForm } from './testing/accounts';
import { DashboardClient, expectCspClean, textOf } from './testing/dashboard-client';

/**
 * The security middleware's refusals on dashboard pages, with the dashboard's hooks passed to
 * applySecurity as app.ts should: an HTML page in the reader's language, where the API keeps JSON.
 */
describe('dashboard security pages', () => {
  let relay: TestRelay;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    relay = await createTestRelay({ env: { IP_RATE_LIMIT: '40/60s' } });
    app = new Hono<AppEnv>();
    app.onError(createErrorHandler(relay.deps.logger));
    app.notFound(notFoundHandler);
    applySecurity(app, relay.deps, dashboardSecurityHooks());
    app.route('/api', accountApiRoutes(relay.deps));
    app.route('/', dashboardRoutes(relay.deps));
  });
  afterAll(() => relay.close());

  it('refuses a form posted from another site with a page, and the API with JSON', async () => {
    const client = new DashboardClient(app);
    await signUpThroughForm(client);
    const page = await client.post('/dashboard/keys', { label: 'x' }, { Origin: 'https://evil.example' });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expectCspClean(html);
    expect(textOf(html)).toContain('この操作は許可されていません。');

    const english = await client.post('/logout', {}, { Origin: 'https://evil.example', 'Accept-Language': 'en' });
    expect(english.status).toBe(403);
    expect(textOf(await english.text())).toContain('This action is not allowed.');

    const api = await app.request(
      '/api/connection-keys',
      jsonRequest('POST', { label: 'x' }, { Origin: 'https://evil.example', Cookie: client.cookieHeader }),
    );
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('answers a visitor over the request limit with a page that says to wait', async () => {
    const client = new DashboardClient(app);
    let response = await client.get('/login');
    for (let count = 0; count < 60 && response.status !== 429; count++) response = await client.get('/login');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(textOf(await response.text())).toContain('しばらくお待ちください');
    const api = await app.request('/api/me');
    expect(api.status).toBe(429);
    expect(await api.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
