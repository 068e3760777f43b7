import { type Db, withTenant } from '@k2c/db';
import { evaluateRules } from '@k2c/rules';
import { planFor } from '../billing/plans';
import { usageMonth } from '../billing/usage-month';
import type { Env } from '../env';
import { AppError } from '../errors';
import { readAuthoritativeValues } from '../kintone/read-authoritative';
import { deliveryKey, notificationKey } from '../notifications/idempotency-key';
import { notificationContext, renderOptions } from '../notifications/notification-context';
import type { NotificationRequest } from '../notifications/notification-request';
import { parseStoredRules } from '../notifications/parse-stored-rules';
import { insertDeliveries } from '../queries/deliveries';
import { addUsageWithinQuota } from '../queries/usage';

export interface AcceptedDelivery {
  id: string;
  ruleId: string;
  roomId: string;
  status: string;
  duplicate: boolean;
}

export interface AcceptNotificationDeps {
  db: Db;
  env: Pick<Env, 'KINTONE_ALLOW_LOOPBACK' | 'KINTONE_ALLOWED_HOSTS' | 'FREE_MONTHLY_QUOTA'>;
  now: () => Date;
}

/**
 * Evaluates the stored rules against one saved record and queues one delivery per matching rule,
 * counting them against the month's quota, all in one transaction: either every message of the
 * notification is queued and counted, or none is. Nothing here waits on ChatWork.
 */
export async function acceptNotification(
  deps: AcceptNotificationDeps,
  tenant: { id: string; planCode: string },
  sentRequest: NotificationRequest,
): Promise<AcceptedDelivery[]> {
  const ruleSet = parseStoredRules(sentRequest.rules);
  const request = await readAuthoritativeValues(deps.env, ruleSet, sentRequest);
  const messages = evaluateRules(ruleSet, notificationContext(request, deps.env.KINTONE_ALLOW_LOOPBACK), renderOptions);
  if (messages.length === 0) return [];
  const key = notificationKey(request);
  const tenantId = tenant.id;
  const plan = planFor(deps.env, tenant.planCode);
  const stored = await withTenant(deps.db, tenantId, async (tx) => {
    const rows = await insertDeliveries(
      tx,
      tenantId,
      messages.map((message) => ({
        idempotencyKey: deliveryKey(key, message.rule.id),
        appId: request.appId,
        recordId: request.recordId,
        event: request.event,
        ruleId: message.rule.id,
        ruleName: message.rule.name,
        roomId: message.roomId,
        body: message.body,
      })),
    );
    const fresh = rows.filter((row) => !row.duplicate).length;
    if (fresh > 0 && !(await addUsageWithinQuota(tx, tenantId, usageMonth(deps.now()), fresh, plan.monthlyQuota))) {
      throw new AppError('quota_exceeded', `This month's ${plan.monthlyQuota} notifications are used up`, {
        plan: plan.code,
        monthlyQuota: plan.monthlyQuota,
      });
    }
    return rows;
  });
  return stored.map(({ delivery, duplicate }) => ({
    id: delivery.id,
    ruleId: delivery.ruleId,
    roomId: delivery.roomId,
    status: delivery.status,
    duplicate,
  }));
}
