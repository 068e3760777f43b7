-- Accepting notifications in one round trip: the hot path of the relay. Under load the relay
-- gathers the requests that arrive while its previous call runs and sends them together, so they
-- share one transaction and one commit; an idle relay sends each request alone.
-- p_calls: [{key_hash, month, deliveries: [{idempotency_key, app_id, record_id, event, rule_id,
-- rule_name, room_id, body}]}]. For each call, in one transaction with the others: authenticate
-- the connection key (by its SHA-256), count the request against the tenant's limit, insert the
-- deliveries (a repeated idempotency key returns the stored one), and count the new messages
-- against the month's quota (all of a call's messages or none).
-- Answers a jsonb array in the order of the calls, each {status: ok|unauthorized|rate_limited|
-- quota_exceeded|plan_inactive, tenant_id, deliveries: [{id, rule_id, room_id, status,
-- duplicate}], fresh, retry_after, plan, monthly_quota}.
--
-- It runs as the relay's own role, not as relay_app under Row Level Security: it takes each
-- tenant from the key itself, writes only that tenant's rows, and one call serves several
-- tenants. Application queries keep going through RLS (withTenant).
--
-- Counters: a tenant's request count and month's usage are spread over 8 shards, read as a sum,
-- and each transaction adds its whole batch to one shard at the end, once per row. So concurrent
-- transactions rarely wait on one row, a row is never updated many times in one transaction
-- (which would leave a chain of dead versions for every later read to walk), and rows are locked
-- in one global order (tenant ids sorted), so two transactions never wait on each other in a
-- cycle. In exchange, notifications accepted in concurrent transactions may pass the quota or the
-- limit together, by at most one transaction's batch.
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
  now_ts timestamptz := now();
  counter_shard integer := floor(random() * 8)::int;
  rate_window_start timestamptz;
  answers jsonb[] := ARRAY[]::jsonb[];
  -- Per tenant (and tenant|month): what the table held when first read plus this batch, and what
  -- this batch adds, written back at the end.
  requests_seen jsonb := '{}';
  requests_added jsonb := '{}';
  usage_seen jsonb := '{}';
  usage_added jsonb := '{}';
  stale_keys uuid[] := ARRAY[]::uuid[];
  c record;
  tenant text;
  usage_key text;
  request_count integer;
  effective_plan text;
  suspended_plan text;
  quota integer;
  fresh integer;
  used integer;
  stored jsonb;
  duplicates jsonb;
  result jsonb;
