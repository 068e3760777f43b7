import { RULE_LIMITS } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import { settingsMessages } from '../i18n/settings-messages';
import type { FieldInfo } from './field-catalog';
import { problemMessage } from './messages-for';
import type { RoomInfo } from './relay-client';
import { newRuleDraft, type RuleDraft } from './rule-draft';
import {
  connectionProblems,
  type Problem,
  problemsFromIssues,
  type SettingsInput,
  unknownPlaceholders,
  type ValidationContext,
  validateSettings,
} from './validation';

const fields: FieldInfo[] = [
  { code: 'title', label: '件名', type: 'SINGLE_LINE_TEXT', options: [] },
  { code: 'priority', label: '優先度', type: 'DROP_DOWN', options: ['高', '低'] },
  { code: 'amount', label: '金額', type: 'NUMBER', options: [] },
  { code: 'owner', label: '担当者', type: 'USER_SELECT', options: [] },
  { code: 'items', label: '明細', type: 'SUBTABLE', options: [] },
  { code: 'レコード番号', label: 'レコード番号', type: 'RECORD_NUMBER', options: [] },
];
const rooms: RoomInfo[] = [
  { roomId: '2001', name: '営業', type: 'group', role: 'member' },
  { roomId: '2003', name: 'お知らせ', type: 'group', role: 'readonly' },
];

const goodRule: RuleDraft = {
  ...newRuleDraft('r1', '問い合わせ'),
  roomId: '2001',
  template: '[info]{{title}} {{$recordUrl}}[/info]',
  conditions: [{ field: 'priority', op: 'eq', value: '高' }],
  changedFields: ['priority'],
  mentionIds: '123, 456',
  userField: 'owner',
  userMap: [{ code: 'sato', accountId: '789' }],
};

const input: SettingsInput = {
  relayUrl: 'https://relay.example.com/',
  keyInput: ' k2c_abcdefghijklmnop ',
  hasStoredKey: false,
  rules: [goodRule],
};
const context: ValidationContext = { fields, rooms };

function problems(rule: Partial<RuleDraft>, overrides: Partial<ValidationContext> = {}): Problem[] {
  return validateSettings({ ...input, rules: [{ ...goodRule, ...rule }] }, { ...context, ...overrides }).problems;
}

