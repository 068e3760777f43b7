import { type Db, usageCounters } from '@k2c/db';
import { and, eq, sql } from '@k2c/db/operators';

/** Messages counted for the tenant's month, over all shards. */
export async function usageOf(db: Db, tenantId: string, month: string): Promise<number> {
  const [row] = await db
    .select({ messages: sql<number>`coalesce(sum(${usageCounters.messages}), 0)::int` })
    .from(usageCounters)
    .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.month, month)));
  return Number(row?.messages ?? 0);
}
