import { type Db, type DeliveryStatus, deliveries } from '@k2c/db';
import { and, desc, eq, gte, lt, or, type SQL, sql } from '@k2c/db/operators';

export interface DeliveryLogFilter {
  status?: DeliveryStatus | undefined;
  appId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Rows older than this (createdAt, id) pair: keyset pagination, stable while new rows arrive. */
  before?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

export function listDeliveryRows(db: Db, tenantId: string, filter: DeliveryLogFilter) {
  const conditions: SQL[] = [eq(deliveries.tenantId, tenantId)];
  if (filter.status) conditions.push(eq(deliveries.status, filter.status));
  if (filter.appId) conditions.push(eq(deliveries.appId, filter.appId));
  if (filter.from) conditions.push(gte(deliveries.createdAt, filter.from));
  if (filter.to) conditions.push(lt(deliveries.createdAt, filter.to));
  if (filter.before) {
    const { createdAt, id } = filter.before;
    conditions.push(
      or(lt(deliveries.createdAt, createdAt), and(eq(deliveries.createdAt, createdAt), lt(deliveries.id, id))) as SQL,
    );
  }
  return db
    .select()
    .from(deliveries)
    .where(and(...conditions))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(filter.limit);
}

/** Deliveries per day in Japan time, for the dashboard's chart. */
export function countDeliveriesPerDay(db: Db, tenantId: string, since: Date) {
  const day = sql<string>`to_char(${deliveries.createdAt} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;
  return db
    .select({
      date: day,
      delivered: sql<number>`count(*) filter (where ${deliveries.status} = 'delivered')::int`,
      failed: sql<number>`count(*) filter (where ${deliveries.status} = 'failed')::int`,
      pending: sql<number>`count(*) filter (where ${deliveries.status} in ('queued', 'sending', 'held'))::int`,
    })
    .from(deliveries)
    .where(and(eq(deliveries.tenantId, tenantId), gte(deliveries.createdAt, since)))
    .groupBy(day);
}

/** Puts a failed (still within its retry window) or held delivery back in the queue as new. */
export async function requeueDelivery(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .update(deliveries)
    .set({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: sql`now()`,
      finishedAt: null,
      errorCode: null,
      errorMessage: null,
    })
    .where(
      and(
        eq(deliveries.tenantId, tenantId),
        eq(deliveries.id, id),
        sql`(${deliveries.status} = 'held' or (${deliveries.status} = 'failed' and ${deliveries.body} is not null))`,
      ),
    )
    .returning();
  return row;
}
