import { randomUUID } from 'node:crypto';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageMonth } from '../billing/usage-month';
import type { AcceptCall } from '../queries/accept-deliveries';
import { connectionKeyHash } from '../services/connection-keys';
import { createTenantWithKey } from '../testing/test-relay';
import { AcceptBatcher } from './accept-batcher';

const settings = { quotas: { free: 1_000, standard: 10_000 }, tenantRateLimit: undefined };

function callFor(key: string, roomId: string, body = `message for ${roomId}`): AcceptCall {
  return {
    keyHash: connectionKeyHash(key),
    month: usageMonth(new Date()),
    deliveries: [
      {
        idempotencyKey: randomUUID(),
        appId: '1',
        recordId: '1',
        event: 'create',
        ruleId: 'r1',
        ruleName: 'rule',
        roomId,
        body,
      },
    ],
  };
}

describe('AcceptBatcher', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDb();
  });
  afterEach(async () => {
    await database.close();
  });

  it('sends requests that wait behind a busy lane together, and answers each with its own outcome', async () => {
    const tenant = await createTenantWithKey(database.db);
    const batcher = new AcceptBatcher(database.db, settings, 1);
    const rooms = Array.from({ length: 20 }, (_, index) => String(1000 + index));

    const outcomes = await Promise.all(rooms.map((room) => batcher.submit(callFor(tenant.key, room))));

    // The first request goes alone; the 19 that arrived while it ran share the next call.
    expect(batcher.sent).toEqual({ calls: 2, notifications: 20 });
    outcomes.forEach((outcome, index) => {
      expect(outcome.status).toBe('ok');
      if (outcome.status !== 'ok') return;
      expect(outcome.tenantId).toBe(tenant.tenantId);
      expect(outcome.deliveries.map((delivery) => delivery.roomId)).toEqual([rooms[index]]);
    });
    const ids = outcomes.flatMap((outcome) => (outcome.status === 'ok' ? outcome.deliveries.map((d) => d.id) : []));
    expect(new Set(ids).size).toBe(20);
  });

  it('keeps one caller’s wrong key from touching the others in the same call', async () => {
    const first = await createTenantWithKey(database.db, '一社目');
    const second = await createTenantWithKey(database.db, '二社目');
    const batcher = new AcceptBatcher(database.db, settings, 1);

    const [, wrongKey, ofFirst, ofSecond] = await Promise.all([
      batcher.submit(callFor(first.key, '1')),
      batcher.submit(callFor('k2c_not-a-key', '2')),
      batcher.submit(callFor(first.key, '3')),
      batcher.submit(callFor(second.key, '4')),
    ]);

    expect(batcher.sent.calls).toBe(2);
    expect(wrongKey).toEqual({ status: 'unauthorized' });
    expect(ofFirst).toMatchObject({ status: 'ok', tenantId: first.tenantId });
    expect(ofSecond).toMatchObject({ status: 'ok', tenantId: second.tenantId });
  });

  it('retries the others one by one when the database refuses the whole call, and fails only the culprit', async () => {
    const tenant = await createTenantWithKey(database.db);
    const batcher = new AcceptBatcher(database.db, settings, 1);

    const results = await Promise.allSettled([
      batcher.submit(callFor(tenant.key, '1')),
      batcher.submit(callFor(tenant.key, '2')),
      // PostgreSQL refuses a NUL character in text, which fails the shared call's parameter.
      batcher.submit(callFor(tenant.key, '3', 'bad \u0000 body')),
      batcher.submit(callFor(tenant.key, '4')),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // 1 alone, then 2–4 together (refused), then 2, 3 and 4 on their own.
    expect(batcher.sent).toEqual({ calls: 5, notifications: 7 });
  });
});
