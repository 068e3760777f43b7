import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate-rules';
import { formatField } from './format-field';
import { neutraliseNotation } from './neutralise-notation';
import { type NotificationContext, renderMessage, truncateMessage } from './render-message';
import type { Rule } from './types';

const rule: Rule = {
  id: 'r1',
  name: 'n',
  enabled: true,
  events: ['create', 'edit'],
  roomId: '1',
  template: '{{$event}} {{title}} by {{$user}} ({{$appName}} #{{$recordId}}) {{unknown}}',
  conditions: { match: 'all', items: [] },
  changedFields: [],
  mentions: { accountIds: ['100'], toAll: false, userField: 'owner', userMap: { sato: '200', tanaka: '100' } },
};
const context: NotificationContext = {
  event: 'create',
  appId: '5',
  appName: '案件',
  recordId: '9',
  recordUrl: 'https://x.cybozu.com/k/5/show#record=9',
  record: {
    title: { type: 'SINGLE_LINE_TEXT', value: 'A[hr]B' },
    owner: {
      type: 'USER_SELECT',
      value: [
        { code: 'sato', name: '佐藤' },
        { code: 'tanaka', name: '田中' },
        { code: 'x', name: 'X' },
      ],
    },
  },
  user: { code: 'sato', name: '佐藤[toall]' },
};
const ja = { locale: 'ja' as const, timeZone: 'Asia/Tokyo' };

describe('renderMessage', () => {
  it('fills placeholders, neutralises values and mentions each account once', () => {
    expect(renderMessage(rule, context, ja)).toBe('[To:100] [To:200]\n新規作成 A［hr]B by 佐藤［toall] (案件 #9) ');
  });

  it('drops control characters that PostgreSQL or ChatWork cannot take, keeping tabs and line breaks', () => {
    const withControls: NotificationContext = {
      ...context,
      record: { ...context.record, title: { type: 'MULTI_LINE_TEXT', value: 'a\u0000b\u0007c\td\r\ne\u007f' } },
    };
    const body = renderMessage(
      { ...rule, template: '{{title}}', mentions: { ...rule.mentions, accountIds: [] } },
      withControls,
      ja,
    );
    expect(body.split('\n').slice(1).join('\n')).toBe('abc\td\r\ne');
  });

  it('writes member names after mention tags when they are known', () => {
    const body = renderMessage({ ...rule, mentions: { ...rule.mentions, toAll: true } }, context, {
      ...ja,
      memberNames: { '100': '田中', '200': '佐藤' },
    });
    expect(body.split('\n')[0]).toBe('[toall] [To:100]田中さん [To:200]佐藤さん');
  });
});

describe('evaluateRules', () => {
  it('skips disabled rules, other events, failed conditions and unchanged fields', () => {
    const rules = [
      rule,
      { ...rule, id: 'off', enabled: false },
      { ...rule, id: 'status', events: ['status' as const] },
      {
        ...rule,
        id: 'cond',
        conditions: { match: 'all' as const, items: [{ field: 'title', op: 'eq' as const, value: 'no' }] },
      },
      { ...rule, id: 'changed', changedFields: ['title'] },
    ];
    const edit = {
      ...context,
      event: 'edit' as const,
      previous: { title: { type: 'SINGLE_LINE_TEXT', value: 'A[hr]B' } },
    };
    expect(evaluateRules({ version: 1, rules }, edit, ja).map((message) => message.rule.id)).toEqual(['r1']);
    const changedEdit = { ...edit, previous: { title: { type: 'SINGLE_LINE_TEXT', value: 'old' } } };
    expect(evaluateRules({ version: 1, rules }, changedEdit, ja).map((message) => message.rule.id)).toEqual([
      'r1',
      'changed',
    ]);
  });
});

describe('formatField', () => {
  it.each([
    [{ type: 'CHECK_BOX', value: ['a', 'b'] }, 'a、b'],
    [{ type: 'ORGANIZATION_SELECT', value: [{ code: 'sales', name: '営業部' }] }, '営業部'],
    [{ type: 'CREATOR', value: { code: 'sato', name: '佐藤' } }, '佐藤'],
    [{ type: 'FILE', value: [{ name: 'a.pdf' }, { name: 'b.png' }] }, 'a.pdf、b.png'],
    [
      {
        type: 'SUBTABLE',
        value: [
          { id: '1', value: {} },
          { id: '2', value: {} },
        ],
      },
      '2行',
    ],
    [{ type: 'DATETIME', value: '2026-12-04T15:30:00Z' }, '2026-12-05 00:30'],
    [{ type: 'DATE', value: '2026-12-04' }, '2026-12-04'],
    [{ type: 'RICH_TEXT', value: '<p>Hello&nbsp;<b>world</b></p><div>&lt;tag&gt;</div>' }, 'Hello world\n<tag>'],
    [{ type: 'NUMBER', value: '' }, ''],
    [{ type: 'CALC', value: '2026-12-04T00:00:00Z' }, '2026-12-04 09:00'],
    [{ type: 'CALC', value: '1234.5' }, '1234.5'],
    [{ type: 'LINK', value: 'https://example.com/a' }, 'https://example.com/a'],
    [{ type: 'STATUS', value: '対応中' }, '対応中'],
  ])('%j → %s', (field, expected) => expect(formatField(field, ja)).toBe(expected));

  it('uses English separators and plurals for English messages', () => {
    const en = { locale: 'en' as const, timeZone: 'UTC' };
    expect(formatField({ type: 'SUBTABLE', value: [{}] }, en)).toBe('1 row');
    expect(formatField({ type: 'MULTI_SELECT', value: ['a', 'b'] }, en)).toBe('a, b');
  });
});

describe('neutraliseNotation', () => {
  it('defuses anything that could open, close or add a tag, and leaves other brackets alone', () => {
    expect(neutraliseNotation('[To:1][/info][toall][picon:2][1] a[b')).toBe(
      '［To:1]［/info]［toall]［picon:2][1] a［b',
    );
  });
});

describe('truncateMessage', () => {
  it('keeps short messages and cuts long ones with a visible marker', () => {
    expect(truncateMessage('short', 100)).toBe('short');
    const cut = truncateMessage('x'.repeat(200), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toContain('省略');
  });
});

describe('nameMentions', () => {
  it('names bare mentions on the first line only, neutralising the names', async () => {
    const { mentionedIds, nameMentions } = await import('./member-names');
    const body = '[toall] [To:1] [To:2] [To:3]\n本文 [To:1]';
    expect(mentionedIds(body)).toEqual(['1', '2', '3']);
    expect(nameMentions(body, { '1': '山田', '2': '[info]x' }, 'ja')).toBe(
      '[toall] [To:1]山田さん [To:2]［info]xさん [To:3]\n本文 [To:1]',
    );
    expect(nameMentions('[To:1]Taro already named', { '1': 'X' }, 'en')).toBe('[To:1]Taro already named');
  });
});
