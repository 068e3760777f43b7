import type { RuleSet } from '@k2c/rules';
import { parseRuleSet } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import { readPluginConfig, writePluginConfig } from '../config/plugin-config';
import {
  conditionValue,
  DEFAULT_TEMPLATE,
  draftsFromRuleSet,
  mentionIdList,
  newRuleDraft,
  type RuleDraft,
  ruleFromDraft,
  ruleSetFromDrafts,
} from './rule-draft';

/** Every part of contract 1 a rule can hold. */
const full: RuleSet = {
  version: 1,
  rules: [
    {
      id: 'r1',
      name: '新しい問い合わせ',
      enabled: true,
      events: ['create', 'edit', 'status'],
      roomId: '123456789',
      template: '[info][title]{{$appName}}: {{title}}[/title]{{detail}}\n{{$recordUrl}}[/info]',
      conditions: {
        match: 'any',
        items: [
          { field: 'priority', op: 'eq', value: '高' },
          { field: 'priority', op: 'in', value: ['高', '中'] },
          { field: 'amount', op: 'gte', value: '100000' },
          { field: 'detail', op: 'empty' },
        ],
      },
      changedFields: ['priority', 'owner'],
      mentions: {
        accountIds: ['1234567', '7654321'],
        toAll: true,
        userField: 'owner',
        userMap: { sato: '1111111', 'suzuki.k': '2222222' },
      },
    },
    {
      id: 'r7',
      name: '',
      enabled: false,
      events: ['status'],
      roomId: '42',
      template: '{{$statusFrom}} → {{$statusTo}} ({{$action}})',
      conditions: { match: 'all', items: [] },
      changedFields: [],
      mentions: { accountIds: [], toAll: false, userMap: {} },
    },
  ],
};

describe('the rule codec', () => {
  it('round-trips a full RuleSet through the stored config and the editor', () => {
    const stored = writePluginConfig({ relayUrl: 'https://relay.example.com', ruleSet: full, appName: '問い合わせ' });
    const reopened = readPluginConfig(JSON.parse(JSON.stringify(stored)));
    expect(reopened.ruleSet).toEqual(full);
    const again = ruleSetFromDrafts(draftsFromRuleSet(reopened.ruleSet));
    expect(again).toEqual(full);
    expect(parseRuleSet(again)).toEqual({ ok: true, value: full });
  });

  it('starts a new rule with one event, the default template and nothing else', () => {
    expect(ruleFromDraft(newRuleDraft('r3', 'x'))).toEqual({
      id: 'r3',
      name: 'x',
      enabled: true,
      events: ['create'],
      roomId: '',
      template: DEFAULT_TEMPLATE,
      conditions: { match: 'all', items: [] },
      changedFields: [],
      mentions: { accountIds: [], toAll: false, userMap: {} },
    });
  });

  it('normalises what the admin typed', () => {
    const draft: RuleDraft = {
      ...newRuleDraft('r1'),
      name: '  Inquiry ',
      events: ['status', 'create'],
      roomId: ' 42 ',
      mentionIds: ' 123,456\n789 ',
      userMap: [
        { code: ' sato ', accountId: ' 111 ' },
        { code: '', accountId: '' },
      ],
    };
    const rule = ruleFromDraft(draft);
    expect(rule.name).toBe('Inquiry');
    expect(rule.events).toEqual(['create', 'status']);
    expect(rule.roomId).toBe('42');
    expect(rule.mentions.accountIds).toEqual(['123', '456', '789']);
    expect(rule.mentions.userMap).toEqual({ sato: '111' });
    expect(rule.mentions.userField).toBeUndefined();
    expect(mentionIdList(draft)).toEqual(['123', '456', '789']);
  });

  it('stores a list for "in", one value otherwise, none for empty/not_empty', () => {
    expect(conditionValue({ field: 'p', op: 'in', value: 'a, b' })).toEqual(['a', 'b']);
    expect(conditionValue({ field: 'p', op: 'in', value: [' a ', ''] })).toEqual(['a']);
    expect(conditionValue({ field: 'p', op: 'eq', value: ['a', 'b'] })).toBe('a');
    expect(conditionValue({ field: 'p', op: 'eq', value: 'a' })).toBe('a');
    expect(conditionValue({ field: 'p', op: 'empty', value: 'ignored' })).toBeUndefined();
  });
});
