import { sql } from 'drizzle-orm';
import type { Db } from './types';

/**
 * Runs tenant-scoped work in a transaction as relay_app with the tenant set, so Row Level
 * Security enforces the tenant filter a second time: a query that forgets `where tenant_id = …`
 * still sees and changes only this tenant's rows. Both settings are transaction-local, so they
 * never leak to the next user of a pooled connection.
 *
 * Never call an outside service (ChatWork, kintone, Stripe) inside: the transaction holds a
 * connection, and on PGlite the only one.
 */
export function withTenant<T>(db: Db, tenantId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'relay_app', true)`);
    return work(tx as unknown as Db);
  });
}