BEGIN
  IF p_rate_requests IS NOT NULL THEN
    rate_window_start := to_timestamp(floor(extract(epoch FROM now_ts) * 1000 / p_rate_window_ms) * p_rate_window_ms / 1000.0);
  END IF;

  FOR c IN
    SELECT o.ordinality AS position, o.value -> 'deliveries' AS deliveries, o.value ->> 'month' AS month,
           ck.id AS key_id, ck.tenant_id, ck.last_used_at, t.plan_code, t.plan_status, t.plan_grace_until
    FROM jsonb_array_elements(p_calls) WITH ORDINALITY AS o(value, ordinality)
    LEFT JOIN connection_keys ck ON ck.key_hash = o.value ->> 'key_hash' AND ck.revoked_at IS NULL
    LEFT JOIN tenants t ON t.id = ck.tenant_id
    ORDER BY ck.tenant_id NULLS FIRST, o.ordinality
  LOOP
    IF c.key_id IS NULL OR c.plan_code IS NULL THEN
      answers[c.position] := jsonb_build_object('status', 'unauthorized');
      CONTINUE;
    END IF;
    tenant := c.tenant_id::text;

    -- "Last used" is for people: a minute of precision saves a write on nearly every request.
    IF c.last_used_at IS NULL OR c.last_used_at < now_ts - interval '1 minute' THEN
      stale_keys := array_append(stale_keys, c.key_id);
    END IF;

    -- The tenant's request limit, in the same fixed windows as the relay's other limits.
    IF p_rate_requests IS NOT NULL THEN
      IF NOT requests_seen ? tenant THEN
        SELECT coalesce(sum(count), 0) INTO request_count
        FROM request_counters
        WHERE key = ANY (ARRAY(SELECT 'tenant:' || tenant || '#' || n FROM generate_series(0, 7) AS n))
          AND window_start = rate_window_start;
        requests_seen := requests_seen || jsonb_build_object(tenant, request_count);
      END IF;
      request_count := (requests_seen ->> tenant)::int;
      IF request_count >= p_rate_requests THEN
        answers[c.position] := jsonb_build_object(
          'status', 'rate_limited',
          'tenant_id', c.tenant_id,
          'retry_after', greatest(1, ceil(extract(epoch FROM rate_window_start + p_rate_window_ms * interval '1 millisecond' - now_ts)))
        );
        CONTINUE;
      END IF;
      requests_seen := requests_seen || jsonb_build_object(tenant, request_count + 1);
      requests_added := requests_added || jsonb_build_object(tenant, coalesce((requests_added ->> tenant)::int, 0) + 1);
    END IF;

    IF jsonb_array_length(c.deliveries) = 0 THEN
      answers[c.position] := jsonb_build_object('status', 'ok', 'tenant_id', c.tenant_id, 'deliveries', '[]'::jsonb, 'fresh', 0);
      CONTINUE;
    END IF;

    -- Rows come back from the insert itself; only duplicates (a retried save) are looked up, in
    -- a new statement so that one a concurrent request committed meanwhile is visible.
    WITH inserted AS (
      INSERT INTO deliveries (tenant_id, idempotency_key, app_id, record_id, event, rule_id, rule_name, room_id, body)
      SELECT c.tenant_id, x.idempotency_key, x.app_id, x.record_id, x.event, x.rule_id, x.rule_name, x.room_id, x.body
      FROM jsonb_to_recordset(c.deliveries) AS x(idempotency_key text, app_id text, record_id text, event text,
                                                 rule_id text, rule_name text, room_id text, body text)
      ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
      RETURNING id, idempotency_key, rule_id, room_id, status
    )
    SELECT coalesce(jsonb_object_agg(idempotency_key, jsonb_build_object(
             'id', id, 'rule_id', rule_id, 'room_id', room_id, 'status', status, 'duplicate', false)), '{}'::jsonb)
    INTO stored FROM inserted;
    fresh := (SELECT count(*) FROM jsonb_object_keys(stored));

    IF fresh < jsonb_array_length(c.deliveries) THEN
      -- EXECUTE plans this for the table as it is now. A plan kept from when the table was small
      -- may walk the tenant's whole log through (tenant_id, created_at) instead of the unique
      -- index, and a connection keeps its plans until the table is analysed again.
      EXECUTE 'SELECT coalesce(jsonb_object_agg(idempotency_key, jsonb_build_object(
                 ''id'', id, ''rule_id'', rule_id, ''room_id'', room_id, ''status'', status, ''duplicate'', true)), ''{}''::jsonb)
               FROM deliveries WHERE tenant_id = $1 AND idempotency_key = ANY ($2)'
      INTO duplicates
      USING c.tenant_id, ARRAY(SELECT item ->> 'idempotency_key' FROM jsonb_array_elements(c.deliveries) AS item
                               WHERE NOT stored ? (item ->> 'idempotency_key'));
      stored := stored || duplicates;
    END IF;

    SELECT jsonb_agg(stored -> (o.item ->> 'idempotency_key') ORDER BY o.ordinality)
    INTO result
    FROM jsonb_array_elements(c.deliveries) WITH ORDINALITY AS o(item, ordinality);

    effective_plan := c.plan_code;
    suspended_plan := NULL;
    IF c.plan_code <> 'free' AND c.plan_status = 'past_due' AND c.plan_grace_until IS NOT NULL AND c.plan_grace_until <= now_ts THEN
      suspended_plan := c.plan_code;
      effective_plan := 'free';
    END IF;
    quota := coalesce((p_quotas ->> effective_plan)::integer, (p_quotas ->> 'free')::integer);

    IF fresh > 0 THEN
      usage_key := tenant || '|' || c.month;
      IF NOT usage_seen ? usage_key THEN
        SELECT coalesce(sum(messages), 0) INTO used FROM usage_counters WHERE tenant_id = c.tenant_id AND month = c.month;
        usage_seen := usage_seen || jsonb_build_object(usage_key, used);
      END IF;
      used := (usage_seen ->> usage_key)::int;
      IF used + fresh > quota THEN
        -- Over the quota: none of this notification's messages is queued.
        DELETE FROM deliveries
        WHERE id = ANY (ARRAY(SELECT (value ->> 'id')::uuid FROM jsonb_each(stored) WHERE NOT (value ->> 'duplicate')::boolean));
        answers[c.position] := jsonb_build_object(
          'status', CASE WHEN suspended_plan IS NULL THEN 'quota_exceeded' ELSE 'plan_inactive' END,
          'tenant_id', c.tenant_id,
          'plan', coalesce(suspended_plan, effective_plan),
          'monthly_quota', quota
        );
        CONTINUE;
      END IF;
      usage_seen := usage_seen || jsonb_build_object(usage_key, used + fresh);
      usage_added := usage_added || jsonb_build_object(usage_key, coalesce((usage_added ->> usage_key)::int, 0) + fresh);
    END IF;

    answers[c.position] := jsonb_build_object('status', 'ok', 'tenant_id', c.tenant_id, 'deliveries', result, 'fresh', fresh);
  END LOOP;

  -- Each counter row once, in tenant order (see the top of this file).
  INSERT INTO request_counters (key, window_start, count)
  SELECT 'tenant:' || added.key || '#' || counter_shard, rate_window_start, added.value::int
  FROM jsonb_each_text(requests_added) AS added
  ORDER BY added.key
  ON CONFLICT (key, window_start) DO UPDATE SET count = request_counters.count + excluded.count;

  INSERT INTO usage_counters (tenant_id, month, shard, messages)
  SELECT split_part(added.key, '|', 1)::uuid, split_part(added.key, '|', 2), counter_shard, added.value::int
  FROM jsonb_each_text(usage_added) AS added
  ORDER BY added.key
  ON CONFLICT (tenant_id, month, shard) DO UPDATE SET messages = usage_counters.messages + excluded.messages;

  -- A key row that another transaction is already updating is skipped rather than waited for.
  UPDATE connection_keys SET last_used_at = now_ts
  WHERE id IN (SELECT id FROM connection_keys WHERE id = ANY (stale_keys) ORDER BY id FOR UPDATE SKIP LOCKED);

  RETURN to_jsonb(answers);
END
$$;
