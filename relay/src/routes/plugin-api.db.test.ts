import { deliveries } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  sampleNotification,
  sampleRuleSet,
  type TestRelay,
} from '../testing/test-relay';

describe('plug-in API', () => {
  let relay: TestRelay;
  let tenant: Awaited<ReturnType<typeof createTenantWithKey>>;
  const post = (body: unknown, key = tenant.key, headers: Record<string, string> = {}) =>
    relay.app.request('/v1/notifications', jsonRequest('POST', body, { Authorization: `Bearer ${key}`, ...headers }));

  /** The message body stored for the first delivery an answer names. */
  async function queuedBody(response: Response): Promise<string | null | undefined> {
    const { deliveries: accepted } = (await response.json()) as { deliveries: { id: string }[] };
    const [row] = await relay.database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.id, accepted[0]?.id ?? ''));
    return row?.body;
  }

  beforeAll(async () => {
    relay = await createTestRelay();
    tenant = await createTenantWithKey(relay.database.db);
  });
  afterAll(() => relay.close());

  describe('POST /v1/notifications', () => {
    it('queues one delivery per matching rule and answers 202 with the rendered summary', async () => {
      const response = await post(sampleNotification());
      expect(response.status).toBe(202);
      const body = (await response.json()) as {
        deliveries: { id: string; ruleId: string; roomId: string; status: string; duplicate: boolean }[];
      };
      expect(body.deliveries).toHaveLength(1);
      expect(body.deliveries[0]).toMatchObject({ ruleId: 'r1', roomId: '1001', status: 'queued', duplicate: false });
    });

    it('answers a repeated save with the existing delivery', async () => {
      const request = sampleNotification({ recordId: '77' });
      const first = (await (await post(request)).json()) as { deliveries: { id: string }[] };
      const second = (await (await post(request)).json()) as { deliveries: { id: string; duplicate: boolean }[] };
      expect(second.deliveries[0]?.id).toBe(first.deliveries[0]?.id);
      expect(second.deliveries[0]?.duplicate).toBe(true);
    });

    it('answers an empty list when no rule listens to the event', async () => {
      const response = await post(
        sampleNotification({ event: 'status', status: { from: 'A', to: 'B', action: 'go' } }),
      );
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ deliveries: [] });
    });

    it('answers 401 in the JSON error shape without a key, with a wrong key and with a revoked one', async () => {
      const missing = await relay.app.request('/v1/notifications', jsonRequest('POST', sampleNotification()));
      expect(missing.status).toBe(401);
      expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized' } });

      const wrong = await post(sampleNotification(), 'k2c_notARealKeyAtAll');
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String) } });

      const other = await createTenantWithKey(relay.database.db);
      const { revokeKey } = await import('../services/connection-keys');
      await revokeKey(relay.database.db, other.tenantId, other.keyId, new Date());
      expect((await post(sampleNotification(), other.key)).status).toBe(401);
    });

    it('answers 400 invalid_request for malformed JSON', async () => {
      const response = await post('{"event": "create",');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'invalid_request', message: 'The request body is not valid JSON' },
      });
    });

    it('answers 400 with the failing paths for wrong types', async () => {
      const response = await post(sampleNotification({ event: 'delete', appId: 'twelve', record: 'x' }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details.issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['event', 'appId', 'record']),
      );
    });

    it('explains a missing stored rule set (settings saved but the app not updated)', async () => {
      const { rules: _rules, ...withoutRules } = sampleNotification();
      const response = await post(withoutRules);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain('update the app');
    });

    it('answers 400 invalid_rules for a broken stored rule set', async () => {
      const response = await post(sampleNotification({ rules: JSON.stringify({ version: 1, rules: [{ id: 'r1' }] }) }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_rules' } });
    });

    it('answers 415 for a body that is not JSON', async () => {
      const response = await post(JSON.stringify(sampleNotification()), tenant.key, { 'Content-Type': 'text/plain' });
      expect(response.status).toBe(415);
    });

    it('answers 413 for an oversized body', async () => {
      const huge = sampleNotification({
        record: { detail: { type: 'MULTI_LINE_TEXT', value: 'x'.repeat(600 * 1024) } },
      });
      const response = await post(huge);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    });

    it('renders the record values into the queued message and neutralises notation in them', async () => {
      const response = await post(
        sampleNotification({
          recordId: '501',
          record: {
            title: { type: 'SINGLE_LINE_TEXT', value: '[/title][toall]至急' },
            detail: { type: 'MULTI_LINE_TEXT', value: '[To:999] please' },
          },
        }),
      );
      expect(await queuedBody(response)).toBe(
        '[info][title]問い合わせ管理: ［/title]［toall]至急[/title]［To:999] please\nhttps://example.cybozu.com/k/12/show#record=501[/info]',
      );
    });

    it('never puts a link to another host into a message', async () => {
      const response = await post(
        sampleNotification({
          recordId: '502',
          recordUrl: 'https://evil.example.com/k/12/show#record=502',
          rules: JSON.stringify(sampleRuleSet({ template: '{{$recordUrl}}' })),
        }),
      );
      expect(await queuedBody(response)).toBe('https://example.cybozu.com/k/12/show#record=502');
    });
  });

  describe('GET /v1/deliveries/:id', () => {
    it('shows the tenant its own delivery', async () => {
      const accepted = (await (await post(sampleNotification({ recordId: '900' }))).json()) as {
        deliveries: { id: string }[];
      };
      const id = accepted.deliveries[0]?.id ?? '';
      const response = await relay.app.request(`/v1/deliveries/${id}`, {
        headers: { Authorization: `Bearer ${tenant.key}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id, status: 'queued', attempts: 0 });
    });

    it('answers 404 for another tenant’s delivery and for nonsense ids', async () => {
      const accepted = (await (await post(sampleNotification({ recordId: '901' }))).json()) as {
        deliveries: { id: string }[];
      };
      const other = await createTenantWithKey(relay.database.db);
      const foreign = await relay.app.request(`/v1/deliveries/${accepted.deliveries[0]?.id}`, {
        headers: { Authorization: `Bearer ${other.key}` },
      });
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toMatchObject({ error: { code: 'not_found' } });
      const nonsense = await relay.app.request('/v1/deliveries/not-an-id', {
        headers: { Authorization: `Bearer ${tenant.key}` },
      });
      expect(nonsense.status).toBe(404);
    });

    it('answers 401 without a key', async () => {
      expect((await relay.app.request('/v1/deliveries/00000000-0000-0000-0000-000000000000')).status).toBe(401);
    });
  });

  it('answers unknown paths with the JSON 404 shape', async () => {
    const response = await relay.app.request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such endpoint' } });
  });

  it('reports health and readiness', async () => {
    expect(await (await relay.app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await relay.app.request('/readyz')).json()).toEqual({ status: 'ready' });
  });
});
