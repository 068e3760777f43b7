import type { Db } from '@k2c/db';
import { evaluateRules } from '@k2c/rules';
import { planCatalogue } from '../billing/plans';
import { usageMonth } from '../billing/usage-month';
import type { Env } from '../env';
import { AppError } from '../errors';
import { rateLimitedError } from '../http/security/fixed-window';
import { readAuthoritativeValues } from '../kintone/read-authoritative';
import type { AcceptBatcher } from '../notifications/accept-batcher';
import { deliveryKey, notificationKey } from '../notifications/idempotency-key';
import { notificationContext, renderOptions } from '../notifications/notification-context';
import type { NotificationRequest } from '../notifications/notification-request';
import { parseStoredRules } from '../notifications/parse-stored-rules';
import { authenticateConnectionKey, connectionKeyHash } from './connection-keys';

export interface AcceptedDelivery {
  id: string;
  ruleId: string;
  roomId: string;
  status: string;
  duplicate: boolean;
}

export interface AcceptNotificationDeps {
  db: Db;
  env: Pick<
    Env,
    | 'KINTONE_ALLOW_LOOPBACK'
    | 'KINTONE_ALLOWED_HOSTS'
    | 'FREE_MONTHLY_QUOTA'
    | 'STRIPE_PRICE_STANDARD'
    | 'TENANT_RATE_LIMIT'
  >;
  now: () => Date;
  /** Called when new messages were queued, so idle workers start at once. */
  wakeWorkers: () => void;
  /** Sends the accepting database work, gathered with other requests' under load. */
  batcher: AcceptBatcher;
}

/**
 * Evaluates the stored rules against one saved record and queues one delivery per matching rule,
 * counting them against the month's quota: every message of the notification is queued and
 * counted, or none is. The database work is one round trip (key, limit, inserts, quota), so the
 * 202 comes back fast; nothing here waits on ChatWork.
 */
export async function acceptNotification(
  deps: AcceptNotificationDeps,
  connectionKey: string,
  sentRequest: NotificationRequest,
): Promise<{ tenantId: string; deliveries: AcceptedDelivery[] }> {
  const keyHash = connectionKeyHash(connectionKey);
  const ruleSet = parseStoredRules(sentRequest.rules);
  let request = sentRequest;
  if (sentRequest.kintoneApiToken) {
    // The relay reads kintone with the stored token only for a caller whose key is valid.
    await authenticateConnectionKey(deps.db, connectionKey, deps.now());
    request = await readAuthoritativeValues(deps.env, ruleSet, sentRequest);
  }
  const messages = evaluateRules(ruleSet, notificationContext(request, deps.env.KINTONE_ALLOW_LOOPBACK), renderOptions);
  const key = notificationKey(request);
  const outcome = await deps.batcher.submit({
    keyHash,
    month: usageMonth(deps.now()),
    deliveries: messages.map((message) => ({
      idempotencyKey: deliveryKey(key, message.rule.id),
      appId: request.appId,
      recordId: request.recordId,
      event: request.event,
      ruleId: message.rule.id,
      ruleName: message.rule.name,
      roomId: message.roomId,
      body: message.body,
    })),
  });
  switch (outcome.status) {
    case 'ok':
      if (outcome.fresh > 0) deps.wakeWorkers();
      return { tenantId: outcome.tenantId, deliveries: outcome.deliveries };
    case 'unauthorized':
      throw new AppError('unauthorized', 'The connection key is not valid or has been revoked');
    case 'rate_limited':
      throw rateLimitedError(outcome.retryAfterSeconds, 'Too many notifications from this company');
    case 'plan_inactive':
      throw new AppError('plan_inactive', `The ${outcome.plan} plan is suspended: a payment failed`, {
        plan: outcome.plan,
        monthlyQuota: outcome.monthlyQuota,
      });
    case 'quota_exceeded':
      throw new AppError('quota_exceeded', `This month's ${outcome.monthlyQuota} notifications are used up`, {
        plan: outcome.plan,
        monthlyQuota: outcome.monthlyQuota,
      });
  }
}

/** The per-process settings of the accepting database call: each plan's quota and the tenant limit. */
export function acceptSettings(env: AcceptNotificationDeps['env']) {
  return {
    quotas: Object.fromEntries(Object.values(planCatalogue(env)).map((plan) => [plan.code, plan.monthlyQuota])),
    tenantRateLimit: env.TENANT_RATE_LIMIT,
  };
}
