import { type Db, type DeliveryStatus, deliveries } from '@k2c/db';
import { and, eq, inArray, sql } from '@k2c/db/operators';

export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDelivery = Omit<typeof deliveries.$inferInsert, 'id' | 'tenantId' | 'status' | 'attempts' | 'createdAt'>;

/** Workers LISTEN on this channel; a NOTIFY after a commit wakes them at once. */
export const DELIVERY_CHANNEL = 'k2c_deliveries';

/**
 * Inserts the deliveries a notification produced; rows whose idempotency key already exists are
 * left alone and returned as duplicates, so a retried save never posts twice. Run it inside the
 * caller's transaction; the NOTIFY that wakes the workers is delivered when that commits.
 */
export async function insertDeliveries(db: Db, tenantId: string, rows: NewDelivery[]) {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(deliveries)
    .values(rows.map((row) => ({ ...row, tenantId })))
    .onConflictDoNothing({ target: [deliveries.tenantId, deliveries.idempotencyKey] })
    .returning();
  const insertedKeys = new Set(inserted.map((row) => row.idempotencyKey));
  const missing = rows.map((row) => row.idempotencyKey).filter((key) => !insertedKeys.has(key));
  const existing =
    missing.length === 0
      ? []
      : await db
          .select()
          .from(deliveries)
          .where(and(eq(deliveries.tenantId, tenantId), inArray(deliveries.idempotencyKey, missing)));
  if (inserted.length > 0) await db.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
  const byKey = new Map([...inserted, ...existing].map((row) => [row.idempotencyKey, row]));
  return rows.flatMap((row) => {
    const stored = byKey.get(row.idempotencyKey);
    return stored ? [{ delivery: stored, duplicate: !insertedKeys.has(row.idempotencyKey) }] : [];
  });
}

export async function findDelivery(db: Db, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.tenantId, tenantId), eq(deliveries.id, id)))
    .limit(1);
  return row;
}

/**
 * Takes up to `limit` due deliveries for this worker: queued ones whose time has come, and
 * 'sending' ones whose lease ran out because the worker holding them died. SKIP LOCKED lets any
 * number of workers in any number of processes claim side by side without taking the same row.
 */
export async function claimDueDeliveries(db: Db, options: { limit: number; leaseMs: number }): Promise<DeliveryRow[]> {
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      sql`(${deliveries.status} = 'queued' and ${deliveries.nextAttemptAt} <= now())
       or (${deliveries.status} = 'sending' and ${deliveries.leaseExpiresAt} < now())`,
    )
    .orderBy(deliveries.nextAttemptAt, deliveries.createdAt)
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(deliveries)
    .set({
      status: 'sending',
      attempts: sql`${deliveries.attempts} + 1`,
      leaseExpiresAt: sql`now() + make_interval(secs => ${options.leaseMs / 1000}::double precision)`,
    })
    .where(inArray(deliveries.id, due))
    .returning();
}

export interface DeliveryOutcome {
  status: DeliveryStatus;
  nextAttemptAt?: Date;
  chatworkMessageId?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
  /** A retry that does not count as an attempt (waiting for a rate limit or for a token). */
  refundAttempt?: boolean;
}

/**
 * Records what happened to a claimed delivery. Only the lease holder may: the update matches the
 * 'sending' status, so a worker whose lease expired and was taken over cannot overwrite the
 * newer outcome. Final deliveries lose their body; the summary stays as the log entry.
 */
export async function recordOutcome(db: Db, id: string, outcome: DeliveryOutcome): Promise<boolean> {
  const final = outcome.status === 'delivered' || outcome.status === 'failed';
  const rows = await db
    .update(deliveries)
    .set({
      status: outcome.status,
      leaseExpiresAt: null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      ...(outcome.chatworkMessageId ? { chatworkMessageId: outcome.chatworkMessageId } : {}),
      ...(outcome.errorCode !== undefined ? { errorCode: outcome.errorCode } : {}),
      ...(outcome.errorMessage !== undefined ? { errorMessage: outcome.errorMessage } : {}),
      ...(outcome.refundAttempt ? { attempts: sql`greatest(${deliveries.attempts} - 1, 0)` } : {}),
      ...(final ? { body: null, finishedAt: sql`now()` } : {}),
    })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'sending')))
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/** Puts claimed deliveries back untouched (a worker shutting down before it sent them). */
export async function releaseClaims(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    .set({ status: 'queued', leaseExpiresAt: null, attempts: sql`greatest(${deliveries.attempts} - 1, 0)` })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.status, 'sending')));
}

/** After a tenant connects ChatWork, its waiting deliveries go out at once instead of at their next retry. */
export async function wakeTenantDeliveries(db: Db, tenantId: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ nextAttemptAt: sql`now()` })
    .where(and(eq(deliveries.tenantId, tenantId), eq(deliveries.status, 'queued')));
  await db.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
}
