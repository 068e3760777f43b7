import { describe, expect, it } from 'vitest';
import { parseRuleSet, parseRuleSetJson } from './parse-rule-set';

const minimal = { id: 'r1', events: ['create'], roomId: '123', template: 'hi' };

describe('parseRuleSet', () => {
  it('fills the optional parts with defaults', () => {
    const result = parseRuleSet({ version: 1, rules: [minimal] });
    expect(result).toEqual({
      ok: true,
      value: {
        version: 1,
        rules: [
          {
            id: 'r1',
            name: '',
            enabled: true,
            events: ['create'],
            roomId: '123',
            template: 'hi',
            conditions: { match: 'all', items: [] },
            changedFields: [],
            mentions: { accountIds: [], toAll: false, userMap: {} },
          },
        ],
      },
    });
  });

  it('accepts a numeric room id as kintone number fields would give it', () => {
    const result = parseRuleSet({ version: 1, rules: [{ ...minimal, roomId: 456 }] });
    expect(result.ok && result.value.rules[0]?.roomId).toBe('456');
  });

  it('reports every problem with its path', () => {
    const result = parseRuleSet({
      version: 1,
      rules: [
        { id: '', events: [], roomId: 'abc', template: '' },
        { ...minimal, conditions: { match: 'some', items: [] } },
        { ...minimal, id: 'r3', conditions: { items: [{ field: 'x', op: 'like', value: 'a' }] } },
        { ...minimal, id: 'r4', mentions: { accountIds: ['12a'], userMap: { sato: 'x' } } },
      ],
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rules[0].id',
        'rules[0].events',
        'rules[0].roomId',
        'rules[0].template',
        'rules[1].conditions.match',
        'rules[2].conditions.items[0].op',
        'rules[3].mentions.accountIds[0]',
        'rules[3].mentions.userMap.sato',
      ]),
    );
  });

  it('refuses duplicate rule ids and unknown versions', () => {
    const duplicate = parseRuleSet({ version: 1, rules: [minimal, minimal] });
    expect(duplicate.ok ? [] : duplicate.issues).toContainEqual({ path: 'rules[1].id', message: 'must be unique' });
    expect(parseRuleSet({ version: 2, rules: [] }).ok).toBe(false);
  });

  it('needs a list of values for "in" and no value for "empty"', () => {
    const result = parseRuleSet({
      version: 1,
      rules: [
        {
          ...minimal,
          conditions: {
            items: [
              { field: 'a', op: 'in', value: ['x', 'y'] },
              { field: 'b', op: 'empty', value: 'ignored' },
            ],
          },
        },
      ],
    });
    expect(result.ok && result.value.rules[0]?.conditions.items).toEqual([
      { field: 'a', op: 'in', value: ['x', 'y'] },
      { field: 'b', op: 'empty' },
    ]);
    const emptyIn = parseRuleSet({
      version: 1,
      rules: [{ ...minimal, conditions: { items: [{ field: 'a', op: 'in', value: [] }] } }],
    });
    expect(emptyIn.ok).toBe(false);
  });

  it('reads JSON text and says when it is not JSON', () => {
    expect(parseRuleSetJson('{').ok).toBe(false);
    expect(parseRuleSetJson(JSON.stringify({ version: 1, rules: [minimal] })).ok).toBe(true);
  });
});
