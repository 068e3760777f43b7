import type { RuleSet } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from './field-catalog';
import { buildPreviewRequest, parseNewestRecord, previewFields, sampleRecord } from './preview-request';

const ruleSet: RuleSet = {
  version: 1,
  rules: [
    {
      id: 'r1',
      name: 'on',
      enabled: true,
      events: ['create'],
      roomId: '1',
      template: '{{title}}',
      conditions: { match: 'all', items: [{ field: 'priority', op: 'eq', value: '高' }] },
      changedFields: [],
      mentions: { accountIds: [], toAll: false, userMap: {} },
    },
    {
      id: 'r2',
      name: 'off',
      enabled: false,
      events: ['status'],
      roomId: '2',
      template: '{{detail}}',
      conditions: { match: 'all', items: [] },
      changedFields: [],
      mentions: { accountIds: [], toAll: false, userField: 'owner', userMap: {} },
    },
  ],
};

const record = {
  $id: { type: '__ID__', value: '12' },
  $revision: { type: '__REVISION__', value: '3' },
  title: { type: 'SINGLE_LINE_TEXT', value: '最新' },
  priority: { type: 'DROP_DOWN', value: '高' },
  detail: { type: 'MULTI_LINE_TEXT', value: '詳細' },
  owner: { type: 'USER_SELECT', value: [{ code: 'sato', name: '佐藤' }] },
  salary: { type: 'NUMBER', value: '999' },
};

describe('parseNewestRecord', () => {
  it('reads the first record of GET /k/v1/records with its id and revision', () => {
    expect(parseNewestRecord({ records: [record], totalCount: null })).toEqual({
      kind: 'record',
      record,
      recordId: '12',
      revision: '3',
    });
  });

  it('is null for an app without records or an unexpected answer', () => {
    expect(parseNewestRecord({ records: [] })).toBeNull();
    expect(parseNewestRecord({ records: [{ title: {} }] })).toBeNull();
    expect(parseNewestRecord('nope')).toBeNull();
  });
});

describe('previewFields', () => {
  it('includes the fields of disabled rules, which the preview renders too', () => {
    expect(previewFields(ruleSet)).toEqual(['title', 'priority', 'detail', 'owner']);
  });
});

describe('sampleRecord', () => {
  it('gives every field type a plausible value', () => {
    const fields: FieldInfo[] = [
      { code: 'title', label: '件名', type: 'SINGLE_LINE_TEXT', options: [] },
      { code: 'priority', label: '優先度', type: 'DROP_DOWN', options: ['高', '低'] },
      { code: 'tags', label: 'Tags', type: 'CHECK_BOX', options: ['a', 'b'] },
      { code: 'owner', label: '担当者', type: 'USER_SELECT', options: [] },
      { code: 'due', label: '期限', type: 'DATE', options: [] },
      { code: 'at', label: '日時', type: 'DATETIME', options: [] },
      { code: 'n', label: 'n', type: 'NUMBER', options: [] },
      { code: 's', label: 's', type: 'STATUS', options: [] },
      { code: 'rows', label: 'rows', type: 'SUBTABLE', options: [] },
    ];
    const sample = sampleRecord(
      fields,
      { code: 'admin', name: '管理者' },
      { text: (label) => `${label}（サンプル）`, status: '未処理' },
      new Date('2024-04-01T09:05:00Z'),
    );
    expect(sample).toEqual({
      title: { type: 'SINGLE_LINE_TEXT', value: '件名（サンプル）' },
      priority: { type: 'DROP_DOWN', value: '高' },
      tags: { type: 'CHECK_BOX', value: ['a'] },
      owner: { type: 'USER_SELECT', value: [{ code: 'admin', name: '管理者' }] },
      due: { type: 'DATE', value: '2024-04-01' },
      at: { type: 'DATETIME', value: '2024-04-01T09:05:00Z' },
      n: { type: 'NUMBER', value: '123' },
      s: { type: 'STATUS', value: '未処理' },
      rows: { type: 'SUBTABLE', value: [] },
    });
  });
});

describe('buildPreviewRequest', () => {
  const base = {
    appId: '7',
    appName: '問い合わせ',
    kintoneHost: 'example.cybozu.com',
    location: { origin: 'https://example.cybozu.com', pathname: '/k/admin/app/7/plugin/config' },
    user: { code: 'admin', name: '管理者' },
    ruleSet,
    status: { from: '未処理', to: '処理中', action: '処理開始' },
  };

  it('sends only the referenced fields of the newest record, the unsaved rules and the stored-data keys', () => {
    const request = buildPreviewRequest({
      ...base,
      event: 'create',
      source: { kind: 'record', record, recordId: '12', revision: '3' },
    });
    expect(request).toEqual({
      event: 'create',
      appId: '7',
      recordId: '12',
      revision: '3',
      recordUrl: 'https://example.cybozu.com/k/7/show#record=12',
      record: {
        title: record.title,
        priority: record.priority,
        detail: record.detail,
        owner: record.owner,
      },
      user: { code: 'admin', name: '管理者' },
      rules: JSON.stringify(ruleSet),
      kintoneHost: 'example.cybozu.com',
      appName: '問い合わせ',
    });
  });

  it('adds the status change for the status event, and uses record 1 for a sample', () => {
    const request = buildPreviewRequest({ ...base, event: 'status', source: { kind: 'sample', record: {} } });
    expect(request).toMatchObject({ recordId: '1', status: { from: '未処理', to: '処理中', action: '処理開始' } });
    expect(request).not.toHaveProperty('revision');
    expect(request).not.toHaveProperty('previous');
  });

  it('keeps the guest-space path in the record link', () => {
    const request = buildPreviewRequest({
      ...base,
      location: { origin: 'https://example.cybozu.com', pathname: '/k/guest/5/admin/app/7/plugin/config' },
      event: 'edit',
      source: { kind: 'record', record, recordId: '12', revision: null },
    });
    expect(request.recordUrl).toBe('https://example.cybozu.com/k/guest/5/7/show#record=12');
  });
});
