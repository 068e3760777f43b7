import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from './migrations-journal';
import { queryRows } from './query-rows';
import { deliveries, tenants } from './schema/index';
import { openTestDb, type TestDatabase, testDriver } from './testing/index';

describe('openDb', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDb();
  });
  afterAll(() => database.close());

  it('opens the driver the test run asked for', () => {
    expect(database.driver).toBe(testDriver());
  });

  it('has applied every migration', async () => {
    const [tenant] = await database.db.insert(tenants).values({ name: 'Acme' }).returning();
    expect(tenant?.planCode).toBe('free');
    const [journal] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(journal?.count).toBe(readJournal().length);
  });

  it('keeps one delivery per tenant and idempotency key', async () => {
    const [tenant] = await database.db.insert(tenants).values({ name: 'Dup Inc' }).returning();
    const row = {
      tenantId: tenant?.id as string,
      idempotencyKey: '1:2:3:create:r1',
      appId: '1',
      recordId: '2',
      event: 'create',
      ruleId: 'r1',
      ruleName: 'rule',
      roomId: '10',
      body: 'hello',
    };
    const first = await database.db.insert(deliveries).values(row).onConflictDoNothing().returning();
    const second = await database.db.insert(deliveries).values(row).onConflictDoNothing().returning();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });

  it('delivers NOTIFY payloads to listeners', async () => {
    const received = new Promise<string>((resolve) => {
      void database.listen('k2c_test_channel', resolve).then(async () => {
        await database.db.execute(sql`select pg_notify('k2c_test_channel', 'wake')`);
      });
    });
    await expect(received).resolves.toBe('wake');
  });
});
