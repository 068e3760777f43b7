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
 * holds more than the limit: no 429. CHATWORK_LIMIT_SLACK_MS sets the slack (1 s by default).
 */
export const DEFAULT_CLOCK_SLACK_MS = 1_000;

/**
 * A small burst (2 % of the limit) lets a quiet room answer at once; the rest of the budget is
 * spread evenly, which is what keeps a long burst at ≥ 90 % of ChatWork's limit.
 */
export function bucketSpec(key: string, limit: RateLimit, slackMs: number = DEFAULT_CLOCK_SLACK_MS): BucketSpec {
  const capacity = Math.max(1, Math.floor(limit.requests * 0.02));
  const refillPerSecond = (limit.requests - capacity) / ((limit.windowMs + slackMs) / 1000);
  return { key, capacity, refillPerSecond };
}

/** A ChatWork token's bucket is keyed by its hash: the token itself never reaches this table. */
export function tokenBucketKey(token: string): string {
  return `token:${sha256Hex(token).slice(0, 32)}`;
}

export function roomBucketKey(roomId: string): string {
  return `room:${roomId}`;
}

export type TakeResult =
  | { taken: true /** Each bucket's count of tokens ever taken, after this take (same order). */; sequences: number[] }
  | { taken: false; readyAt: Date /** The bucket that waits longest. */; blockedBy: string };

/** Takes one token from every bucket or from none; when none, says when to try again. */
export async function takeRateTokens(db: Db, buckets: BucketSpec[]): Promise<TakeResult> {
  // Arrays travel as JSON text: both drivers pass a string parameter the same way.
  const keys = JSON.stringify(buckets.map((bucket) => bucket.key));
  const capacities = JSON.stringify(buckets.map((bucket) => bucket.capacity));
  const refills = JSON.stringify(buckets.map((bucket) => bucket.refillPerSecond));
  const [row] = await queryRows<{ ready: Date | string | null; taken: string | null; blocked_by: string | null }>(
    db,
    sql`select ready, array_to_json(taken)::text as taken, blocked_by from k2c_take_rate_tokens(
      array(select jsonb_array_elements_text(${keys}::jsonb)),
      array(select jsonb_array_elements_text(${capacities}::jsonb)::float8),
      array(select jsonb_array_elements_text(${refills}::jsonb)::float8)
    )`,
  );
  if (row?.ready) {
    const readyAt = row.ready instanceof Date ? row.ready : new Date(row.ready);
    return { taken: false, readyAt, blockedBy: row.blocked_by ?? '' };
  }
  return { taken: true, sequences: (JSON.parse(row?.taken ?? '[]') as (number | string)[]).map(Number) };
}

/** ChatWork said "no more until then" (a 429, or no requests remaining): nothing is taken before it. */
export async function blockBucket(db: Db, key: string, until: Date): Promise<void> {
  await db
    .update(rateBuckets)
    .set({
      tokens: 0,
      blockedUntil: sql`greatest(${rateBuckets.blockedUntil}, ${until.toISOString()}::timestamptz)`,
      readyAt: sql`greatest(${rateBuckets.readyAt}, ${until.toISOString()}::timestamptz)`,
    })
    .where(eq(rateBuckets.key, key));
}

/**
 * ChatWork's own count wins over ours: the same token may be used by other tools, so until the
 * window resets the bucket never gives more than ChatWork says remains, and at zero it waits for
 * ChatWork's reset. ChatWork's figure counts requests up to this one; tokens taken after this
 * post's take (`sequence`) are posts still in flight, so they are subtracted. Answers may arrive
 * out of order; within one window the lowest estimate is kept.
 */
export async function obeyRemaining(
  db: Db,
  key: string,
  answer: { remaining: number; resetAt: Date; sequence: number },
): Promise<void> {
  if (answer.remaining <= 0) {
    await blockBucket(db, key, answer.resetAt);
    return;
  }
  const reset = sql`${answer.resetAt.toISOString()}::timestamptz`;
  const estimate = sql`(${answer.remaining} - (${rateBuckets.takenTotal} - ${answer.sequence}))`;
  await db
    .update(rateBuckets)
    .set({
      windowRemaining: sql`case when ${rateBuckets.windowResetAt} = ${reset}
        then least(${rateBuckets.windowRemaining}, ${estimate}) else ${estimate} end`,
      windowResetAt: reset,
      readyAt: sql`case when ${estimate} < 1 then ${reset} else ${rateBuckets.readyAt} end`,
    })
    .where(
      sql`${rateBuckets.key} = ${key} and (${rateBuckets.windowResetAt} is null or ${rateBuckets.windowResetAt} <= ${reset})`,
    );
}
