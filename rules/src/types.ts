/** The record events a rule can listen to (contract 1). */
export const notificationEvents = ['create', 'edit', 'status'] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export const conditionOperators = [
  'eq',
  'ne',
  'contains',
  'not_contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'empty',
  'not_empty',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export interface Condition {
  field: string;
  op: ConditionOperator;
  /** A single value, or a list for `in`; unused by `empty` and `not_empty`. */
  value?: string | string[];
}

export interface Conditions {
  match: 'all' | 'any';
  items: Condition[];
}

export interface Mentions {
  /** ChatWork account ids always mentioned by this rule. */
  accountIds: string[];
  toAll: boolean;
  /** A user-selection field whose users are mentioned, through userMap. */
  userField?: string;
  /** kintone user code → ChatWork account id. */
  userMap: Record<string, string>;
}

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  events: NotificationEvent[];
  roomId: string;
  template: string;
  conditions: Conditions;
  /** For edit events: fire only when one of these fields changed. Empty means any edit. */
  changedFields: string[];
  mentions: Mentions;
}

export interface RuleSet {
  version: 1;
  rules: Rule[];
}

/** A field as kintone represents it in a record: `{ type, value }`. */
export interface KintoneField {
  type: string;
  value: unknown;
}

export type KintoneRecord = Record<string, KintoneField>;

export interface KintoneUser {
  code: string;
  name: string;
}

export interface StatusChange {
  from: string;
  to: string;
  action: string;
}
