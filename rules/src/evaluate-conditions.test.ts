import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateConditions, fieldChanged } from './evaluate-conditions';
import type { KintoneRecord } from './types';

const record: KintoneRecord = {
  title: { type: 'SINGLE_LINE_TEXT', value: '至急: サーバー停止' },
  amount: { type: 'NUMBER', value: '1500' },
  due: { type: 'DATE', value: '2026-12-24' },
  tags: { type: 'CHECK_BOX', value: ['営業', '重要'] },
  owner: { type: 'USER_SELECT', value: [{ code: 'sato', name: '佐藤' }] },
  note: { type: 'MULTI_LINE_TEXT', value: '' },
};

describe('evaluateCondition', () => {
  it.each([
    [{ field: 'title', op: 'eq', value: '至急: サーバー停止' }, true],
    [{ field: 'title', op: 'ne', value: '至急: サーバー停止' }, false],
    [{ field: 'title', op: 'contains', value: '至急' }, true],
    [{ field: 'title', op: 'not_contains', value: '至急' }, false],
    [{ field: 'amount', op: 'gt', value: '999' }, true],
    [{ field: 'amount', op: 'gte', value: '1500' }, true],
    [{ field: 'amount', op: 'lt', value: '1500' }, false],
    [{ field: 'amount', op: 'lte', value: '1500.0' }, true],
    // Numbers compare as numbers, not as text ('1500' < '999' as text).
    [{ field: 'amount', op: 'lt', value: '999' }, false],
    [{ field: 'due', op: 'lt', value: '2027-01-01' }, true],
    [{ field: 'tags', op: 'eq', value: '重要' }, true],
    [{ field: 'tags', op: 'in', value: ['至急', '営業'] }, true],
    [{ field: 'tags', op: 'in', value: ['至急'] }, false],
    [{ field: 'owner', op: 'eq', value: 'sato' }, true],
    [{ field: 'owner', op: 'eq', value: '佐藤' }, true],
    [{ field: 'note', op: 'empty' }, true],
    [{ field: 'note', op: 'not_empty' }, false],
    [{ field: 'missing', op: 'empty' }, true],
    [{ field: 'title', op: 'gt', value: 'abc' }, false],
  ] as const)('%j → %s', (condition, expected) => {
    expect(evaluateCondition(condition as Parameters<typeof evaluateCondition>[0], record)).toBe(expected);
  });
});

describe('evaluateConditions', () => {
  const yes = { field: 'title', op: 'contains' as const, value: '至急' };
  const no = { field: 'amount', op: 'gt' as const, value: '10000' };
  it('matches all or any, and passes when there is no condition', () => {
    expect(evaluateConditions({ match: 'all', items: [yes, no] }, record)).toBe(false);
    expect(evaluateConditions({ match: 'any', items: [yes, no] }, record)).toBe(true);
    expect(evaluateConditions({ match: 'all', items: [] }, record)).toBe(true);
  });
});

describe('fieldChanged', () => {
  it('compares values and treats an unknown previous value as changed', () => {
    expect(fieldChanged(record.title, { type: 'SINGLE_LINE_TEXT', value: '至急: サーバー停止' })).toBe(false);
    expect(fieldChanged(record.tags, { type: 'CHECK_BOX', value: ['営業'] })).toBe(true);
    expect(fieldChanged(record.title, undefined)).toBe(true);
  });
});
