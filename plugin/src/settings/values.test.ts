import type { Rule } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import { readPluginConfig, writePluginConfig } from '../config/plugin-config';
import { DEFAULT_TEMPLATE, formValuesFromConfig, ruleSetFromForm, type ValidSettings } from './values';

const settings: ValidSettings = {
  relayUrl: 'https://relay.example.com',
  connectionKey: null,
  ruleName: 'Inquiry',
  events: ['create', 'status'],
  roomId: '42',
  template: '{{title}}',
  enabled: false,
};

const stored: Rule = {
  id: 'keep-me',
  name: 'Old',
  enabled: true,
  events: ['edit'],
  roomId: '1',
  template: 'old',
  conditions: { match: 'any', items: [{ field: 'priority', op: 'eq', value: 'High' }] },
  changedFields: ['title'],
  mentions: { accountIds: ['99'], toAll: true, userMap: {} },
};

describe('formValuesFromConfig', () => {
  it('offers defaults for a fresh plug-in', () => {
    expect(formValuesFromConfig(readPluginConfig(null))).toEqual({
      relayUrl: '',
      connectionKey: '',
      ruleName: '',
      events: ['create'],
      roomId: '',
      template: DEFAULT_TEMPLATE,
      enabled: true,
    });
  });

  it('shows exactly what was saved', () => {
    const ruleSet = ruleSetFromForm({ version: 1, rules: [] }, settings);
    const reopened = formValuesFromConfig(
      readPluginConfig(writePluginConfig({ relayUrl: settings.relayUrl, ruleSet, appName: 'App' })),
    );
    expect(reopened).toEqual({
      relayUrl: 'https://relay.example.com',
      connectionKey: '',
      ruleName: 'Inquiry',
      events: ['create', 'status'],
      roomId: '42',
      template: '{{title}}',
      enabled: false,
    });
  });
});

describe('ruleSetFromForm', () => {
  it('creates the first rule', () => {
    expect(ruleSetFromForm({ version: 1, rules: [] }, settings)).toEqual({
      version: 1,
      rules: [
        {
          id: 'r1',
          name: 'Inquiry',
          enabled: false,
          events: ['create', 'status'],
          roomId: '42',
          template: '{{title}}',
          conditions: { match: 'all', items: [] },
          changedFields: [],
          mentions: { accountIds: [], toAll: false, userMap: {} },
        },
      ],
    });
  });

  it('keeps what the minimal screen does not show, and further rules', () => {
    const other: Rule = { ...stored, id: 'second' };
    const result = ruleSetFromForm({ version: 1, rules: [stored, other] }, settings);
    expect(result.rules[0]).toEqual({
      ...stored,
      name: 'Inquiry',
      enabled: false,
      events: ['create', 'status'],
      roomId: '42',
      template: '{{title}}',
    });
    expect(result.rules[1]).toBe(other);
  });
});
