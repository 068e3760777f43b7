import { type Db, deliveries } from '@k2c/db';
import { inArray, lt } from '@k2c/db/operators';

export interface RetentionOptions {
  cutoff: Date;
  /** Rows per statement: each batch is its own short transaction, so no lock is held for long. */
  batchSize?: number;
}

/** Deletes the delivery log older than the cutoff, batch by batch; returns how many rows went. */
export async function deleteExpiredDeliveries(db: Db, options: RetentionOptions): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  let deleted = 0;
  for (;;) {
    const batch = db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(lt(deliveries.createdAt, options.cutoff))
      .orderBy(deliveries.createdAt)
      .limit(batchSize);
    const rows = await db.delete(deliveries).where(inArray(deliveries.id, batch)).returning({ id: deliveries.id });
    deleted += rows.length;
    if (rows.length < batchSize) return deleted;
  }
}

/** The notification log is kept for 12 months (privacy policy). */
export function deliveryRetentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
  return cutoff;
}
