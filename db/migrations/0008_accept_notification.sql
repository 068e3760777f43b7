-- Accepting a notification in one round trip: the hot path of the relay. Given the SHA-256 of the
-- connection key and the deliveries the rules produced, it authenticates the key, counts the
-- request against the tenant's limit, inserts the deliveries (a repeated idempotency key returns
-- the stored one), and counts the new messages against the month's quota — all or nothing.
-- It runs as the relay's own role, not as relay_app under Row Level Security: it takes the tenant
-- from the key itself and writes only that tenant's rows, and one call serves several tenants
-- (k2c_accept_notifications). Application queries keep going through RLS (withTenant).
-- The tenant's request count and month's usage are spread over shards, read as a sum and bumped
-- in one random shard: a busy tenant's notifications then do not queue behind each other's commit.
-- In exchange, requests accepted at the very same instant may pass the quota or the limit
-- together, by at most as many as are in flight.
-- Answers jsonb: {status: ok|unauthorized|rate_limited|quota_exceeded|plan_inactive, tenant_id,
-- deliveries: [{id, rule_id, room_id, status, duplicate}], fresh, retry_after, plan, monthly_quota}.
CREATE OR REPLACE FUNCTION k2c_accept_notification(
  p_key_hash text,
  p_deliveries jsonb,
  p_month text,
  p_quotas jsonb,
  p_rate_requests integer,
  p_rate_window_ms bigint
)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  now_ts timestamptz := now();
  k record;
  rate_window_start timestamptz;
  request_count integer;
  effective_plan text;
  suspended_plan text := NULL;
  quota integer;
  fresh integer;
  used integer;
  inserted_ids jsonb;
  result jsonb;
BEGIN
  SELECT ck.id AS key_id, ck.tenant_id, ck.last_used_at, t.plan_code, t.plan_status, t.plan_grace_until
  INTO k
  FROM connection_keys ck JOIN tenants t ON t.id = ck.tenant_id
  WHERE ck.key_hash = p_key_hash AND ck.revoked_at IS NULL;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('status', 'unauthorized');
  END IF;

  -- "Last used" is for people: a minute of precision saves a write on nearly every request.
  IF k.last_used_at IS NULL OR k.last_used_at < now_ts - interval '1 minute' THEN
    UPDATE connection_keys SET last_used_at = now_ts WHERE id = k.key_id;
  END IF;

  -- The tenant's request limit, in the same fixed windows as the relay's other limits.
  IF p_rate_requests IS NOT NULL THEN
    rate_window_start := to_timestamp(floor(extract(epoch FROM now_ts) * 1000 / p_rate_window_ms) * p_rate_window_ms / 1000.0);
    SELECT coalesce(sum(count), 0) INTO request_count
    FROM request_counters
    WHERE key = ANY (ARRAY(SELECT 'tenant:' || k.tenant_id || '#' || n FROM generate_series(0, 7) AS n))
      AND window_start = rate_window_start;
    IF request_count >= p_rate_requests THEN
      RETURN jsonb_build_object(
        'status', 'rate_limited',
        'tenant_id', k.tenant_id,
        'retry_after', greatest(1, ceil(extract(epoch FROM rate_window_start + p_rate_window_ms * interval '1 millisecond' - now_ts)))
      );
    END IF;
    INSERT INTO request_counters (key, window_start, count)
    VALUES ('tenant:' || k.tenant_id || '#' || floor(random() * 8)::int, rate_window_start, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = request_counters.count + 1;
  END IF;

  IF jsonb_array_length(p_deliveries) = 0 THEN
    RETURN jsonb_build_object('status', 'ok', 'tenant_id', k.tenant_id, 'deliveries', '[]'::jsonb, 'fresh', 0);
  END IF;

  WITH inserted AS (
    INSERT INTO deliveries (tenant_id, idempotency_key, app_id, record_id, event, rule_id, rule_name, room_id, body)
    SELECT k.tenant_id, x.idempotency_key, x.app_id, x.record_id, x.event, x.rule_id, x.rule_name, x.room_id, x.body
    FROM jsonb_to_recordset(p_deliveries) AS x(idempotency_key text, app_id text, record_id text, event text,
                                                rule_id text, rule_name text, room_id text, body text)
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
    RETURNING id
  )
  SELECT coalesce(jsonb_agg(id), '[]'::jsonb) INTO inserted_ids FROM inserted;
  fresh := jsonb_array_length(inserted_ids);

  -- A new statement, so a duplicate that a concurrent request committed meanwhile is visible.
  SELECT jsonb_agg(jsonb_build_object(
           'id', d.id, 'rule_id', d.rule_id, 'room_id', d.room_id, 'status', d.status,
           'duplicate', NOT (inserted_ids ? d.id::text)
         ) ORDER BY o.ordinality)
  INTO result
  FROM jsonb_array_elements(p_deliveries) WITH ORDINALITY AS o(item, ordinality)
  JOIN deliveries d ON d.tenant_id = k.tenant_id AND d.idempotency_key = o.item ->> 'idempotency_key';

  effective_plan := k.plan_code;
  IF k.plan_code <> 'free' AND k.plan_status = 'past_due' AND k.plan_grace_until IS NOT NULL AND k.plan_grace_until <= now_ts THEN
    suspended_plan := k.plan_code;
    effective_plan := 'free';
  END IF;
  quota := coalesce((p_quotas ->> effective_plan)::integer, (p_quotas ->> 'free')::integer);

  IF fresh > 0 THEN
    SELECT coalesce(sum(messages), 0) INTO used FROM usage_counters WHERE tenant_id = k.tenant_id AND month = p_month;
    IF used + fresh > quota THEN
      -- Over the quota: none of this notification's messages is queued.
      DELETE FROM deliveries WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(inserted_ids));
      RETURN jsonb_build_object(
        'status', CASE WHEN suspended_plan IS NULL THEN 'quota_exceeded' ELSE 'plan_inactive' END,
        'tenant_id', k.tenant_id,
        'plan', coalesce(suspended_plan, effective_plan),
        'monthly_quota', quota
      );
    END IF;
    INSERT INTO usage_counters (tenant_id, month, shard, messages)
    VALUES (k.tenant_id, p_month, floor(random() * 8)::int, fresh)
    ON CONFLICT (tenant_id, month, shard) DO UPDATE SET messages = usage_counters.messages + fresh;
  END IF;

  RETURN jsonb_build_object('status', 'ok', 'tenant_id', k.tenant_id, 'deliveries', result, 'fresh', fresh);
END
$$;
--> statement-breakpoint
-- Several notifications in one transaction: under load the relay gathers the requests that arrive
-- while the previous call is running and accepts them together, so they share one commit.
-- p_calls: [{key_hash, deliveries, month}]; the answers come back in the same order.
CREATE OR REPLACE FUNCTION k2c_accept_notifications(
  p_calls jsonb,
  p_quotas jsonb,
  p_rate_requests integer,
  p_rate_window_ms bigint
)
RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  answers jsonb := '[]'::jsonb;
  call jsonb;
BEGIN
  FOR call IN SELECT value FROM jsonb_array_elements(p_calls) LOOP
    answers := answers || jsonb_build_array(k2c_accept_notification(
      call ->> 'key_hash', call -> 'deliveries', call ->> 'month', p_quotas, p_rate_requests, p_rate_window_ms
    ));
  END LOOP;
  RETURN answers;
END
$$;
