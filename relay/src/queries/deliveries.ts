import { chatworkCredentials, type Db, type DeliveryStatus, deliveries, rateBuckets } from '@k2c/db';
import { alias, and, eq, inArray, isNotNull, lt, sql } from '@k2c/db/operators';

export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDelivery = Omit<typeof deliveries.$inferInsert, 'id' | 'tenantId' | 'status' | 'attempts' | 'createdAt'>;

/** Workers LISTEN on this channel; a NOTIFY after a commit wakes them at once. */
export const DELIVERY_CHANNEL = 'k2c_deliveries';

/** Wakes idle workers in every instance; inside a transaction, PostgreSQL sends it at the commit. */
export async function notifyDeliveryWorkers(db: Db): Promise<void> {
  await db.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
}

/**
 * Queues one message outside the accepting path (the settings screen's test message), with a key
 * of its own, and wakes the workers when the caller's transaction commits. Notifications from
 * kintone are accepted by k2c_accept_notifications instead.
 */
export async function insertDelivery(db: Db, tenantId: string, row: NewDelivery): Promise<DeliveryRow> {
  const [inserted] = await db
    .insert(deliveries)
    .values({ ...row, tenantId })
    .returning();
  if (!inserted) throw new Error('the delivery insert returned nothing');
  await notifyDeliveryWorkers(db);
  return inserted;
}

export async function findDelivery(db: Db, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.tenantId, tenantId), eq(deliveries.id, id)))
    .limit(1);
  return row;
}

export interface DigestPolicy {
  /** A room with more than this many messages waiting gets them combined into one post. */
  threshold: number;
  /** At most this many messages in one digest (the size limit may cut it shorter). */
  maxMessages: number;
}

const due = sql`((${deliveries.status} = 'queued' and ${deliveries.nextAttemptAt} <= now())
  or (${deliveries.status} = 'sending' and ${deliveries.leaseExpiresAt} < now()))`;

// A delivery whose API token's or room's bucket is not ready would only be claimed to be put back.
const tokenBucket = alias(rateBuckets, 'token_bucket');
const roomBucket = alias(rateBuckets, 'room_bucket');
const bucketsReady = sql`(${tokenBucket.readyAt} is null or ${tokenBucket.readyAt} <= now())
  and (${roomBucket.readyAt} is null or ${roomBucket.readyAt} <= now())`;

export async function claimNextUnit(
  db: Db,
  options: { leaseMs: number; digest: DigestPolicy | undefined },
): Promise<DeliveryRow[]> {
  return db.transaction(async (tx) => {
    const [head] = await tx
      .select({ id: deliveries.id, tenantId: deliveries.tenantId, roomId: deliveries.roomId })
      .from(deliveries)
      .leftJoin(chatworkCredentials, eq(chatworkCredentials.tenantId, deliveries.tenantId))
      .leftJoin(tokenBucket, eq(tokenBucket.key, chatworkCredentials.tokenBucketKey))
      .leftJoin(roomBucket, eq(roomBucket.key, sql`'room:' || ${deliveries.roomId}`))
      .where(and(due, bucketsReady))
      .orderBy(deliveries.nextAttemptAt, deliveries.createdAt)
      .limit(1)
      .for('update', { of: deliveries, skipLocked: true });
    if (!head) return [];
    let ids = [head.id];
    if (options.digest) {
      const backlog = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.tenantId, head.tenantId),
            eq(deliveries.roomId, head.roomId),
            eq(deliveries.status, 'queued'),
            sql`${deliveries.nextAttemptAt} <= now()`,
            sql`${deliveries.id} <> ${head.id}`,
          ),
        )
        .orderBy(deliveries.createdAt)
        .limit(options.digest.maxMessages - 1)
        .for('update', { skipLocked: true });
      if (backlog.length + 1 > options.digest.threshold) ids = [head.id, ...backlog.map((row) => row.id)];
    }
    const claimed = await tx
      .update(deliveries)
      .set({
        status: 'sending',
        attempts: sql`${deliveries.attempts} + 1`,
        leaseExpiresAt: sql`now() + make_interval(secs => ${options.leaseMs / 1000}::double precision)`,
      })
      .where(inArray(deliveries.id, ids))
      .returning();
    // Oldest first, as they were written: a digest reads in the order the records were saved.
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  });
}

