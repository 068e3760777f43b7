import type { AppDeps } from '../../app-deps';
import { planFor } from '../../billing/plans';
import { chatworkSummary } from '../../services/chatwork-connection';
import { connectionInfo } from '../../services/connection-info';
import { listKeys } from '../../services/connection-keys';
import { deliveriesPerDay, listDeliveries } from '../../services/delivery-log';

export const CHART_DAYS = 30;
/** Held deliveries are counted up to this many; past it the overview says "100 or more". */
const HELD_COUNT_LIMIT = 100;

export type DayCounts = Awaited<ReturnType<typeof deliveriesPerDay>>[number];

/** Plan, usage this month and quota, as the overview shows them. */
export async function planUsage(deps: Pick<AppDeps, 'db' | 'env' | 'now'>, tenantId: string) {
  const info = await connectionInfo(deps, tenantId);
  const plan = planFor(deps.env, info.plan.code);
  // active, past_due (a payment failed; the plan works during the grace period) or suspended.
  const status: string = 'status' in info.plan && typeof info.plan.status === 'string' ? info.plan.status : 'active';
  return { plan, status, used: info.plan.usedThisMonth, quota: info.plan.monthlyQuota };
}

/** Everything the overview shows, read one after another (PGlite has a single connection). */
export async function overviewData(deps: Pick<AppDeps, 'db' | 'env' | 'now'>, tenantId: string) {
  const now = deps.now();
  const usage = await planUsage(deps, tenantId);
  const chatwork = await chatworkSummary(deps.db, tenantId);
  const keys = await listKeys(deps.db, tenantId);
  const days = await deliveriesPerDay(deps.db, tenantId, CHART_DAYS, now);
  const held = await listDeliveries(deps.db, tenantId, { status: 'held', limit: HELD_COUNT_LIMIT });
  const failed = days.reduce((sum, day) => sum + day.failed, 0);
  const anyDelivery = days.some((day) => day.delivered + day.failed + day.pending > 0);
  return {
    usage,
    chatwork,
    keyCount: keys.length,
    pluginInUse: anyDelivery || keys.some((key) => key.lastUsedAt !== null),
    days,
    held: { count: held.items.length, more: held.nextCursor !== null },
    failed,
  };
}

export type OverviewData = Awaited<ReturnType<typeof overviewData>>;
