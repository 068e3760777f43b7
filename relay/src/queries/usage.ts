import { type Db, usageCounters } from '@k2c/db';
import { and, eq, sql } from '@k2c/db/operators';

/**
 * Adds `messages` to the tenant's month if that keeps it within `quota`; false when it would
 * not. One guarded upsert, so concurrent requests can never overshoot the quota together.
 */
export async function addUsageWithinQuota(
  db: Db,
  tenantId: string,
  month: string,
  messages: number,
  quota: number,
): Promise<boolean> {
  if (messages > quota) return false;
  const rows = await db
    .insert(usageCounters)
    .values({ tenantId, month, messages })
    .onConflictDoUpdate({
      target: [usageCounters.tenantId, usageCounters.month],
      set: { messages: sql`${usageCounters.messages} + ${messages}` },
      setWhere: sql`${usageCounters.messages} + ${messages} <= ${quota}`,
    })
    .returning({ messages: usageCounters.messages });
  return rows.length > 0;
}

export async function usageOf(db: Db, tenantId: string, month: string): Promise<number> {
  const [row] = await db
    .select({ messages: usageCounters.messages })
    .from(usageCounters)
    .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.month, month)));
  return row?.messages ?? 0;
}
