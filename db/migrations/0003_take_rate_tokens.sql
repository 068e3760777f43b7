-- Takes one token from every bucket in bucket_keys, or from none of them: a ChatWork post needs
-- both its API token's budget and its room's. ready is NULL when the tokens were taken (taken
-- then holds each bucket's taken_total after this take, in the order of bucket_keys), otherwise
-- the earliest time all buckets could give one, and blocked_by names the bucket that waits
-- longest (so the caller can hold back everything else waiting on that bucket too). Besides its own refill, a bucket obeys what
-- ChatWork last said: blocked_until (a 429, or nothing remaining) and the window's remaining
-- count until that window resets. Buckets are created on first use and locked in key order, so
-- concurrent callers in any number of relay instances never deadlock and never overdraw.
CREATE OR REPLACE FUNCTION k2c_take_rate_tokens(
  bucket_keys text[], capacities double precision[], refills double precision[],
  OUT ready timestamptz, OUT taken bigint[], OUT blocked_by text
)
LANGUAGE plpgsql
AS $$
DECLARE
  now_ts timestamptz := clock_timestamp();
  bucket record;
BEGIN
  ready := NULL;
  taken := NULL;
  blocked_by := NULL;
  FOR i IN 1 .. coalesce(array_length(bucket_keys, 1), 0) LOOP
    INSERT INTO rate_buckets (key, tokens, capacity, refill_per_second, updated_at)
    VALUES (bucket_keys[i], capacities[i], capacities[i], refills[i], now_ts)
    ON CONFLICT (key) DO UPDATE SET capacity = excluded.capacity, refill_per_second = excluded.refill_per_second
    WHERE rate_buckets.capacity <> excluded.capacity OR rate_buckets.refill_per_second <> excluded.refill_per_second;
  END LOOP;

  FOR bucket IN
    SELECT key, refill_per_second, blocked_until, window_remaining, window_reset_at,
           least(capacity, tokens + extract(epoch FROM now_ts - updated_at) * refill_per_second) AS available
    FROM rate_buckets WHERE key = ANY (bucket_keys) ORDER BY key FOR UPDATE
  LOOP
    DECLARE
      bucket_ready timestamptz := NULL;
    BEGIN
      IF bucket.blocked_until IS NOT NULL AND bucket.blocked_until > now_ts THEN
        bucket_ready := bucket.blocked_until;
      ELSIF bucket.window_reset_at IS NOT NULL AND bucket.window_reset_at > now_ts AND bucket.window_remaining < 1 THEN
        bucket_ready := bucket.window_reset_at;
      ELSIF bucket.available < 1 THEN
        bucket_ready := now_ts + make_interval(secs => (1 - bucket.available) / bucket.refill_per_second);
      END IF;
      IF bucket_ready IS NOT NULL THEN
        -- Remembered on the bucket, so workers leave what waits on it alone until then.
        UPDATE rate_buckets SET ready_at = bucket_ready WHERE key = bucket.key;
        IF ready IS NULL OR bucket_ready > ready THEN
          ready := bucket_ready;
          blocked_by := bucket.key;
        END IF;
      END IF;
    END;
  END LOOP;

  IF ready IS NOT NULL THEN
    RETURN;
  END IF;

  WITH taken_now AS (
    SELECT key, least(capacity, tokens + extract(epoch FROM now_ts - updated_at) * refill_per_second) - 1 AS tokens_left,
           CASE WHEN window_reset_at > now_ts THEN window_remaining - 1 END AS window_left
    FROM rate_buckets WHERE key = ANY (bucket_keys)
  )
  UPDATE rate_buckets b
  SET tokens = t.tokens_left,
      updated_at = now_ts,
      window_remaining = t.window_left,
      taken_total = b.taken_total + 1,
      ready_at = CASE
        WHEN t.window_left IS NOT NULL AND t.window_left < 1 THEN b.window_reset_at
        WHEN t.tokens_left < 1 THEN now_ts + make_interval(secs => (1 - t.tokens_left) / b.refill_per_second)
      END
  FROM taken_now t
  WHERE b.key = t.key;

  SELECT array_agg(b.taken_total ORDER BY k.ordinality) INTO taken
  FROM unnest(bucket_keys) WITH ORDINALITY AS k(key, ordinality)
  JOIN rate_buckets b ON b.key = k.key;
END
$$;
