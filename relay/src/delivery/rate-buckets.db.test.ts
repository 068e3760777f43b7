import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BucketSpec,
  blockBucket,
  bucketSpec,
  obeyRemaining,
  type TakeResult,
  takeRateTokens,
} from './rate-buckets';

describe('rate buckets in the database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDb();
  });
  afterAll(() => database.close());

  const spec = (key: string, capacity: number, refillPerSecond: number): BucketSpec => ({
    key,
    capacity,
    refillPerSecond,
  });
  const take = (...buckets: BucketSpec[]) => takeRateTokens(database.db, buckets);
  const readyAt = (result: TakeResult) => (result.taken ? undefined : result.readyAt.getTime());

  it('gives out the capacity at once, then refills at its rate', async () => {
    const bucket = spec('test:a', 3, 2);
    for (let i = 0; i < 3; i++) expect((await take(bucket)).taken).toBe(true);
    const empty = await take(bucket);
    expect(empty.taken).toBe(false);
    // Empty at 2 tokens a second: the next token is at most half a second away.
    const wait = (readyAt(empty) ?? 0) - Date.now();
    expect(wait).toBeLessThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait) + 20));
    expect((await take(bucket)).taken).toBe(true);
  });

  it('takes from every bucket or from none, and counts what it took', async () => {
    const room = spec('test:room', 1, 0.01);
    const token = spec('test:token', 5, 0.01);
    expect(await take(token, room)).toEqual({ taken: true, sequences: [1, 1] });
    // The room is empty now: the token's bucket must not lose a token for a post that cannot go.
    expect((await take(token, room)).taken).toBe(false);
    for (let i = 0; i < 4; i++) expect((await take(token)).taken).toBe(true);
    expect((await take(token)).taken).toBe(false);
  });

  it('never overdraws under concurrent takers', async () => {
    const bucket = spec('test:concurrent', 10, 0.001);
    const results = await Promise.all(Array.from({ length: 40 }, () => take(bucket)));
    expect(results.filter((result) => result.taken)).toHaveLength(10);
  });

  it('waits for ChatWork’s reset when blocked', async () => {
    const bucket = spec('test:blocked', 10, 100);
    expect((await take(bucket)).taken).toBe(true);
    const until = new Date(Date.now() + 60_000);
    await blockBucket(database.db, bucket.key, until);
    expect(readyAt(await take(bucket))).toBe(until.getTime());
  });

  it('gives no more than ChatWork says remains in its window, less the posts still in flight', async () => {
    const bucket = spec('test:remaining', 10, 1000);
    const first = await take(bucket);
    const second = await take(bucket);
    const reset = new Date(Date.now() + 60_000);
    // The first post's answer: 3 remain. The second post was taken after it and is still in
    // flight, so only 2 can safely be given; then the bucket waits for ChatWork's reset.
    await obeyRemaining(database.db, bucket.key, {
      remaining: 3,
      resetAt: reset,
      sequence: first.taken ? (first.sequences[0] ?? 0) : 0,
    });
    expect((await take(bucket)).taken).toBe(true);
    expect((await take(bucket)).taken).toBe(true);
    expect(readyAt(await take(bucket))).toBe(reset.getTime());
    // A late answer cannot raise the estimate within the same window.
    await obeyRemaining(database.db, bucket.key, {
      remaining: 9,
      resetAt: reset,
      sequence: second.taken ? (second.sequences[0] ?? 0) : 0,
    });
    expect(readyAt(await take(bucket))).toBe(reset.getTime());
    // Nothing remaining at all blocks until the reset.
    const other = spec('test:zero', 10, 1000);
    await take(other);
    await obeyRemaining(database.db, other.key, { remaining: 0, resetAt: reset, sequence: 1 });
    expect(readyAt(await take(other))).toBe(reset.getTime());
  });
});

describe('bucketSpec', () => {
  it('keeps capacity plus refill over the window and slack within ChatWork’s limit', () => {
    for (const limit of [
      { requests: 300, windowMs: 300_000 },
      { requests: 10, windowMs: 10_000 },
      { requests: 20, windowMs: 2_000 },
    ]) {
      const { capacity, refillPerSecond } = bucketSpec('k', limit);
      expect(capacity + (refillPerSecond * (limit.windowMs + 1_000)) / 1000).toBeLessThanOrEqual(limit.requests + 1e-9);
    }
    // A long burst still runs at ≥ 90 % of ChatWork's general limit.
    const general = bucketSpec('k', { requests: 300, windowMs: 300_000 });
    expect(general.refillPerSecond / (300 / 300)).toBeGreaterThanOrEqual(0.89);
  });
});
