import { deliveries } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import { type ChatworkFake, type ChatworkFakeOptions, startChatworkFake } from '@k2c/tests/chatwork-fake';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatworkClient } from '../../../relay/src/chatwork/chatwork-client';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../../relay/src/delivery/delivery-worker';
import type { RateLimit } from '../../../relay/src/env';
import { connectChatwork } from '../../../relay/src/services/chatwork-connection';
import {
  createTenantWithKey,
  createTestRelay,
  jsonRequest,
  sampleNotification,
  sampleRuleSet,
  type TestRelay,
} from '../../../relay/src/testing/test-relay';

const TOKEN = 'cw-limits-token';
const ROOMS = ['101', '102', '103', '104', '105', '106'];
// ChatWork's limits scaled down in time so the suite stays fast: 20 / 2 s per token, 5 / 1 s per room.
const TOKEN_LIMIT: RateLimit = { requests: 20, windowMs: 2_000 };
const ROOM_LIMIT: RateLimit = { requests: 5, windowMs: 1_000 };

describe('delivery within ChatWork’s limits', () => {
  let chatwork: ChatworkFake;
  let relay: TestRelay;
  const workers: DeliveryWorker[] = [];

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await relay?.close();
    await chatwork?.close();
  });

  async function setUp(fake: ChatworkFakeOptions = { tokenLimit: TOKEN_LIMIT, roomLimit: ROOM_LIMIT }) {
    chatwork = await startChatworkFake(fake);
    chatwork.addAccount({
      token: TOKEN,
      accountId: '900',
      name: '通知ボット',
      rooms: ROOMS.map((roomId) => ({
        roomId,
        name: `room ${roomId}`,
        type: 'group' as const,
        role: 'member' as const,
        members: [{ accountId: '700', name: '山田' }],
      })),
    });
    relay = await createTestRelay({ chatworkUrl: chatwork.url });
    const tenant = await createTenantWithKey(relay.database.db);
    await connectChatwork(relay.deps, tenant.tenantId, TOKEN, new Date());
    return tenant;
  }

  async function startWorkers(count: number, options: Partial<DeliveryWorkerOptions> = {}) {
    for (let index = 0; index < count; index++) {
      const worker = new DeliveryWorker({
        database: relay.database,
        chatwork: new ChatworkClient({ baseUrl: chatwork.url, timeoutMs: 2_000 }),
        keyring: relay.deps.keyring,
        logger: relay.deps.logger,
        tokenRateLimit: TOKEN_LIMIT,
        roomRateLimit: ROOM_LIMIT,
        pollIntervalMs: 100,
        ...options,
      });
      workers.push(worker);
      await worker.start();
    }
  }

  async function notify(key: string, count: number, roomFor: (index: number) => string, template = 'No.{{title}}') {
    for (let index = 0; index < count; index++) {
      const rules = JSON.stringify(sampleRuleSet({ roomId: roomFor(index), template }));
      const response = await relay.app.request(
        '/v1/notifications',
        jsonRequest(
          'POST',
          sampleNotification({
            recordId: String(index + 1),
            rules,
            record: { title: { type: 'SINGLE_LINE_TEXT', value: String(index + 1) } },
          }),
          { Authorization: `Bearer ${key}` },
        ),
      );
      expect(response.status).toBe(202);
    }
  }

  const answers = (status: number) => chatwork.requests().filter((request) => request.status === status).length;

  it('spreads a burst across rooms without a single 429, each message exactly once', async () => {
    const tenant = await setUp();
    await notify(tenant.key, 36, (index) => ROOMS[index % ROOMS.length] as string);
    await startWorkers(3);
    const messages = await chatwork.waitForMessages(36, { timeoutMs: 20_000 });
    const bodies = messages.map((message) => message.body).sort();
    expect(new Set(bodies).size).toBe(36);
    expect(answers(429)).toBe(0);
    // ChatWork has each message a moment before the worker records it.
    await expect
      .poll(async () => {
        const rows = await relay.database.db.select().from(deliveries).where(eq(deliveries.tenantId, tenant.tenantId));
        return rows.filter((row) => row.status === 'delivered' && row.body === null).length;
      })
      .toBe(36);
  });

  it('keeps one room under its own limit when digests are off', async () => {
    const tenant = await setUp();
    await notify(tenant.key, 12, () => '101');
    const started = Date.now();
    await startWorkers(2);
    await chatwork.waitForMessages(12, { roomId: '101', timeoutMs: 20_000 });
    expect(answers(429)).toBe(0);
    // 5 per second with a burst of 1: twelve posts need well over a second.
    expect(Date.now() - started).toBeGreaterThan(1_500);
  });

  it('combines a room’s backlog into digests that record the combined message', async () => {
    const tenant = await setUp();
    await notify(tenant.key, 30, () => '102');
    await startWorkers(1, { digest: { threshold: 3, maxMessages: 50 } });
    await expect
      .poll(
        async () => {
          const rows = await relay.database.db
            .select()
            .from(deliveries)
            .where(eq(deliveries.tenantId, tenant.tenantId));
          return rows.filter((row) => row.status === 'delivered').length;
        },
        { timeout: 10_000 },
      )
      .toBe(30);
    const posts = chatwork.messages('102');
    expect(posts.length).toBeLessThan(30);
    const rows = await relay.database.db.select().from(deliveries).where(eq(deliveries.tenantId, tenant.tenantId));
    const digest = posts.find((post) => post.body.includes('[hr]'));
    expect(digest?.body).toMatch(/^\[info\]\[title\]kintone2chatwork: \d+件の通知をまとめて送信しました/);
    const inDigest = rows.filter((row) => row.chatworkMessageId === digest?.messageId);
    expect(inDigest.length).toBeGreaterThan(1);
    expect(new Set(inDigest.map((row) => row.digestId)).size).toBe(1);
    expect(inDigest[0]?.digestId).toBeTruthy();
    // Every record's message is in exactly one post.
    for (let index = 1; index <= 30; index++) {
      const line = new RegExp(`(^|\\n)No\\.${index}(\\n|\\[/info\\]|$)`);
      expect(posts.filter((post) => line.test(post.body))).toHaveLength(1);
    }
  });

  it('writes the member’s name after a mention', async () => {
    const tenant = await setUp();
    const rules = JSON.stringify(
      sampleRuleSet({
        roomId: '103',
        template: '確認お願いします',
        mentions: { accountIds: ['700'], toAll: false, userMap: {} },
      }),
    );
    await relay.app.request(
      '/v1/notifications',
      jsonRequest('POST', sampleNotification({ rules }), { Authorization: `Bearer ${tenant.key}` }),
    );
    await startWorkers(1);
    const [message] = await chatwork.waitForMessages(1, { roomId: '103' });
    expect(message?.body).toBe('[To:700]山田さん\n確認お願いします');
  });

  it('obeys ChatWork’s own answer when its limit is stricter than ours', async () => {
    // ChatWork allows 4 per 2 s here while the relay believes 20: the first 429 or a zero
    // X-RateLimit-Remaining must stop it until ChatWork's reset, and nothing may be lost.
    const tenant = await setUp({ tokenLimit: { requests: 4, windowMs: 2_000 }, roomLimit: ROOM_LIMIT });
    await notify(tenant.key, 10, (index) => ROOMS[index % ROOMS.length] as string);
    await startWorkers(2);
    await chatwork.waitForMessages(10, { timeoutMs: 20_000 });
    expect(answers(429)).toBe(0);
  });
});
