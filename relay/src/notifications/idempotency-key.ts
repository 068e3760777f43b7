import type { NotificationRequest } from './notification-request';

/**
 * One key per saved state of a record and event, so the same save sent twice (a retry, a double
 * click, two open tabs) queues one message per rule. A status action is told apart by its action
 * and target, since it may leave the revision unchanged.
 */
export function notificationKey(request: NotificationRequest): string {
  if (request.idempotencyKey) return `k:${request.idempotencyKey}`;
  const base = `${request.appId}:${request.recordId}:${request.revision ?? '-'}:${request.event}`;
  return request.status ? `${base}:${request.status.action}:${request.status.to}` : base;
}

export function deliveryKey(notification: string, ruleId: string): string {
  return `${notification}:${ruleId}`;
}
