import type { Db } from '@k2c/db';
import { evaluateRules, parseRuleSetJson } from '@k2c/rules';
import { AppError } from '../errors';
import { deliveryKey, notificationKey } from '../notifications/idempotency-key';
import type { NotificationRequest } from '../notifications/notification-request';
import { trustedRecordUrl } from '../notifications/record-url';
import { insertDeliveries } from '../queries/deliveries';

export interface AcceptedDelivery {
  id: string;
  ruleId: string;
  roomId: string;
  status: string;
  duplicate: boolean;
}

export interface AcceptNotificationDeps {
  db: Db;
  allowLoopback: boolean;
}

/**
 * Evaluates the stored rules against one saved record and queues one delivery per matching
 * rule, all in one transaction. Nothing here waits on ChatWork: the caller answers 202 at once.
 */
export async function acceptNotification(
  deps: AcceptNotificationDeps,
  tenantId: string,
  request: NotificationRequest,
): Promise<AcceptedDelivery[]> {
  const ruleSet = parseRuleSetJson(request.rules);
  if (!ruleSet.ok) {
    throw new AppError(
      'invalid_rules',
      'The stored rules are not valid: open the plug-in settings and save them again',
      {
        issues: ruleSet.issues,
      },
    );
  }
  const context = {
    event: request.event,
    appId: request.appId,
    appName: request.appName,
    recordId: request.recordId,
    recordUrl: trustedRecordUrl(request, deps.allowLoopback),
    record: request.record,
    previous: request.previous,
    user: request.user,
    status: request.status,
  };
  const messages = evaluateRules(ruleSet.value, context, { locale: 'ja', timeZone: 'Asia/Tokyo' });
  const key = notificationKey(request);
  const stored = await insertDeliveries(
    deps.db,
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
  return stored.map(({ delivery, duplicate }) => ({
    id: delivery.id,
    ruleId: delivery.ruleId,
    roomId: delivery.roomId,
    status: delivery.status,
    duplicate,
  }));
}
