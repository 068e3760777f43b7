import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  sampleNotification,
  sampleRuleSet,
  type TestRelay,
} from '../testing/test-relay';

/** The endpoints the plug-in settings screen calls, and the monthly quota. */
describe('plug-in settings API and quota', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await createTestRelay({ env: { FREE_MONTHLY_QUOTA: '3' } });
  });
  afterAll(() => relay.close());

  const call = (key: string, path: string, body?: unknown) =>
    relay.app.request(
      path,
      body === undefined
        ? { headers: { Authorization: `Bearer ${key}` } }
        : jsonRequest('POST', body, { Authorization: `Bearer ${key}` }),
    );

  it('GET /v1/connection shows the company, plan, usage and ChatWork account', async () => {
    const tenant = await createTenantWithKey(relay.database.db, '接続テスト株式会社');
    const before = await call(tenant.key, '/v1/connection');
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({
      tenant: { name: '接続テスト株式会社' },
      plan: { code: 'free', status: 'active', monthlyQuota: 3, usedThisMonth: 0 },
      chatwork: null,
    });
    await call(tenant.key, '/v1/notifications', sampleNotification());
    expect(await (await call(tenant.key, '/v1/connection')).json()).toMatchObject({ plan: { usedThisMonth: 1 } });
    expect((await call('k2c_wrong', '/v1/connection')).status).toBe(401);
  });

  it('answers 402 quota_exceeded once the month is used up, counting neither duplicates nor refused messages', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    const twoRules = JSON.stringify({
      version: 1,
      rules: [...sampleRuleSet().rules, { ...sampleRuleSet().rules[0], id: 'r2', roomId: '1002' }],
    });
    expect(
      (await call(tenant.key, '/v1/notifications', sampleNotification({ recordId: '1', rules: twoRules }))).status,
    ).toBe(202);
    // A repeat of the same save is a duplicate: answered, not counted.
    expect(
      (await call(tenant.key, '/v1/notifications', sampleNotification({ recordId: '1', rules: twoRules }))).status,
    ).toBe(202);
    // Two more messages would make four of three: refused as a whole, nothing queued or counted.
    const refused = await call(tenant.key, '/v1/notifications', sampleNotification({ recordId: '2', rules: twoRules }));
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ error: { code: 'quota_exceeded', details: { monthlyQuota: 3 } } });
    expect(await (await call(tenant.key, '/v1/connection')).json()).toMatchObject({ plan: { usedThisMonth: 2 } });
    // One message still fits.
    expect((await call(tenant.key, '/v1/notifications', sampleNotification({ recordId: '3' }))).status).toBe(202);
    expect((await call(tenant.key, '/v1/notifications', sampleNotification({ recordId: '4' }))).status).toBe(402);
  });

  it('POST /v1/preview renders every rule for the record and says which would fire', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    const rules = JSON.stringify({
      version: 1,
      rules: [
        sampleRuleSet({ template: '{{title}} ({{$event}})' }).rules[0],
        { ...sampleRuleSet({ template: '{{detail}}' }).rules[0], id: 'r2', events: ['status'] },
      ],
    });
    const { recordId: _recordId, ...withoutRecordId } = sampleNotification({ rules });
    const response = await call(tenant.key, '/v1/preview', withoutRecordId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      messages: [
        { ruleId: 'r1', roomId: '1001', body: '見積もり依頼 (新規作成)', matches: true },
        { ruleId: 'r2', roomId: '1001', body: '10台分の見積もりをお願いします', matches: false },
      ],
    });
    // Previews are neither queued nor counted.
    expect(await (await call(tenant.key, '/v1/connection')).json()).toMatchObject({ plan: { usedThisMonth: 0 } });
  });

  it('POST /v1/preview reports rule problems with their paths', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    const response = await call(
      tenant.key,
      '/v1/preview',
      sampleNotification({ rules: JSON.stringify({ version: 1, rules: [{ id: 'r1', events: [] }] }) }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
    expect(body.error.code).toBe('invalid_rules');
    expect(body.error.details.issues.map((issue) => issue.path)).toContain('rules[0].events');
  });

  it('POST /v1/test-message queues a fixed test message outside the quota', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    const response = await call(tenant.key, '/v1/test-message', { roomId: '1001', appName: '案件[toall]' });
    expect(response.status).toBe(202);
    const { delivery } = (await response.json()) as { delivery: { id: string; status: string } };
    expect(delivery.status).toBe('queued');
    const status = await call(tenant.key, `/v1/deliveries/${delivery.id}`);
    expect(await status.json()).toMatchObject({ id: delivery.id, status: 'queued' });
    expect(await (await call(tenant.key, '/v1/connection')).json()).toMatchObject({ plan: { usedThisMonth: 0 } });
    expect((await call(tenant.key, '/v1/test-message', { roomId: 'general' })).status).toBe(400);
  });
});
