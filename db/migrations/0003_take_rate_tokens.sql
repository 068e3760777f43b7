-- Takes one token from every bucket in bucket_keys, or from none of them: a ChatWork post needs
-- both its API token's budget and its room's. Returns NULL when the tokens were taken, otherwise
-- the earliest time all buckets could give one (a bucket blocked by ChatWork's own answer waits
-- for that). Buckets are created on first use and locked in key order, so concurrent callers in
-- any number of relay instances never deadlock and never overdraw.
CREATE OR REPLACE FUNCTION k2c_take_rate_tokens(bucket_keys text[], capacities double precision[], refills double precision[])
RETURNS timestamptz
LANGUAGE plpgsql
AS $$
DECLARE
  now_ts timestamptz := clock_timestamp();
  ready timestamptz := NULL;
  bucket record;
BEGIN
  FOR i IN 1 .. coalesce(array_length(bucket_keys, 1), 0) LOOP
    INSERT INTO rate_buckets (key, tokens, capacity, refill_per_second, updated_at)
    VALUES (bucket_keys[i], capacities[i], capacities[i], refills[i], now_ts)
    ON CONFLICT (key) DO UPDATE SET capacity = excluded.capacity, refill_per_second = excluded.refill_per_second
    WHERE rate_buckets.capacity <> excluded.capacity OR rate_buckets.refill_per_second <> excluded.refill_per_second;
  END LOOP;

  FOR bucket IN
    SELECT key, refill_per_second, blocked_until,
           least(capacity, tokens + extract(epoch FROM now_ts - updated_at) * refill_per_second) AS available
    FROM rate_buckets WHERE key = ANY (bucket_keys) ORDER BY key FOR UPDATE
  LOOP
    IF bucket.blocked_until IS NOT NULL AND bucket.blocked_until > now_ts THEN
      ready := greatest(coalesce(ready, bucket.blocked_until), bucket.blocked_until);
    ELSIF bucket.available < 1 THEN
      ready := greatest(
        coalesce(ready, now_ts),
        now_ts + make_interval(secs => (1 - bucket.available) / bucket.refill_per_second)
      );
    END IF;
  END LOOP;

  IF ready IS NOT NULL THEN
    RETURN ready;
  END IF;

  UPDATE rate_buckets
  SET tokens = least(capacity, tokens + extract(epoch FROM now_ts - updated_at) * refill_per_second) - 1,
      updated_at = now_ts
  WHERE key = ANY (bucket_keys);
  RETURN NULL;
END
$$;
