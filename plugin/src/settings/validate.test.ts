import { RULE_LIMITS } from '@k2c/rules';
import { describe, expect, it } from 'vitest';
import { settingsMessages } from '../i18n/messages';
import {
  problemMessage,
  type SettingsField,
  type SettingsProblem,
  type SettingsProblemCode,
  unknownPlaceholders,
  type ValidationContext,
  validateSettings,
} from './validate';
import { DEFAULT_TEMPLATE, type SettingsFormValues } from './values';

const valid: SettingsFormValues = {
  relayUrl: 'https://relay.example.com/',
  connectionKey: ' k2c_abcdefghijklmnop ',
  ruleName: ' New inquiry ',
  events: ['edit', 'create'],
  roomId: ' 123456 ',
  template: '[info]{{title}} {{$recordUrl}}[/info]',
  enabled: true,
};

const context: ValidationContext = { hasStoredKey: false, appFieldCodes: ['title', 'detail'] };

function problems(values: Partial<SettingsFormValues>, overrides: Partial<ValidationContext> = {}): SettingsProblem[] {
  const result = validateSettings({ ...valid, ...values }, { ...context, ...overrides });
  return result.ok ? [] : result.problems;
}

describe('validateSettings', () => {
  it('accepts a complete form and normalises it', () => {
    expect(validateSettings(valid, context)).toEqual({
      ok: true,
      value: {
        relayUrl: 'https://relay.example.com',
        connectionKey: 'k2c_abcdefghijklmnop',
        ruleName: 'New inquiry',
        events: ['create', 'edit'],
        roomId: '123456',
        template: '[info]{{title}} {{$recordUrl}}[/info]',
        enabled: true,
      },
    });
  });

  it('accepts the default template', () => {
    expect(problems({ template: DEFAULT_TEMPLATE })).toEqual([]);
  });

  const cases: [Partial<SettingsFormValues>, SettingsField, SettingsProblemCode][] = [
    [{ relayUrl: '' }, 'relayUrl', 'relayUrlRequired'],
    [{ relayUrl: 'relay.example.com' }, 'relayUrl', 'relayUrlInvalid'],
    [{ relayUrl: 'http://relay.example.com' }, 'relayUrl', 'relayUrlInsecure'],
    [{ connectionKey: '' }, 'connectionKey', 'keyRequired'],
    [{ connectionKey: 'two words' }, 'connectionKey', 'keyInvalid'],
    [{ connectionKey: 'キー' }, 'connectionKey', 'keyInvalid'],
    [{ ruleName: 'x'.repeat(RULE_LIMITS.nameLength + 1) }, 'ruleName', 'nameTooLong'],
    [{ events: [] }, 'events', 'eventsRequired'],
    [{ roomId: '' }, 'roomId', 'roomIdInvalid'],
    [{ roomId: '12a' }, 'roomId', 'roomIdInvalid'],
    [{ roomId: '0123' }, 'roomId', 'roomIdInvalid'],
    [{ template: '  \n ' }, 'template', 'templateRequired'],
    [{ template: 'x'.repeat(RULE_LIMITS.templateLength + 1) }, 'template', 'templateTooLong'],
  ];

  it.each(cases)('reports %j as %s/%s', (values, field, code) => {
    expect(problems(values)).toEqual([{ field, code }]);
  });

  it('lets the key stay empty when one is stored', () => {
    const result = validateSettings({ ...valid, connectionKey: '' }, { ...context, hasStoredKey: true });
    expect(result.ok && result.value.connectionKey).toBeNull();
  });

  it('reports unknown placeholders by name', () => {
    expect(problems({ template: '{{title}} {{nope}} {{$nope}} {{nope}} {{ $appName }}' })).toEqual([
      { field: 'template', code: 'unknownPlaceholders', names: ['nope', '$nope'] },
    ]);
  });

  it('checks only built-ins when the app fields could not be loaded', () => {
    expect(problems({ template: '{{anything}} {{$appName}}' }, { appFieldCodes: null })).toEqual([]);
    expect(problems({ template: '{{$bogus}}' }, { appFieldCodes: null })).toEqual([
      { field: 'template', code: 'unknownPlaceholders', names: ['$bogus'] },
    ]);
  });

  it('reports every problem at once', () => {
    const all = problems({ relayUrl: '', connectionKey: '', events: [], roomId: 'x', template: '' });
    expect(all.map((problem) => problem.field)).toEqual(['relayUrl', 'connectionKey', 'events', 'roomId', 'template']);
  });
});

describe('unknownPlaceholders', () => {
  it('accepts every built-in', () => {
    const template =
      '{{$appName}}{{$appId}}{{$recordId}}{{$recordUrl}}{{$event}}{{$user}}{{$statusFrom}}{{$statusTo}}{{$action}}';
    expect(unknownPlaceholders(template, [])).toEqual([]);
  });
});

describe('problemMessage', () => {
  const codes: SettingsProblem[] = [
    { field: 'relayUrl', code: 'relayUrlRequired' },
    { field: 'relayUrl', code: 'relayUrlInvalid' },
    { field: 'relayUrl', code: 'relayUrlInsecure' },
    { field: 'connectionKey', code: 'keyRequired' },
    { field: 'connectionKey', code: 'keyInvalid' },
    { field: 'ruleName', code: 'nameTooLong' },
    { field: 'events', code: 'eventsRequired' },
    { field: 'roomId', code: 'roomIdInvalid' },
    { field: 'template', code: 'templateRequired' },
    { field: 'template', code: 'templateTooLong' },
    { field: 'template', code: 'unknownPlaceholders', names: ['nope'] },
  ];

  it.each(codes)('has a message for %j in both languages', (problem) => {
    const ja = problemMessage(problem, settingsMessages.ja);
    const en = problemMessage(problem, settingsMessages.en);
    expect(ja).not.toBe('');
    expect(en).not.toBe('');
    expect(ja).not.toBe(en);
  });

  it('fills in limits and names', () => {
    expect(problemMessage({ field: 'ruleName', code: 'nameTooLong' }, settingsMessages.en)).toContain('100');
    expect(problemMessage({ field: 'template', code: 'templateTooLong' }, settingsMessages.ja)).toContain('10000');
    expect(
      problemMessage({ field: 'template', code: 'unknownPlaceholders', names: ['a', '$b'] }, settingsMessages.en),
    ).toBe('{{a}}, {{$b}} are neither a field code of this app nor a built-in placeholder.');
    expect(problemMessage({ field: 'template', code: 'unknownPlaceholders', names: ['a'] }, settingsMessages.ja)).toBe(
      '「{{a}}」はこのアプリのフィールドコードでも組み込みの項目でもありません。',
    );
  });
});
