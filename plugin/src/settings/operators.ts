import type { ConditionOperator } from '@k2c/rules';

/** How a field's values compare, which decides the operators and the value control offered. */
export type FieldKind =
  | 'text'
  | 'number'
  | 'date'
  | 'time'
  | 'datetime'
  | 'single'
  | 'multi'
  | 'entity'
  | 'status'
  | 'file';

const KIND_BY_TYPE: Record<string, FieldKind> = {
  SINGLE_LINE_TEXT: 'text',
  MULTI_LINE_TEXT: 'text',
  RICH_TEXT: 'text',
  LINK: 'text',
  NUMBER: 'number',
  CALC: 'number',
  RECORD_NUMBER: 'number',
  DATE: 'date',
  TIME: 'time',
  DATETIME: 'datetime',
  CREATED_TIME: 'datetime',
  UPDATED_TIME: 'datetime',
  DROP_DOWN: 'single',
  RADIO_BUTTON: 'single',
  CHECK_BOX: 'multi',
  MULTI_SELECT: 'multi',
  USER_SELECT: 'entity',
  ORGANIZATION_SELECT: 'entity',
  GROUP_SELECT: 'entity',
  CREATOR: 'entity',
  MODIFIER: 'entity',
  STATUS_ASSIGNEE: 'entity',
  STATUS: 'status',
  FILE: 'file',
};

const ORDERED: ConditionOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'];
const CHOICE: ConditionOperator[] = ['eq', 'ne', 'in', 'empty', 'not_empty'];

/**
 * The operator table. Multi-choice `eq`/`ne` mean "includes"/"does not include" (the relay
 * compares each selected value), `in` "includes any of"; user, organisation and group fields
 * compare by code. Sub-tables are not offered: the runtime sends them as whole rows.
 */
export const OPERATORS_BY_KIND: Record<FieldKind, readonly ConditionOperator[]> = {
  text: ['eq', 'ne', 'contains', 'not_contains', 'empty', 'not_empty'],
  number: ORDERED,
  date: ORDERED,
  time: ORDERED,
  datetime: ORDERED,
  single: CHOICE,
  multi: CHOICE,
  entity: CHOICE,
  status: ['eq', 'ne', 'in'],
  file: ['empty', 'not_empty'],
};

export function fieldKind(type: string): FieldKind | null {
  return KIND_BY_TYPE[type] ?? null;
}

/** The operators offered for a field type; empty when the type cannot be used in a condition. */
export function operatorsFor(type: string): readonly ConditionOperator[] {
  const kind = fieldKind(type);
  return kind === null ? [] : OPERATORS_BY_KIND[kind];
}

export function needsValue(op: ConditionOperator): boolean {
  return op !== 'empty' && op !== 'not_empty';
}

export function takesList(op: ConditionOperator): boolean {
  return op === 'in';
}

/** Splits a typed list ("a, b、c") into its items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,、，\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