describe('validateSettings', () => {
  it('accepts a complete screen and normalises the URL and key', () => {
    expect(validateSettings(input, context)).toEqual({
      problems: [],
      relayUrl: 'https://relay.example.com',
      typedKey: 'k2c_abcdefghijklmnop',
    });
  });

  it.each([
    [{ relayUrl: '' }, 'relayUrl', 'relayUrlRequired'],
    [{ relayUrl: 'relay.example.com' }, 'relayUrl', 'relayUrlInvalid'],
    [{ relayUrl: 'http://relay.example.com' }, 'relayUrl', 'relayUrlInsecure'],
    [{ keyInput: '' }, 'connectionKey', 'keyRequired'],
    [{ keyInput: 'two words' }, 'connectionKey', 'keyInvalid'],
  ] as const)('reports %j as %s/%s', (change, key, code) => {
    expect(validateSettings({ ...input, ...change }, context).problems).toEqual([{ key, code }]);
  });

  it('checks a typed kintone API token: optional, letters and digits only, bounded in length', () => {
    const token = 'BuBNIwbRRaUvr33nWXcfUZ5VhaFsJxN0xH4NPN92';
    expect(validateSettings({ ...input, apiTokenInput: '' }, context).problems).toEqual([]);
    expect(validateSettings({ ...input, apiTokenInput: ` ${token} ` }, context).problems).toEqual([]);
    expect(validateSettings({ ...input, apiTokenInput: `${token},${token}` }, context).problems).toEqual([
      { key: 'apiToken', code: 'apiTokenInvalid' },
    ]);
    expect(validateSettings({ ...input, apiTokenInput: 'ａｂｃ１２３' }, context).problems).toEqual([
      { key: 'apiToken', code: 'apiTokenInvalid' },
    ]);
    expect(validateSettings({ ...input, apiTokenInput: 'a'.repeat(201) }, context).problems).toEqual([
      { key: 'apiToken', code: 'apiTokenTooLong' },
    ]);
  });

  it('keeps the stored key when nothing is typed', () => {
    expect(validateSettings({ ...input, keyInput: '', hasStoredKey: true }, context)).toMatchObject({
      problems: [],
      typedKey: null,
    });
  });

  it.each<[Partial<RuleDraft>, Problem]>([
    [{ name: 'x'.repeat(RULE_LIMITS.nameLength + 1) }, { key: 'name', code: 'nameTooLong', rule: 0 }],
    [{ events: [] }, { key: 'events', code: 'eventsRequired', rule: 0 }],
    [{ roomId: '' }, { key: 'room', code: 'roomRequired', rule: 0 }],
    [{ roomId: '12a' }, { key: 'room', code: 'roomIdInvalid', rule: 0 }],
    [{ roomId: '9999' }, { key: 'room', code: 'roomUnknown', rule: 0, names: ['9999'] }],
    [{ roomId: '2003' }, { key: 'room', code: 'roomReadonly', rule: 0, names: ['お知らせ'] }],
    [{ template: ' ' }, { key: 'template', code: 'templateRequired', rule: 0 }],
    [{ template: 'x'.repeat(RULE_LIMITS.templateLength + 1) }, { key: 'template', code: 'templateTooLong', rule: 0 }],
    [
      { template: '{{title}} {{nope}} {{$nope}} {{nope}} {{qty}}' },
      { key: 'template', code: 'unknownPlaceholders', rule: 0, names: ['nope', '$nope', 'qty'] },
    ],
    [
      { conditions: [{ field: '', op: '', value: '' }] },
      { key: 'condition', code: 'conditionFieldRequired', rule: 0, item: 0, part: 'field' },
    ],
    [
      { conditions: [{ field: 'items', op: 'eq', value: 'x' }] },
      { key: 'condition', code: 'conditionFieldUnknown', rule: 0, item: 0, part: 'field', names: ['items'] },
    ],
    [
      { conditions: [{ field: 'title', op: '', value: '' }] },
      { key: 'condition', code: 'conditionOpRequired', rule: 0, item: 0, part: 'op' },
    ],
    [
      { conditions: [{ field: 'amount', op: 'contains', value: '1' }] },
      { key: 'condition', code: 'conditionOpInvalid', rule: 0, item: 0, part: 'op' },
    ],
    [
      { conditions: [{ field: 'title', op: 'eq', value: ' ' }] },
      { key: 'condition', code: 'conditionValueRequired', rule: 0, item: 0, part: 'value' },
    ],
    [
      { conditions: [{ field: 'priority', op: 'in', value: [] }] },
      { key: 'condition', code: 'conditionValueRequired', rule: 0, item: 0, part: 'value' },
    ],
    [
      { conditions: [{ field: 'title', op: 'eq', value: 'x'.repeat(RULE_LIMITS.conditionValueLength + 1) }] },
      { key: 'condition', code: 'conditionValueTooLong', rule: 0, item: 0, part: 'value' },
    ],
    [
      {
        conditions: Array.from({ length: RULE_LIMITS.conditions + 1 }, () => ({
          field: 'title',
          op: 'empty' as const,
          value: '',
        })),
      },
      { key: 'conditions', code: 'tooManyConditions', rule: 0 },
    ],
    [
      { changedFields: ['title', 'gone'] },
      { key: 'changedFields', code: 'changedFieldsUnknown', rule: 0, names: ['gone'] },
    ],
    [{ mentionIds: '123, abc, 0x1' }, { key: 'mentionIds', code: 'mentionIdsInvalid', rule: 0, names: ['abc', '0x1'] }],
    [
      { mentionIds: Array.from({ length: RULE_LIMITS.mentionAccounts + 1 }, (_, i) => String(i + 1)).join(',') },
      { key: 'mentionIds', code: 'tooManyMentionIds', rule: 0 },
    ],
    [{ userField: 'title' }, { key: 'userField', code: 'userFieldUnknown', rule: 0, names: ['title'] }],
    [
      { userMap: [{ code: '', accountId: '1' }] },
      { key: 'userMapRow', code: 'userMapCodeRequired', rule: 0, item: 0, part: 'code' },
    ],
    [
      { userMap: [{ code: 'sato', accountId: 'x' }] },
      { key: 'userMapRow', code: 'userMapAccountInvalid', rule: 0, item: 0, part: 'accountId' },
    ],
    [
      {
        userMap: [
          { code: 'sato', accountId: '1' },
          { code: 'sato', accountId: '2' },
        ],
      },
      { key: 'userMapRow', code: 'userMapDuplicate', rule: 0, item: 1, part: 'code', names: ['sato'] },
    ],
  ])('reports %j', (rule, problem) => {
    expect(problems(rule)).toEqual([problem]);
  });

  it('ignores empty user-map rows and values of empty/not_empty', () => {
    expect(
      problems({ userMap: [{ code: ' ', accountId: '' }], conditions: [{ field: 'title', op: 'empty', value: '' }] }),
    ).toEqual([]);
  });

  it('skips field checks when the fields could not be loaded, and room look-ups without a room list', () => {
    expect(
      problems({ template: '{{anything}}', roomId: '9999', changedFields: ['x'] }, { fields: null, rooms: null }),
    ).toEqual([]);
    expect(problems({ template: '{{$bogus}}' }, { fields: null })).toEqual([
      { key: 'template', code: 'unknownPlaceholders', rule: 0, names: ['$bogus'] },
    ]);
  });

  it('limits the number and the size of rules', () => {
    const many = Array.from({ length: RULE_LIMITS.rules + 1 }, (_, i) => ({ ...goodRule, id: `r${i}` }));
    expect(validateSettings({ ...input, rules: many }, context).problems).toContainEqual({
      key: 'rules',
      code: 'tooManyRules',
    });
    const big = Array.from({ length: 8 }, (_, i) => ({ ...goodRule, id: `r${i}`, template: 'x'.repeat(9_000) }));
    expect(validateSettings({ ...input, rules: big }, context).problems).toEqual([
      { key: 'rules', code: 'rulesTooLarge' },
    ]);
  });

  it('reports every problem at once, in screen order, with the rule index', () => {
    const result = validateSettings(
      { ...input, relayUrl: '', keyInput: '', rules: [goodRule, { ...goodRule, id: 'r2', events: [], roomId: '' }] },
      context,
    );
    expect(result.problems).toEqual([
      { key: 'relayUrl', code: 'relayUrlRequired' },
      { key: 'connectionKey', code: 'keyRequired' },
      { key: 'events', code: 'eventsRequired', rule: 1 },
      { key: 'room', code: 'roomRequired', rule: 1 },
    ]);
  });
});

