import { describe, expect, it } from 'vitest';
import { fieldKind, needsValue, operatorsFor, splitList, takesList } from './operators';

describe('operatorsFor', () => {
  it.each([
    ['SINGLE_LINE_TEXT', ['eq', 'ne', 'contains', 'not_contains', 'empty', 'not_empty']],
    ['MULTI_LINE_TEXT', ['eq', 'ne', 'contains', 'not_contains', 'empty', 'not_empty']],
    ['RICH_TEXT', ['eq', 'ne', 'contains', 'not_contains', 'empty', 'not_empty']],
    ['LINK', ['eq', 'ne', 'contains', 'not_contains', 'empty', 'not_empty']],
    ['NUMBER', ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty']],
    ['CALC', ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty']],
    ['DATE', ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty']],
    ['TIME', ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty']],
    ['DATETIME', ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty']],
    ['CREATED_TIME', ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty']],
    ['DROP_DOWN', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['RADIO_BUTTON', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['CHECK_BOX', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['MULTI_SELECT', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['USER_SELECT', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['ORGANIZATION_SELECT', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['GROUP_SELECT', ['eq', 'ne', 'in', 'empty', 'not_empty']],
    ['STATUS', ['eq', 'ne', 'in']],
    ['FILE', ['empty', 'not_empty']],
  ])('%s → %j', (type, ops) => {
    expect(operatorsFor(type)).toEqual(ops);
  });

  it('offers nothing for sub-tables, categories and layout elements', () => {
    for (const type of ['SUBTABLE', 'CATEGORY', 'LABEL', 'GROUP', 'unknown']) expect(operatorsFor(type)).toEqual([]);
  });

  it('tells choice kinds apart', () => {
    expect(fieldKind('DROP_DOWN')).toBe('single');
    expect(fieldKind('CHECK_BOX')).toBe('multi');
    expect(fieldKind('CREATOR')).toBe('entity');
    expect(fieldKind('SUBTABLE')).toBeNull();
  });
});

describe('operator helpers', () => {
  it('knows which operators take a value and which a list', () => {
    expect(needsValue('empty')).toBe(false);
    expect(needsValue('not_empty')).toBe(false);
    expect(needsValue('eq')).toBe(true);
    expect(takesList('in')).toBe(true);
    expect(takesList('eq')).toBe(false);
  });

  it('splits typed lists on commas (also Japanese ones) and new lines', () => {
    expect(splitList(' sato, suzuki、tanaka，kato\nito ,, ')).toEqual(['sato', 'suzuki', 'tanaka', 'kato', 'ito']);
    expect(splitList('')).toEqual([]);
  });
});
