import { renderMessage, ruleMatches } from '@k2c/rules';
import { notificationContext, renderOptions } from '../notifications/notification-context';
import type { NotificationRequest } from '../notifications/notification-request';
import { parseStoredRules } from '../notifications/parse-stored-rules';

export interface PreviewedMessage {
  ruleId: string;
  roomId: string;
  body: string;
  /** Whether the rule would fire for this event and record (enabled, event, changes, conditions). */
  matches: boolean;
}

/**
 * Renders every rule of an unsaved rule set for one record, exactly as a notification would, so
 * the administrator sees the message before saving. Nothing is stored or sent.
 */
export function previewMessages(request: NotificationRequest, allowLoopback: boolean): PreviewedMessage[] {
  const ruleSet = parseStoredRules(request.rules);
  const context = notificationContext(request, allowLoopback);
  return ruleSet.rules.map((rule) => ({
    ruleId: rule.id,
    roomId: rule.roomId,
    body: renderMessage(rule, context, renderOptions),
    matches: ruleMatches(rule, context),
  }));
}