describe('unknownPlaceholders', () => {
  it('accepts every built-in', () => {
    const template =
      '{{$appName}}{{$appId}}{{$recordId}}{{$recordUrl}}{{$event}}{{$user}}{{$statusFrom}}{{$statusTo}}{{$action}}';
    expect(unknownPlaceholders(template, [])).toEqual([]);
  });
});

describe('connectionProblems', () => {
  it('puts an unreachable relay on the URL and a rejected key on the key', () => {
    expect(connectionProblems({ kind: 'unreachable', detail: '' })).toEqual([
      { key: 'relayUrl', code: 'relayUnreachable' },
    ]);
    expect(connectionProblems({ kind: 'server', status: 503, code: '', message: '' })).toEqual([
      { key: 'relayUrl', code: 'relayUnreachable' },
    ]);
    expect(connectionProblems({ kind: 'not_relay', status: 404 })).toEqual([
      { key: 'relayUrl', code: 'relayNotRelay' },
    ]);
    expect(connectionProblems({ kind: 'unexpected', status: 200 })).toEqual([
      { key: 'relayUrl', code: 'relayUnexpected' },
    ]);
    expect(connectionProblems({ kind: 'unauthorized', message: '' })).toEqual([
      { key: 'connectionKey', code: 'keyRejected' },
    ]);
    expect(connectionProblems({ kind: 'error', status: 402, code: 'plan_inactive', message: '' })).toEqual([]);
  });
});

describe('problemsFromIssues', () => {
  it('maps the relay’s issue paths back to the rule editor', () => {
    expect(
      problemsFromIssues([
        { path: 'rules[1].roomId', message: 'must be a ChatWork room id' },
        { path: 'rules[0].conditions.items[2].op', message: 'must be one of …' },
        { path: 'rules[0].conditions.items[1]', message: 'must be an object' },
        { path: 'rules[0].events[0]', message: 'must be one of create, edit, status' },
        { path: 'rules[0].mentions.userMap.sato', message: 'must be a ChatWork account id (digits)' },
        { path: 'rules[0].mentions.accountIds[1]', message: 'must be …' },
        { path: 'rules[0].id', message: 'must be unique' },
        { path: 'version', message: 'must be 1' },
      ]).map(({ key, rule, item, part }) => ({ key, rule, item, part })),
    ).toEqual([
      { key: 'room', rule: 1, item: undefined, part: undefined },
      { key: 'condition', rule: 0, item: 2, part: 'op' },
      { key: 'condition', rule: 0, item: 1, part: 'field' },
      { key: 'events', rule: 0, item: undefined, part: undefined },
      { key: 'userMap', rule: 0, item: undefined, part: undefined },
      { key: 'mentionIds', rule: 0, item: undefined, part: undefined },
      { key: 'name', rule: 0, item: undefined, part: undefined },
      { key: 'rules', rule: undefined, item: undefined, part: undefined },
    ]);
  });
});

