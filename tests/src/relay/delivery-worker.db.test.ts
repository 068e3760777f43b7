import { deliveries } from '@k2c/db';
import { eq, sql } from '@k2c/db/operators';
import { type ChatworkFake, startChatworkFake } from '@k2c/tests/chatwork-fake';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatworkClient } from '../../../relay/src/chatwork/chatwork-client';
import { DeliveryWorker } from '../../../relay/src/delivery/delivery-worker';
import { connectChatwork } from '../../../relay/src/services/chatwork-connection';
import {
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  sampleNotification,
  sampleRuleSet,
  type TestRelay,
} from '../../../relay/src/testing/test-relay';

const TOKEN = 'cw-token-worker-test';

describe('delivery worker against the ChatWork fake', () => {
  let chatwork: ChatworkFake;
  let relay: TestRelay;
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: TOKEN,
      accountId: '500',
      name: '通知ボット',
      rooms: [
        { roomId: '1001', name: '営業', type: 'group', role: 'member' },
        { roomId: '1002', name: 'お知らせ', type: 'group', role: 'readonly' },
      ],
    });
    relay = await createTestRelay({ chatworkUrl: chatwork.url });
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    chatwork.clearFaults();
  });
  afterAll(async () => {
    await relay.close();
    await chatwork.close();
  });

  function startWorker(options: Partial<ConstructorParameters<typeof DeliveryWorker>[0]> = {}) {
    worker = new DeliveryWorker({
      database: relay.database,
      chatwork: new ChatworkClient({ baseUrl: chatwork.url, timeoutMs: 1_000 }),
      keyring: relay.deps.keyring,
      logger: relay.deps.logger,
      tokenRateLimit: { requests: 300, windowMs: 300_000 },
      roomRateLimit: { requests: 10, windowMs: 10_000 },
      pollIntervalMs: 50,
      retryPolicy: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 4 },
      ...options,
    });
    return worker.start();
  }

  async function tenantWithChatwork(token = TOKEN) {
    const tenant = await createTenantWithKey(relay.database.db);
    await connectChatwork(relay.deps, tenant.tenantId, token, new Date());
    return tenant;
  }

  async function notify(key: string, overrides: Record<string, unknown> = {}) {
    const response = await relay.app.request(
      '/v1/notifications',
      jsonRequest('POST', sampleNotification(overrides), { Authorization: `Bearer ${key}` }),
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as { deliveries: { id: string }[] };
    return body.deliveries.map((delivery) => delivery.id);
  }

  async function row(id: string) {
    const [found] = await relay.database.db.select().from(deliveries).where(eq(deliveries.id, id));
    if (!found) throw new Error(`no delivery ${id}`);
    return found;
  }

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('posts a queued message form-encoded, records the message id and erases the body', async () => {
    const tenant = await tenantWithChatwork();
    await startWorker();
    const [id] = await notify(tenant.key, { recordId: '1' });
    const delivered = await until(
      () => row(id ?? ''),
      (found) => found.status === 'delivered',
    );
    const message = chatwork.messages('1001').find((received) => received.messageId === delivered.chatworkMessageId);
    expect(message?.body).toContain('見積もり依頼');
    expect(message?.token).toBe(TOKEN);
    expect(delivered).toMatchObject({ attempts: 1, body: null, errorCode: null, leaseExpiresAt: null });
    expect(delivered.finishedAt).toBeInstanceOf(Date);
  });

  it('retries ChatWork outages with backoff and delivers once it recovers', async () => {
    const tenant = await tenantWithChatwork();
    chatwork.injectFault({ kind: 'status', status: 503, count: 2, path: /\/messages$/ });
    await startWorker();
    const [id] = await notify(tenant.key, { recordId: '2' });
    const delivered = await until(
      () => row(id ?? ''),
      (found) => found.status === 'delivered',
    );
    expect(delivered.attempts).toBe(3);
  });

  it('gives up after the last attempt with the reason', async () => {
    const tenant = await tenantWithChatwork();
    chatwork.injectFault({ kind: 'status', status: 500, path: /\/messages$/ });
    await startWorker();
    const [id] = await notify(tenant.key, { recordId: '3' });
    const failed = await until(
      () => row(id ?? ''),
      (found) => found.status === 'failed',
    );
    // A failed message is kept for the dashboard's retry window, then erased.
    expect(failed).toMatchObject({ attempts: 4, errorCode: 'chatwork_unavailable' });
    expect(failed.body).not.toBeNull();
  });

  it('fails at once, with ChatWork’s reason, where the account may not post', async () => {
    const tenant = await tenantWithChatwork();
    await startWorker();
    const [id] = await notify(tenant.key, { recordId: '4', rules: JSON.stringify(sampleRuleSet({ roomId: '1002' })) });
    const failed = await until(
      () => row(id ?? ''),
      (found) => found.status === 'failed',
    );
    expect(failed).toMatchObject({ attempts: 1, errorCode: 'chatwork_forbidden' });
    expect(failed.errorMessage).toMatch(/permission/i);
  });

  it('keeps deliveries waiting until ChatWork is connected, then sends them at once', async () => {
    const tenant = await createTenantWithKey(relay.database.db);
    await startWorker();
    const [id] = await notify(tenant.key, { recordId: '5' });
    const waiting = await until(
      () => row(id ?? ''),
      (found) => found.errorCode === 'chatwork_not_connected',
    );
    expect(waiting).toMatchObject({ status: 'held', attempts: 0 });
    await connectChatwork(relay.deps, tenant.tenantId, TOKEN, new Date());
    await until(
      () => row(id ?? ''),
      (found) => found.status === 'delivered',
      3_000,
    );
  });

  it('holds deliveries when ChatWork rejects the token and resumes after a new one', async () => {
    const revoked = 'cw-token-to-revoke';
    const fresh = 'cw-token-fresh';
    chatwork.addAccount({
      token: revoked,
      accountId: '600',
      name: 'bot',
      rooms: [{ roomId: '1001', name: '営業', type: 'group', role: 'member' }],
    });
    chatwork.addAccount({
      token: fresh,
      accountId: '600',
      name: 'bot',
      rooms: [{ roomId: '1001', name: '営業', type: 'group', role: 'member' }],
    });
    const tenant = await tenantWithChatwork(revoked);
    chatwork.revokeToken(revoked);
    await startWorker();
    const [id] = await notify(tenant.key, { recordId: '6' });
    const held = await until(
      () => row(id ?? ''),
      (found) => found.errorCode === 'chatwork_token_invalid',
    );
    expect(held).toMatchObject({ status: 'held', attempts: 0 });
    expect(held.body).not.toBeNull();
    await connectChatwork(relay.deps, tenant.tenantId, fresh, new Date());
    const delivered = await until(
      () => row(id ?? ''),
      (found) => found.status === 'delivered',
      3_000,
    );
    expect(chatwork.messages('1001').find((message) => message.messageId === delivered.chatworkMessageId)?.token).toBe(
      fresh,
    );
  });

  it('takes over a delivery whose worker died mid-send once its lease runs out', async () => {
    const tenant = await tenantWithChatwork();
    const [id] = await notify(tenant.key, { recordId: '7' });
    // What a crashed worker leaves behind: a claimed row whose lease has run out.
    await relay.database.db
      .update(deliveries)
      .set({ status: 'sending', attempts: 1, leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(deliveries.id, id ?? ''));
    await startWorker();
    const delivered = await until(
      () => row(id ?? ''),
      (found) => found.status === 'delivered',
    );
    expect(delivered.attempts).toBe(2);
  });

  it('on stop, finishes the post in flight and puts back what it had not sent', async () => {
    const tenant = await tenantWithChatwork();
    const rules = JSON.stringify(sampleRuleSet({ events: ['create'] }));
    const ids = [
      ...(await notify(tenant.key, { recordId: '81', rules })),
      ...(await notify(tenant.key, { recordId: '82', rules })),
      ...(await notify(tenant.key, { recordId: '83', rules })),
    ];
    chatwork.injectFault({ kind: 'delay', ms: 400, count: 1 });
    const before = chatwork.requests().length;
    await startWorker();
    await until(
      async () => chatwork.requests().length,
      (count) => count > before,
    );
    await worker?.stop();
    worker = undefined;
    const rows = await Promise.all(ids.map(row));
    const delivered = rows.filter((found) => found.status === 'delivered');
    expect(delivered).toHaveLength(1);
    for (const found of rows.filter((candidate) => candidate.status !== 'delivered')) {
      expect(found).toMatchObject({ status: 'queued', attempts: 0, leaseExpiresAt: null });
    }
  });
});
