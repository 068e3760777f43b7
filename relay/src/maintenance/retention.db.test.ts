import { deliveries, tenants } from '@k2c/db';
import { sql } from '@k2c/db/operators';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredDeliveries, deliveryRetentionCutoff } from './delete-expired-deliveries';
import { claimPeriodicRun } from './periodic-jobs';

describe('retention', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDb();
  });
  afterAll(() => database.close());

  it('deletes log rows older than 12 months in batches and keeps the rest', async () => {
    const [tenant] = await database.db.insert(tenants).values({ name: 't' }).returning();
    const row = (index: number, age: string) => ({
      tenantId: tenant?.id as string,
      idempotencyKey: `k${index}`,
      appId: '1',
      recordId: String(index),
      event: 'create',
      ruleId: 'r',
      ruleName: 'r',
      roomId: '1',
      status: 'delivered' as const,
      createdAt: sql`now() - ${age}::interval`,
    });
    await database.db
      .insert(deliveries)
      .values([
        ...Array.from({ length: 25 }, (_, index) => row(index, '13 months')),
        ...Array.from({ length: 5 }, (_, index) => row(100 + index, '11 months')),
      ]);
    const deleted = await deleteExpiredDeliveries(database.db, {
      cutoff: deliveryRetentionCutoff(new Date()),
      batchSize: 10,
    });
    expect(deleted).toBe(25);
    expect(await database.db.$count(deliveries)).toBe(5);
  });

  it('runs a periodic job once per period across instances', async () => {
    const claims = await Promise.all([1, 2, 3].map(() => claimPeriodicRun(database.db, 'test-job', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimPeriodicRun(database.db, 'test-job', 60_000)).toBe(false);
    expect(await claimPeriodicRun(database.db, 'test-job', 0)).toBe(true);
  });
});
