import type { Condition, Conditions, KintoneField, KintoneRecord } from './types';

/** The comparable values of a field: one string for scalar fields, several for lists. */
function valuesOf(field: KintoneField | undefined): string[] {
  if (!field || field.value === null || field.value === undefined) return [];
  const { value } = field;
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item === 'string') return [item];
      if (item && typeof item === 'object') {
        // Users, groups and organisations match by code or by name; files by name.
        const { code, name } = item as { code?: unknown; name?: unknown };
        return [code, name].filter((part): part is string => typeof part === 'string');
      }
      return [];
    });
  }
  if (typeof value === 'object') {
    const { code, name } = value as { code?: unknown; name?: unknown };
    return [code, name].filter((part): part is string => typeof part === 'string');
  }
  const text = String(value);
  return text === '' ? [] : [text];
}

function compareOrdered(left: string, right: string): number | undefined {
  const a = Number(left);
  const b = Number(right);
  if (left.trim() !== '' && right.trim() !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
  // Dates, times and date-times compare correctly as text in kintone's ISO formats.
  if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(left) && /^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(right)) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return undefined;
}

export function evaluateCondition(condition: Condition, record: KintoneRecord): boolean {
  const values = valuesOf(record[condition.field]);
  const expected = condition.value;
  const single = Array.isArray(expected) ? (expected[0] ?? '') : (expected ?? '');
  switch (condition.op) {
    case 'empty':
      return values.length === 0;
    case 'not_empty':
      return values.length > 0;
    case 'eq':
      return single === '' ? values.length === 0 : values.includes(single);
    case 'ne':
      return single === '' ? values.length > 0 : !values.includes(single);
    case 'contains':
      return values.some((value) => value.includes(single));
    case 'not_contains':
      return !values.some((value) => value.includes(single));
    case 'in': {
      const options = Array.isArray(expected) ? expected : [single];
      return values.some((value) => options.includes(value));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const value = values[0];
      if (value === undefined) return false;
      const order = compareOrdered(value, single);
      if (order === undefined) return false;
      if (condition.op === 'gt') return order > 0;
      if (condition.op === 'gte') return order >= 0;
      if (condition.op === 'lt') return order < 0;
      return order <= 0;
    }
  }
}

export function evaluateConditions(conditions: Conditions, record: KintoneRecord): boolean {
  if (conditions.items.length === 0) return true;
  const results = conditions.items.map((condition) => evaluateCondition(condition, record));
  return conditions.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

/** Whether a field's value differs from what the edit screen showed when it opened. */
export function fieldChanged(current: KintoneField | undefined, previous: KintoneField | undefined): boolean {
  if (previous === undefined) return true; // Not known: better one notification too many than one lost.
  return JSON.stringify(current?.value ?? null) !== JSON.stringify(previous.value ?? null);
}
