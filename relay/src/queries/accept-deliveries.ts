import { type Db, queryRows } from '@k2c/db';
import { sql } from '@k2c/db/operators';
import type { RateLimit } from '../env';
import type { NewDelivery } from './deliveries';

export interface AcceptedRow {
  id: string;
  ruleId: string;
  roomId: string;
  status: string;
  duplicate: boolean;
}

export type AcceptOutcome =
  | { status: 'ok'; tenantId: string; deliveries: AcceptedRow[]; fresh: number }
  | { status: 'unauthorized' }
  | { status: 'rate_limited'; tenantId: string; retryAfterSeconds: number }
  | { status: 'quota_exceeded' | 'plan_inactive'; tenantId: string; plan: string; monthlyQuota: number };

interface RawOutcome {
  status: AcceptOutcome['status'];
  tenant_id?: string;
  deliveries?: { id: string; rule_id: string; room_id: string; status: string; duplicate: boolean }[];
  fresh?: number;
  retry_after?: number;
  plan?: string;
  monthly_quota?: number;
}

export interface AcceptCall {
  keyHash: string;
  deliveries: NewDelivery[];
  month: string;
}

export interface AcceptSettings {
  /** Monthly quota of each plan code. */
  quotas: Record<string, number>;
  tenantRateLimit: RateLimit | undefined;
}

function callJson(call: AcceptCall) {
  return {
    key_hash: call.keyHash,
    month: call.month,
    deliveries: call.deliveries.map((delivery) => ({
      idempotency_key: delivery.idempotencyKey,
      app_id: delivery.appId,
      record_id: delivery.recordId,
      event: delivery.event,
      rule_id: delivery.ruleId,
      rule_name: delivery.ruleName,
      room_id: delivery.roomId,
      body: delivery.body,
    })),
  };
}

function readOutcome(raw: RawOutcome): AcceptOutcome {
  switch (raw.status) {
    case 'ok':
      return {
        status: 'ok',
        tenantId: raw.tenant_id as string,
        fresh: raw.fresh ?? 0,
        deliveries: (raw.deliveries ?? []).map((delivery) => ({
          id: delivery.id,
          ruleId: delivery.rule_id,
          roomId: delivery.room_id,
          status: delivery.status,
          duplicate: delivery.duplicate,
        })),
      };
    case 'unauthorized':
      return { status: 'unauthorized' };
    case 'rate_limited':
      return { status: 'rate_limited', tenantId: raw.tenant_id as string, retryAfterSeconds: raw.retry_after ?? 1 };
    default:
      return {
        status: raw.status,
        tenantId: raw.tenant_id as string,
        plan: raw.plan ?? 'free',
        monthlyQuota: raw.monthly_quota ?? 0,
      };
  }
}

function parsed<T>(value: T | string | undefined): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Accepts several notifications in one transaction (k2c_accept_notifications): for each, key
 * check, tenant request limit, idempotent inserts and quota, all or nothing per notification.
 * The answers come back in the order of the calls.
 */
export async function acceptDeliveries(
  db: Db,
  calls: AcceptCall[],
  settings: AcceptSettings,
): Promise<AcceptOutcome[]> {
  const [row] = await queryRows<{ outcomes: RawOutcome[] | string }>(
    db,
    sql`select k2c_accept_notifications(
      ${JSON.stringify(calls.map(callJson))}::jsonb, ${JSON.stringify(settings.quotas)}::jsonb,
      ${settings.tenantRateLimit?.requests ?? null}::integer, ${settings.tenantRateLimit?.windowMs ?? null}::bigint
    ) as outcomes`,
  );
  return parsed<RawOutcome[]>(row?.outcomes).map(readOutcome);
}
