import { evaluateConditions, fieldChanged } from './evaluate-conditions';
import { type NotificationContext, type RenderOptions, renderMessage } from './render-message';
import type { Rule, RuleSet } from './types';

export interface RenderedMessage {
  rule: Rule;
  roomId: string;
  body: string;
}

/** Whether a rule fires for this notification, before anything is rendered. */
export function ruleMatches(rule: Rule, context: NotificationContext): boolean {
  if (!rule.enabled || !rule.events.includes(context.event)) return false;
  if (context.event === 'edit' && rule.changedFields.length > 0) {
    const previous = context.previous;
    const changed = rule.changedFields.some((field) => fieldChanged(context.record[field], previous?.[field]));
    if (!changed) return false;
  }
  return evaluateConditions(rule.conditions, context.record);
}

/** The messages a notification produces: one per matching rule, in the rule set's order. */
export function evaluateRules(
  ruleSet: RuleSet,
  context: NotificationContext,
  options: RenderOptions,
): RenderedMessage[] {
  return ruleSet.rules
    .filter((rule) => ruleMatches(rule, context))
    .map((rule) => ({ rule, roomId: rule.roomId, body: renderMessage(rule, context, options) }));
}