/** When the next queued delivery comes due and its buckets are ready, so an idle worker sleeps exactly that long. */
export async function nextDueAt(db: Db): Promise<Date | undefined> {
  const [row] = await db
    .select({
      at: sql<
        Date | string | null
      >`min(greatest(${deliveries.nextAttemptAt}, ${tokenBucket.readyAt}, ${roomBucket.readyAt}))`,
    })
    .from(deliveries)
    .leftJoin(chatworkCredentials, eq(chatworkCredentials.tenantId, deliveries.tenantId))
    .leftJoin(tokenBucket, eq(tokenBucket.key, chatworkCredentials.tokenBucketKey))
    .leftJoin(roomBucket, eq(roomBucket.key, sql`'room:' || ${deliveries.roomId}`))
    .where(eq(deliveries.status, 'queued'));
  if (!row?.at) return undefined;
  return row.at instanceof Date ? row.at : new Date(row.at);
}

export interface DeliveryOutcome {
  status: DeliveryStatus;
  nextAttemptAt?: Date;
  chatworkMessageId?: string;
  digestId?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
  /** A retry that does not count as an attempt (waiting for a rate limit or for a token). */
  refundAttempt?: boolean;
}

/**
 * Records what happened to a claimed delivery. Only the lease holder may: the update matches the
 * 'sending' status, so a worker whose lease expired and was taken over cannot overwrite the
 * newer outcome. A delivered message loses its body at once; a failed one keeps it for the retry
 * window (FAILED_BODY_RETENTION_MS), after which erasePastRetryWindow removes it. The summary stays
 * as the log entry.
 */
export async function recordOutcome(db: Db, ids: string[], outcome: DeliveryOutcome): Promise<number> {
  if (ids.length === 0) return 0;
  const finished = outcome.status === 'delivered' || outcome.status === 'failed';
  const rows = await db
    .update(deliveries)
    .set({
      status: outcome.status,
      leaseExpiresAt: null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      ...(outcome.chatworkMessageId ? { chatworkMessageId: outcome.chatworkMessageId } : {}),
      ...(outcome.digestId ? { digestId: outcome.digestId } : {}),
      ...(outcome.errorCode !== undefined ? { errorCode: outcome.errorCode } : {}),
      ...(outcome.errorMessage !== undefined ? { errorMessage: outcome.errorMessage } : {}),
      ...(outcome.refundAttempt ? { attempts: sql`greatest(${deliveries.attempts} - 1, 0)` } : {}),
      ...(finished ? { finishedAt: sql`now()` } : {}),
      ...(outcome.status === 'delivered' ? { body: null } : {}),
    })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.status, 'sending')))
    .returning({ id: deliveries.id });
  return rows.length;
}

/** Puts claimed deliveries back without counting the attempt (shutdown, or a rate limit to wait for). */
export function releaseClaims(db: Db, ids: string[], nextAttemptAt?: Date): Promise<number> {
  return recordOutcome(db, ids, { status: 'queued', refundAttempt: true, ...(nextAttemptAt ? { nextAttemptAt } : {}) });
}

/** After a tenant connects or fixes ChatWork, its held deliveries go out at once. */
export async function releaseHeldDeliveries(db: Db, tenantId: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: 'queued', nextAttemptAt: sql`now()` })
    .where(and(eq(deliveries.tenantId, tenantId), inArray(deliveries.status, ['held', 'queued'])));
  await notifyDeliveryWorkers(db);
}

/** A failed message can be retried from the dashboard for this long; then its body is erased. */
export const FAILED_BODY_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** Erases the bodies of failed deliveries whose retry window has passed: from then on they are final. */
export async function eraseFailedBodiesPastRetryWindow(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - FAILED_BODY_RETENTION_MS);
  const rows = await db
    .update(deliveries)
    .set({ body: null })
    .where(and(eq(deliveries.status, 'failed'), isNotNull(deliveries.body), lt(deliveries.finishedAt, cutoff)))
    .returning({ id: deliveries.id });
  return rows.length;
}
