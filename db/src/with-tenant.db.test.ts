import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './query-rows';
import { connectionKeys, deliveries, tenants } from './schema/index';
import { openTestDb, type TestDatabase } from './testing/index';
import { withTenant } from './with-tenant';

describe('withTenant (Row Level Security)', () => {
  let database: TestDatabase;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    database = await openTestDb();
    const [a, b] = await database.db
      .insert(tenants)
      .values([{ name: 'Acme' }, { name: 'Globex' }])
      .returning();
    acme = a?.id as string;
    globex = b?.id as string;
    const delivery = (tenantId: string, recordId: string) => ({
      tenantId,
      idempotencyKey: recordId,
      appId: '1',
      recordId,
      event: 'create',
      ruleId: 'r',
      ruleName: 'r',
      roomId: '1',
      body: `secret of ${recordId}`,
    });
    await database.db.insert(deliveries).values([delivery(acme, 'a1'), delivery(acme, 'a2'), delivery(globex, 'g1')]);
  });
  afterAll(() => database.close());

  it('returns only the current tenant’s rows to a query that forgets its tenant filter', async () => {
    const seen = await withTenant(database.db, acme, (tx) => tx.select().from(deliveries));
    expect(seen.map((row) => row.recordId).sort()).toEqual(['a1', 'a2']);
    const tenantsSeen = await withTenant(database.db, globex, (tx) => tx.select().from(tenants));
    expect(tenantsSeen.map((row) => row.name)).toEqual(['Globex']);
  });

  it('refuses to write a row for another tenant, and cannot change another tenant’s rows', async () => {
    await expect(
      withTenant(database.db, acme, (tx) =>
        tx.insert(connectionKeys).values({ tenantId: globex, label: 'x', keyHash: 'h-forged', hint: 'abcd' }),
      ),
    ).rejects.toThrow();
    const changed = await withTenant(database.db, acme, (tx) =>
      tx.update(deliveries).set({ body: 'overwritten' }).where(sql`true`).returning(),
    );
    expect(changed.map((row) => row.recordId).sort()).toEqual(['a1', 'a2']);
    const [globexRow] = await database.db.select().from(deliveries).where(sql`${deliveries.recordId} = 'g1'`);
    expect(globexRow?.body).toBe('secret of g1');
  });

  it('leaves nothing behind: after the transaction the connection is the owner again, with no tenant', async () => {
    await withTenant(database.db, acme, async () => undefined);
    const [state] = await queryRows<{ role: string; tenant: string | null }>(
      database.db,
      sql`select current_user as role, current_setting('app.tenant_id', true) as tenant`,
    );
    expect(state?.role).not.toBe('relay_app');
    expect(state?.tenant ?? '').toBe('');
  });

  it('sees nothing without a tenant while running as relay_app', async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role relay_app`);
      return tx.select().from(deliveries);
    });
    expect(rows).toEqual([]);
  });
});
