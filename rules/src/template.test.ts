import { describe, expect, it } from 'vitest';
import { parseTemplate, referencedFields, templateFields } from './template';
import type { RuleSet } from './types';

describe('templates', () => {
  it('splits text and placeholders, allowing spaces and Japanese field codes', () => {
    expect(parseTemplate('件名: {{ 件名 }} / {{$recordUrl}}')).toEqual([
      { kind: 'text', value: '件名: ' },
      { kind: 'placeholder', value: '件名' },
      { kind: 'text', value: ' / ' },
      { kind: 'placeholder', value: '$recordUrl' },
    ]);
  });

  it('lists the fields a template uses, once each, without built-ins', () => {
    expect(templateFields('{{a}} {{$appName}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });

  it('collects every field the enabled rules read', () => {
    const base = {
      name: '',
      events: ['edit' as const],
      roomId: '1',
      conditions: { match: 'all' as const, items: [{ field: 'priority', op: 'eq' as const, value: 'High' }] },
      mentions: { accountIds: [], toAll: false, userField: 'owner', userMap: {} },
    };
    const ruleSet: RuleSet = {
      version: 1,
      rules: [
        { ...base, id: 'a', enabled: true, template: '{{title}}', changedFields: ['status'] },
        { ...base, id: 'b', enabled: false, template: '{{secret}}', changedFields: [] },
      ],
    };
    expect(referencedFields(ruleSet)).toEqual(['title', 'priority', 'status', 'owner']);
  });
});
