import type { RuleSet } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import {
  type ConfigMigration,
  CURRENT_SCHEMA_VERSION,
  migrateRawConfig,
  readPluginConfig,
  readRuntimeConfig,
  writePluginConfig,
} from './plugin-config';

const ruleSet: RuleSet = {
  version: 1,
  rules: [
    {
      id: 'r1',
      name: 'New inquiry',
      enabled: true,
      events: ['create', 'edit'],
      roomId: '123456789',
      template: '[info][title]{{$appName}}: {{title}}[/title]{{detail}}\n{{$recordUrl}}[/info]',
      conditions: { match: 'all', items: [{ field: 'priority', op: 'eq', value: 'High' }] },
      changedFields: ['status_note'],
      mentions: { accountIds: ['1234567'], toAll: false, userField: 'owner', userMap: { sato: '7654321' } },
    },
    {
      id: 'r2',
      name: 'Disabled',
      enabled: false,
      events: ['status'],
      roomId: '42',
      template: '{{secret}}',
      conditions: { match: 'all', items: [] },
      changedFields: [],
      mentions: { accountIds: [], toAll: false, userMap: {} },
    },
  ],
};

describe('writePluginConfig', () => {
  it('produces exactly the contract-1 keys, all strings', () => {
    const raw = writePluginConfig({ relayUrl: 'https://relay.example.com', ruleSet, appName: 'Inquiries' });
    expect(Object.keys(raw).sort()).toEqual(['appName', 'fields', 'relayUrl', 'rules', 'schemaVersion']);
    expect(raw.schemaVersion).toBe('1');
    expect(raw.appName).toBe('Inquiries');
    expect(JSON.parse(raw.rules as string)).toEqual(ruleSet);
  });

  it('derives fields from the enabled rules (placeholders, conditions, changed fields, mention field)', () => {
    const raw = writePluginConfig({ relayUrl: 'https://relay.example.com', ruleSet, appName: '' });
    expect(JSON.parse(raw.fields as string)).toEqual(['title', 'detail', 'priority', 'status_note', 'owner']);
  });

  it('removes trailing slashes from the relay URL', () => {
    expect(writePluginConfig({ relayUrl: 'https://relay.example.com/base//', ruleSet, appName: '' }).relayUrl).toBe(
      'https://relay.example.com/base',
    );
  });
});

describe('readPluginConfig', () => {
  it('round-trips what writePluginConfig stored', () => {
    const input = { relayUrl: 'https://relay.example.com/k2c', ruleSet, appName: 'Inquiries' };
    const config = readPluginConfig(writePluginConfig(input));
    expect(config).toEqual({
      schemaVersion: '1',
      relayUrl: 'https://relay.example.com/k2c',
      ruleSet,
      fields: ['title', 'detail', 'priority', 'status_note', 'owner'],
      appName: 'Inquiries',
      rulesUnreadable: false,
      unknownSchemaVersion: false,
    });
  });

  it('gives defaults for a missing config', () => {
    for (const raw of [null, undefined, {}]) {
      expect(readPluginConfig(raw)).toEqual({
        schemaVersion: '1',
        relayUrl: '',
        ruleSet: { version: 1, rules: [] },
        fields: [],
        appName: '',
        rulesUnreadable: false,
        unknownSchemaVersion: false,
      });
    }
  });

  it('turns unparseable rules into an empty rule set plus a flag, without throwing', () => {
    for (const rules of ['{not json', '[]', '{"version":2,"rules":[]}', '{"version":1,"rules":[{"id":"x"}]}']) {
      const config = readPluginConfig({ schemaVersion: '1', relayUrl: 'https://relay.example.com', rules });
      expect(config.ruleSet).toEqual({ version: 1, rules: [] });
      expect(config.fields).toEqual([]);
      expect(config.rulesUnreadable).toBe(true);
    }
  });

  it('normalises a stored trailing slash', () => {
    expect(readPluginConfig({ relayUrl: 'https://relay.example.com/' }).relayUrl).toBe('https://relay.example.com');
  });

  it('derives fields from the rules instead of trusting the stored list', () => {
    const raw = writePluginConfig({ relayUrl: 'https://relay.example.com', ruleSet, appName: '' });
    const config = readPluginConfig({ ...raw, fields: JSON.stringify(['title', 'salary']) });
    expect(config.fields).not.toContain('salary');
    expect(config.fields).toEqual(['title', 'detail', 'priority', 'status_note', 'owner']);
  });

  it('flags a schema version it cannot migrate from', () => {
    const config = readPluginConfig({ schemaVersion: '9', relayUrl: 'https://relay.example.com' });
    expect(config.unknownSchemaVersion).toBe(true);
    expect(config.relayUrl).toBe('https://relay.example.com');
  });
});