describe('problemMessage', () => {
  const all: Problem[] = [
    ...(
      [
        'relayUrlRequired',
        'relayUrlInvalid',
        'relayUrlInsecure',
        'relayUnreachable',
        'relayNotRelay',
        'relayUnexpected',
      ] as const
    ).map((code) => ({ key: 'relayUrl' as const, code })),
    ...(['keyRequired', 'keyInvalid', 'keyRejected'] as const).map((code) => ({ key: 'connectionKey' as const, code })),
    { key: 'apiToken', code: 'apiTokenInvalid' },
    { key: 'apiToken', code: 'apiTokenTooLong' },
    { key: 'rules', code: 'tooManyRules' },
    { key: 'rules', code: 'rulesTooLarge' },
    { key: 'name', code: 'nameTooLong', rule: 0 },
    { key: 'events', code: 'eventsRequired', rule: 0 },
    { key: 'room', code: 'roomRequired', rule: 0 },
    { key: 'room', code: 'roomIdInvalid', rule: 0 },
    { key: 'room', code: 'roomUnknown', rule: 0, names: ['9999'] },
    { key: 'room', code: 'roomReadonly', rule: 0, names: ['お知らせ'] },
    { key: 'template', code: 'templateRequired', rule: 0 },
    { key: 'template', code: 'templateTooLong', rule: 0 },
    { key: 'template', code: 'unknownPlaceholders', rule: 0, names: ['nope'] },
    { key: 'conditions', code: 'tooManyConditions', rule: 0 },
    { key: 'condition', code: 'conditionFieldRequired', rule: 0, item: 0 },
    { key: 'condition', code: 'conditionFieldUnknown', rule: 0, item: 0, names: ['x'] },
    { key: 'condition', code: 'conditionOpRequired', rule: 0, item: 0 },
    { key: 'condition', code: 'conditionOpInvalid', rule: 0, item: 0 },
    { key: 'condition', code: 'conditionValueRequired', rule: 0, item: 0 },
    { key: 'condition', code: 'conditionValueTooLong', rule: 0, item: 0 },
    { key: 'condition', code: 'conditionTooManyValues', rule: 0, item: 0 },
    { key: 'changedFields', code: 'tooManyChangedFields', rule: 0 },
    { key: 'changedFields', code: 'changedFieldsUnknown', rule: 0, names: ['x'] },
    { key: 'mentionIds', code: 'mentionIdsInvalid', rule: 0, names: ['abc'] },
    { key: 'mentionIds', code: 'tooManyMentionIds', rule: 0 },
    { key: 'userField', code: 'userFieldUnknown', rule: 0, names: ['x'] },
    { key: 'userMapRow', code: 'userMapCodeRequired', rule: 0, item: 0 },
    { key: 'userMapRow', code: 'userMapAccountInvalid', rule: 0, item: 0 },
    { key: 'userMapRow', code: 'userMapDuplicate', rule: 0, item: 0, names: ['sato'] },
    { key: 'userMap', code: 'tooManyUserMapRows', rule: 0 },
    { key: 'room', code: 'relayIssue', rule: 0, names: ['rules[0].roomId'], text: 'must be a ChatWork room id' },
  ];

  it.each(all)('has a message for %j in both languages', (problem) => {
    const ja = problemMessage(problem, settingsMessages.ja);
    const en = problemMessage(problem, settingsMessages.en);
    expect(ja).not.toBe('');
    expect(en).not.toBe('');
    expect(ja).not.toBe(en);
    expect(ja).not.toContain('undefined');
    expect(en).not.toContain('undefined');
  });

  it('fills in limits and names', () => {
    expect(problemMessage({ key: 'name', code: 'nameTooLong' }, settingsMessages.en)).toBe(
      'The rule name must be at most 100 characters.',
    );
    expect(problemMessage({ key: 'template', code: 'templateTooLong' }, settingsMessages.ja)).toContain('10000');
    expect(
      problemMessage({ key: 'template', code: 'unknownPlaceholders', names: ['a', '$b'] }, settingsMessages.en),
    ).toBe('{{a}}, {{$b}} are neither a field code of this app nor a built-in placeholder.');
    expect(problemMessage({ key: 'template', code: 'unknownPlaceholders', names: ['a'] }, settingsMessages.ja)).toBe(
      '「{{a}}」はこのアプリのフィールドコードでも組み込みの項目でもありません。',
    );
    expect(problemMessage({ key: 'room', code: 'roomUnknown', names: ['9999'] }, settingsMessages.ja)).toBe(
      'ルーム ID 9999 は、接続している ChatWork アカウントのルームにありません。',
    );
    expect(problemMessage({ key: 'connectionKey', code: 'keyRejected' }, settingsMessages.en)).toBe(
      'The connection key is wrong or has been revoked.',
    );
    expect(problemMessage({ key: 'relayUrl', code: 'relayUnreachable' }, settingsMessages.ja)).toContain(
      '接続できません',
    );
  });
});
