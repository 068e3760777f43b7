import type { ConditionOperator, NotificationEvent, Rule, RuleSet } from '@k2c/rules';
import { notificationEvents } from '@k2c/rules';
import { splitList, takesList } from './operators';

export const DEFAULT_TEMPLATE = '[info][title]{{$appName}}: {{$event}}[/title]{{$recordUrl}}[/info]';

/** A condition as the editor holds it: the operator may still be unchosen. */
export interface ConditionDraft {
  field: string;
  op: ConditionOperator | '';
  /** A list for `in`, a single value otherwise. */
  value: string | string[];
}

export interface UserMapRow {
  code: string;
  accountId: string;
}

/**
 * A rule as the editor holds it, before validation: typed text stays as typed (an account id list
 * is one text box), rows of the user map are a list so half-filled rows survive.
 */
export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  events: NotificationEvent[];
  roomId: string;
  template: string;
  match: 'all' | 'any';
  conditions: ConditionDraft[];
  changedFields: string[];
  mentionIds: string;
  toAll: boolean;
  /** '' = no user field. */
  userField: string;
  userMap: UserMapRow[];
}

export function newRuleDraft(id: string, name = ''): RuleDraft {
  return {
    id,
    name,
    enabled: true,
    events: ['create'],
    roomId: '',
    template: DEFAULT_TEMPLATE,
    match: 'all',
    conditions: [],
    changedFields: [],
    mentionIds: '',
    toAll: false,
    userField: '',
    userMap: [],
  };
}

export function draftFromRule(rule: Rule): RuleDraft {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    events: [...rule.events],
    roomId: rule.roomId,
    template: rule.template,
    match: rule.conditions.match,
    conditions: rule.conditions.items.map((condition) => ({
      field: condition.field,
      op: condition.op,
      value: Array.isArray(condition.value) ? [...condition.value] : (condition.value ?? ''),
    })),
    changedFields: [...rule.changedFields],
    mentionIds: rule.mentions.accountIds.join(', '),
    toAll: rule.mentions.toAll,
    userField: rule.mentions.userField ?? '',
    userMap: Object.entries(rule.mentions.userMap).map(([code, accountId]) => ({ code, accountId })),
  };
}

export function draftsFromRuleSet(ruleSet: RuleSet): RuleDraft[] {
  return ruleSet.rules.map(draftFromRule);
}

/** The value a condition stores for its operator: a list for `in`, nothing for empty/not_empty. */
export function conditionValue(condition: ConditionDraft): string | string[] | undefined {
  if (condition.op === 'empty' || condition.op === 'not_empty') return undefined;
  if (condition.op !== '' && takesList(condition.op)) {
    return Array.isArray(condition.value)
      ? condition.value.map((item) => item.trim()).filter((item) => item !== '')
      : splitList(condition.value);
  }
  return Array.isArray(condition.value) ? (condition.value[0] ?? '') : condition.value;
}

/**
 * The Rule a draft stands for, without checking it (validation does that). The settings screen
 * saves only drafts that validated, so the result then also passes parseRuleSet.
 */
export function ruleFromDraft(draft: RuleDraft): Rule {
  const userMap: Record<string, string> = {};
  for (const row of draft.userMap) {
    const code = row.code.trim();
    const accountId = row.accountId.trim();
    if (code !== '' || accountId !== '') userMap[code] = accountId;
  }
  const rule: Rule = {
    id: draft.id,
    name: draft.name.trim(),
    enabled: draft.enabled,
    events: notificationEvents.filter((event) => draft.events.includes(event)),
    roomId: draft.roomId.trim(),
    template: draft.template,
    conditions: {
      match: draft.match,
      items: draft.conditions.map((condition) => {
        const value = conditionValue(condition);
        return {
          field: condition.field,
          op: condition.op as ConditionOperator,
          ...(value === undefined ? {} : { value }),
        };
      }),
    },
    changedFields: [...draft.changedFields],
    mentions: {
      accountIds: splitList(draft.mentionIds.replace(/\s+/g, ',')),
      toAll: draft.toAll,
      userMap,
    },
  };
  if (draft.userField !== '') rule.mentions.userField = draft.userField;
  return rule;
}

export function ruleSetFromDrafts(drafts: readonly RuleDraft[]): RuleSet {
  return { version: 1, rules: drafts.map(ruleFromDraft) };
}

/** The ChatWork account ids typed for a rule ("123, 456" or one per line). */
export function mentionIdList(draft: RuleDraft): string[] {
  return splitList(draft.mentionIds.replace(/\s+/g, ','));
}