describe('migrateRawConfig', () => {
  const toV2: ConfigMigration = {
    from: '1',
    to: '2',
    migrate: ({ relayUrl = '', ...rest }) => ({ ...rest, relayBase: relayUrl }),
  };
  const toV3: ConfigMigration = { from: '2', to: '3', migrate: (raw) => ({ ...raw, extra: 'added in 3' }) };

  it('is a no-op for the current version', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe('1');
    expect(migrateRawConfig({ schemaVersion: '1', relayUrl: 'x' })).toEqual({
      raw: { schemaVersion: '1', relayUrl: 'x' },
      known: true,
    });
  });

  it('reads a config without schemaVersion as version 1', () => {
    expect(migrateRawConfig({ relayUrl: 'x' }, [toV2], '2')).toEqual({
      raw: { schemaVersion: '2', relayBase: 'x' },
      known: true,
    });
  });

  it('applies migrations in sequence up to the target', () => {
    expect(migrateRawConfig({ schemaVersion: '1', relayUrl: 'x' }, [toV3, toV2], '3')).toEqual({
      raw: { schemaVersion: '3', relayBase: 'x', extra: 'added in 3' },
      known: true,
    });
  });

  it('stops on a version without a migration or on a cycle', () => {
    expect(migrateRawConfig({ schemaVersion: '0' }, [toV2], '2').known).toBe(false);
    const back: ConfigMigration = { from: '2', to: '1', migrate: (raw) => raw };
    expect(migrateRawConfig({ schemaVersion: '1' }, [toV2, back], '3').known).toBe(false);
  });
});

describe('readRuntimeConfig', () => {
  it('agrees with the full reader on what writePluginConfig stored', () => {
    const raw = writePluginConfig({ relayUrl: 'https://relay.example.com/', ruleSet, appName: 'A' });
    const full = readPluginConfig(raw);
    expect(readRuntimeConfig(raw)).toEqual({
      relayUrl: full.relayUrl,
      // r2 listens to status but is disabled.
      events: ['create', 'edit'],
      fields: full.fields,
    });
  });

  it('reads events of enabled rules only, a missing "enabled" counting as enabled', () => {
    const rules = JSON.stringify({
      version: 1,
      rules: [
        { id: 'a', enabled: false, events: ['create'] },
        { id: 'b', events: ['status', 'delete'] },
        { id: 'c', enabled: true, events: 'edit' },
        'junk',
      ],
    });
    expect(readRuntimeConfig({ relayUrl: 'https://r.example.com', rules }).events).toEqual(['status']);
  });

  it('sends the stored fields list, strings only', () => {
    const raw = { relayUrl: 'https://r.example.com', rules: '{}', fields: '["title", 3, "owner"]' };
    expect(readRuntimeConfig(raw).fields).toEqual(['title', 'owner']);
    expect(readRuntimeConfig({ ...raw, fields: '{bad' }).fields).toEqual([]);
  });

  it('listens to nothing when the config is missing or unreadable', () => {
    expect(readRuntimeConfig(null)).toEqual({ relayUrl: '', events: [], fields: [] });
    expect(readRuntimeConfig({ rules: '{not json' }).events).toEqual([]);
    expect(readRuntimeConfig({ rules: '{"version":2,"rules":[{"events":["create"]}]}' }).events).toEqual([]);
  });
});
