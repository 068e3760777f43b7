import { type Db, queryRows, rateBuckets } from '@k2c/db';
import { eq, sql } from '@k2c/db/operators';
import { sha256Hex } from '../crypto/secrets';
import type { RateLimit } from '../env';

export interface BucketSpec {
  key: string;
  capacity: number;
  refillPerSecond: number;
}

/**
 * ChatWork counts requests per window; a token bucket never exceeds `capacity + refill × T` in
 * any span T. Sizing it so that span T = window + slack still fits the limit means that even
 * when posts reach ChatWork a little bunched up (network and scheduling jitter), no window ever
 * holds more than the limit: no 429, while a long burst still runs at ~90 % or more of it.
 */
export const CLOCK_SLACK_MS = 1_000;

export function bucketSpec(key: string, limit: RateLimit): BucketSpec {
  const capacity = Math.max(1, Math.floor(limit.requests * 0.1));
  const refillPerSecond = (limit.requests - capacity) / ((limit.windowMs + CLOCK_SLACK_MS) / 1000);
  return { key, capacity, refillPerSecond };
}

/** A ChatWork token's bucket is keyed by its hash: the token itself never reaches this table. */
export function tokenBucketKey(token: string): string {
  return `token:${sha256Hex(token).slice(0, 32)}`;
}

export function roomBucketKey(roomId: string): string {
  return `room:${roomId}`;
}

/** Takes one token from every bucket or from none; returns undefined when taken, else when to try again. */
export async function takeRateTokens(db: Db, buckets: BucketSpec[]): Promise<Date | undefined> {
  // Arrays travel as JSON text: both drivers pass a string parameter the same way.
  const keys = JSON.stringify(buckets.map((bucket) => bucket.key));
  const capacities = JSON.stringify(buckets.map((bucket) => bucket.capacity));
  const refills = JSON.stringify(buckets.map((bucket) => bucket.refillPerSecond));
  const [row] = await queryRows<{ ready: Date | string | null }>(
    db,
    sql`select k2c_take_rate_tokens(
      array(select jsonb_array_elements_text(${keys}::jsonb)),
      array(select jsonb_array_elements_text(${capacities}::jsonb)::float8),
      array(select jsonb_array_elements_text(${refills}::jsonb)::float8)
    ) as ready`,
  );
  if (!row?.ready) return undefined;
  return row.ready instanceof Date ? row.ready : new Date(row.ready);
}

/** ChatWork said "no more until then" (a 429, or no requests remaining): nothing is taken before it. */
export async function blockBucket(db: Db, key: string, until: Date): Promise<void> {
  await db
    .update(rateBuckets)
    .set({ tokens: 0, blockedUntil: sql`greatest(${rateBuckets.blockedUntil}, ${until.toISOString()}::timestamptz)` })
    .where(eq(rateBuckets.key, key));
}

/**
 * ChatWork's own count wins over ours: the same token may be used by other tools, so our bucket
 * never holds more than ChatWork says remains, and at zero it waits for ChatWork's reset.
 */
export async function obeyRemaining(db: Db, key: string, remaining: number, resetAt: Date): Promise<void> {
  if (remaining <= 0) {
    await blockBucket(db, key, resetAt);
    return;
  }
  await db
    .update(rateBuckets)
    .set({ tokens: sql`least(${rateBuckets.tokens}, ${remaining})` })
    .where(eq(rateBuckets.key, key));
}
