import { randomUUID } from 'node:crypto';
import { deliveries } from '@k2c/db';
import { eq, sql } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRelay, jsonRequest, sampleNotification, type TestRelay } from '../testing/test-relay';

interface Account {
  cookie: string;
  key: string;
  tenantId: string;
}

describe('account data API', () => {
  let relay: TestRelay;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    relay = await createTestRelay();
  });
  afterAll(() => relay.close());

  async function account(): Promise<Account> {
    const signup = await relay.app.request(
      '/api/signup',
      jsonRequest('POST', { email: `data-${randomUUID()}@example.com`, password, companyName: 'データ株式会社' }),
    );
    const cookie = /k2c_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const { tenant } = (await signup.json()) as { tenant: { id: string } };
    const created = await relay.app.request(
      '/api/connection-keys',
      jsonRequest('POST', { label: 'k' }, { Cookie: cookie }),
    );
    const { key } = (await created.json()) as { key: string };
    return { cookie, key, tenantId: tenant.id };
  }

  async function notify(owner: Account, overrides: Record<string, unknown>) {
    const response = await relay.app.request(
      '/v1/notifications',
      jsonRequest('POST', sampleNotification(overrides), { Authorization: `Bearer ${owner.key}` }),
    );
    return ((await response.json()) as { deliveries: { id: string }[] }).deliveries[0]?.id as string;
  }

  const get = (owner: Account, path: string) => relay.app.request(path, { headers: { Cookie: owner.cookie } });

  it('lists the log newest first, filters it and pages through it with a cursor', async () => {
    const owner = await account();
    for (let index = 1; index <= 5; index++)
      await notify(owner, { recordId: String(index), appId: index % 2 ? '7' : '8' });
    const first = (await (await get(owner, '/api/deliveries?limit=2')).json()) as {
      items: { recordId: string; status: string }[];
      nextCursor: string | null;
    };
    expect(first.items.map((item) => item.recordId)).toEqual(['5', '4']);
    expect(first.items[0]).toMatchObject({ status: 'queued', retryable: false });
    expect(JSON.stringify(first)).not.toContain('見積もり依頼'); // summaries only, never the message
    const second = (await (await get(owner, `/api/deliveries?limit=2&cursor=${first.nextCursor}`)).json()) as {
      items: { recordId: string }[];
    };
    expect(second.items.map((item) => item.recordId)).toEqual(['3', '2']);
    const app7 = (await (await get(owner, '/api/deliveries?appId=7')).json()) as { items: { recordId: string }[] };
    expect(app7.items.map((item) => item.recordId)).toEqual(['5', '3', '1']);
    const none = (await (await get(owner, '/api/deliveries?status=failed')).json()) as { items: unknown[] };
    expect(none.items).toEqual([]);
    expect((await get(owner, '/api/deliveries?status=lost')).status).toBe(400);
    expect((await get(owner, '/api/deliveries?cursor=nonsense')).status).toBe(400);
  });

  it('never shows one tenant another tenant’s deliveries', async () => {
    const owner = await account();
    const intruder = await account();
    const id = await notify(owner, { recordId: '1' });
    expect((await get(intruder, `/api/deliveries/${id}`)).status).toBe(404);
    expect(
      (await relay.app.request(`/api/deliveries/${id}/retry`, { method: 'POST', headers: { Cookie: intruder.cookie } }))
        .status,
    ).toBe(404);
    const list = (await (await get(intruder, '/api/deliveries')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it('sends a failed message again within its retry window, and refuses anything else', async () => {
    const owner = await account();
    const id = await notify(owner, { recordId: '1' });
    await relay.database.db
      .update(deliveries)
      .set({ status: 'failed', attempts: 8, errorCode: 'chatwork_unavailable', finishedAt: sql`now()` })
      .where(eq(deliveries.id, id));
    const detail = (await (await get(owner, `/api/deliveries/${id}`)).json()) as {
      retryable: boolean;
      retryableUntil: string;
    };
    expect(detail.retryable).toBe(true);
    expect(new Date(detail.retryableUntil).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const retried = await relay.app.request(`/api/deliveries/${id}/retry`, {
      method: 'POST',
      headers: { Cookie: owner.cookie },
    });
    expect(retried.status).toBe(202);
    expect(await retried.json()).toMatchObject({ status: 'queued', attempts: 0, errorCode: null });
    const again = await relay.app.request(`/api/deliveries/${id}/retry`, {
      method: 'POST',
      headers: { Cookie: owner.cookie },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'delivery_not_retryable' } });
  });

  it('exports every personal datum as JSON, without any secret or hash', async () => {
    const owner = await account();
    await notify(owner, { recordId: '1' });
    await relay.app.request(
      '/api/contact',
      jsonRequest('POST', { name: '佐藤', email: 'sato@example.com', message: '質問です' }, { Cookie: owner.cookie }),
    );
    const response = await get(owner, '/api/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const data = (await response.json()) as Record<string, unknown>;
    expect(data).toMatchObject({
      company: { id: owner.tenantId, name: 'データ株式会社' },
      users: [{ email: expect.stringMatching(/^data-/) }],
      connectionKeys: [{ label: 'k', hint: owner.key.slice(-4) }],
      inquiries: [{ name: '佐藤', message: '質問です' }],
      deliveries: [{ recordId: '1', status: 'queued', message: expect.stringContaining('見積もり依頼') }],
    });
    const text = JSON.stringify(data);
    for (const secret of [owner.key, password, owner.cookie.split('=')[1] ?? '-']) expect(text).not.toContain(secret);
    for (const field of ['passwordHash', 'keyHash', 'secretHash', 'tokenCiphertext']) expect(text).not.toContain(field);
  });

  it('deletes an account: password checked, keys and sessions gone at once, pending messages stopped', async () => {
    const owner = await account();
    const id = await notify(owner, { recordId: '1' });
    const wrong = await relay.app.request(
      '/api/account',
      jsonRequest('DELETE', { password: 'not my password' }, { Cookie: owner.cookie }),
    );
    expect(wrong.status).toBe(401);
    const response = await relay.app.request(
      '/api/account',
      jsonRequest('DELETE', { password }, { Cookie: owner.cookie }),
    );
    expect(response.status).toBe(202);
    const { purgeAfter } = (await response.json()) as { purgeAfter: string };
    expect(new Date(purgeAfter).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    expect(response.headers.get('set-cookie')).toMatch(/k2c_session=;/);
    expect((await get(owner, '/api/me')).status).toBe(401);
    const refused = await relay.app.request(
      '/v1/notifications',
      jsonRequest('POST', sampleNotification(), { Authorization: `Bearer ${owner.key}` }),
    );
    expect(refused.status).toBe(401);
    const [row] = await relay.database.db.select().from(deliveries).where(eq(deliveries.id, id));
    expect(row).toMatchObject({ status: 'failed', errorCode: 'account_deleted', body: null });
  });

  it('takes contact messages from anyone and validates them', async () => {
    const response = await relay.app.request(
      '/api/contact',
      jsonRequest('POST', { name: 'Ann', email: 'ann@example.com', message: 'Hello' }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: expect.any(String) });
    const bad = await relay.app.request('/api/contact', jsonRequest('POST', { name: '', email: 'nope', message: '' }));
    expect(bad.status).toBe(400);
  });

  it('requires a session for the log, export and deletion', async () => {
    for (const [method, path] of [
      ['GET', '/api/deliveries'],
      ['GET', '/api/export'],
      ['DELETE', '/api/account'],
    ] as const) {
      expect((await relay.app.request(path, { method })).status).toBe(401);
    }
  });
});
