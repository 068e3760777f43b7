import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BucketSpec, blockBucket, bucketSpec, obeyRemaining, takeRateTokens } from './rate-buckets';

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

  it('gives out the capacity at once, then refills at its rate', async () => {
    const bucket = spec('test:a', 3, 2);
    for (let i = 0; i < 3; i++) expect(await takeRateTokens(database.db, [bucket])).toBeUndefined();
    const ready = await takeRateTokens(database.db, [bucket]);
    expect(ready).toBeInstanceOf(Date);
    // Empty at 2 tokens a second: the next token is at most half a second away.
    const wait = (ready?.getTime() ?? 0) - Date.now();
    expect(wait).toBeLessThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait) + 20));
    expect(await takeRateTokens(database.db, [bucket])).toBeUndefined();
  });

  it('takes from every bucket or from none', async () => {
    const room = spec('test:room', 1, 0.01);
    const token = spec('test:token', 5, 0.01);
    expect(await takeRateTokens(database.db, [token, room])).toBeUndefined();
    // The room is empty now: the token's bucket must not lose a token for a post that cannot go.
    expect(await takeRateTokens(database.db, [token, room])).toBeInstanceOf(Date);
    for (let i = 0; i < 4; i++) expect(await takeRateTokens(database.db, [token])).toBeUndefined();
    expect(await takeRateTokens(database.db, [token])).toBeInstanceOf(Date);
  });

  it('never overdraws under concurrent takers', async () => {
    const bucket = spec('test:concurrent', 10, 0.001);
    const results = await Promise.all(Array.from({ length: 40 }, () => takeRateTokens(database.db, [bucket])));
    expect(results.filter((ready) => ready === undefined)).toHaveLength(10);
  });

  it('waits for ChatWork’s reset when blocked or when nothing remains', async () => {
    const bucket = spec('test:blocked', 10, 100);
    expect(await takeRateTokens(database.db, [bucket])).toBeUndefined();
    const until = new Date(Date.now() + 60_000);
    await blockBucket(database.db, bucket.key, until);
    expect((await takeRateTokens(database.db, [bucket]))?.getTime()).toBe(until.getTime());

    const other = spec('test:remaining', 10, 0.001);
    expect(await takeRateTokens(database.db, [other])).toBeUndefined();
    await obeyRemaining(database.db, other.key, 2, new Date(Date.now() + 60_000));
    expect(await takeRateTokens(database.db, [other])).toBeUndefined();
    expect(await takeRateTokens(database.db, [other])).toBeUndefined();
    expect(await takeRateTokens(database.db, [other])).toBeInstanceOf(Date);
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
