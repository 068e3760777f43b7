import { describe, expect, it } from 'vitest';
import { changeableFields, matchesFieldQuery, parseFormFields, userFields } from './field-catalog';

const response = {
  properties: {
    レコード番号: { type: 'RECORD_NUMBER', code: 'レコード番号', label: 'レコード番号' },
    ステータス: { type: 'STATUS', code: 'ステータス', label: 'ステータス', enabled: false },
    作業者: { type: 'STATUS_ASSIGNEE', code: '作業者', label: '作業者', enabled: false },
    カテゴリー: { type: 'CATEGORY', code: 'カテゴリー', label: 'カテゴリー', enabled: false },
    title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
    priority: {
      type: 'DROP_DOWN',
      code: 'priority',
      label: '優先度',
      options: { 低: { label: '低', index: '2' }, 高: { label: '高', index: '0' }, 中: { label: '中', index: '1' } },
    },
    owner: { type: 'USER_SELECT', code: 'owner', label: '担当者' },
    total: { type: 'CALC', code: 'total', label: '' },
    note: { type: 'LABEL', label: 'Note' },
    items: { type: 'SUBTABLE', code: 'items', fields: { qty: { type: 'NUMBER', code: 'qty', label: '数量' } } },
  },
  revision: '3',
};

describe('parseFormFields', () => {
  const fields = parseFormFields(response) ?? [];

  it('lists top-level data fields, the app’s own first, without sub-table columns, layout or disabled process fields', () => {
    expect(fields.map((field) => field.code)).toEqual(['title', 'priority', 'owner', 'total', 'items', 'レコード番号']);
  });

  it('keeps labels (the code when empty), types and options in the form’s order', () => {
    expect(fields.find((field) => field.code === 'priority')).toEqual({
      code: 'priority',
      label: '優先度',
      type: 'DROP_DOWN',
      options: ['高', '中', '低'],
    });
    expect(fields.find((field) => field.code === 'total')?.label).toBe('total');
  });

  it('offers process-management fields when it is on', () => {
    const on = parseFormFields({ properties: { s: { type: 'STATUS', code: 's', label: 'S', enabled: true } } });
    expect(on?.map((field) => field.code)).toEqual(['s']);
  });

  it('is null for anything but a form-fields answer', () => {
    expect(parseFormFields({ message: 'denied' })).toBeNull();
    expect(parseFormFields(null)).toBeNull();
  });

  it('offers user-edited fields for "only when changed" and user lists for mentions', () => {
    expect(changeableFields(fields).map((field) => field.code)).toEqual(['title', 'priority', 'owner', 'items']);
    expect(userFields(fields).map((field) => field.code)).toEqual(['owner']);
  });

  it('searches label, code and type', () => {
    const [title] = fields;
    if (!title) throw new Error('no field');
    expect(matchesFieldQuery(title, '件')).toBe(true);
    expect(matchesFieldQuery(title, 'TIT')).toBe(true);
    expect(matchesFieldQuery(title, 'single_line')).toBe(true);
    expect(matchesFieldQuery(title, 'owner')).toBe(false);
    expect(matchesFieldQuery(title, '  ')).toBe(true);
  });
});
