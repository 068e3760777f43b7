import { isBuiltInPlaceholder, notificationEvents, parseTemplate, RULE_LIMITS } from '@k2c/rules';
import { parseRelayUrl } from '../config/relay-url';
import type { SettingsCatalogue } from '../i18n/messages';
import type { SettingsFormValues, ValidSettings } from './values';

export type SettingsField = 'relayUrl' | 'connectionKey' | 'ruleName' | 'events' | 'roomId' | 'template';

export type SettingsProblemCode = keyof SettingsCatalogue['errors'];

export interface SettingsProblem {
  field: SettingsField;
  code: SettingsProblemCode;
  /** For unknownPlaceholders: the offending names. */
  names?: string[];
}

export interface ValidationContext {
  /** A key is already stored in the proxy config, so the key input may stay empty. */
  hasStoredKey: boolean;
  /** Top-level field codes of the app; null when they could not be loaded (not checked then). */
  appFieldCodes: readonly string[] | null;
}

export type ValidationResult = { ok: true; value: ValidSettings } | { ok: false; problems: SettingsProblem[] };

const ROOM_ID = /^[1-9]\d{0,19}$/;
// The key travels in an HTTP header: printable ASCII without spaces only.
const KEY = /^[\x21-\x7e]+$/;

/** Placeholders that are neither built-ins nor (when known) fields of the app, each once. */
export function unknownPlaceholders(template: string, appFieldCodes: readonly string[] | null): string[] {
  const unknown = new Set<string>();
  for (const part of parseTemplate(template)) {
    if (part.kind !== 'placeholder') continue;
    const name = part.value;
    if (name.startsWith('$')) {
      if (!isBuiltInPlaceholder(name)) unknown.add(name);
    } else if (appFieldCodes !== null && !appFieldCodes.includes(name)) {
      unknown.add(name);
    }
  }
  return [...unknown];
}

export function validateSettings(values: SettingsFormValues, context: ValidationContext): ValidationResult {
  const problems: SettingsProblem[] = [];

  const relay = parseRelayUrl(values.relayUrl);
  if (!relay.ok) {
    const code = ({ required: 'relayUrlRequired', invalid: 'relayUrlInvalid', insecure: 'relayUrlInsecure' } as const)[
      relay.problem
    ];
    problems.push({ field: 'relayUrl', code });
  }

  const key = values.connectionKey.trim();
  if (key === '' && !context.hasStoredKey) problems.push({ field: 'connectionKey', code: 'keyRequired' });
  else if (key !== '' && !KEY.test(key)) problems.push({ field: 'connectionKey', code: 'keyInvalid' });

  const ruleName = values.ruleName.trim();
  if (ruleName.length > RULE_LIMITS.nameLength) problems.push({ field: 'ruleName', code: 'nameTooLong' });

  const events = notificationEvents.filter((event) => values.events.includes(event));
  if (events.length === 0) problems.push({ field: 'events', code: 'eventsRequired' });

  const roomId = values.roomId.trim();
  if (!ROOM_ID.test(roomId)) problems.push({ field: 'roomId', code: 'roomIdInvalid' });

  const template = values.template;
  if (template.trim() === '') {
    problems.push({ field: 'template', code: 'templateRequired' });
  } else if (template.length > RULE_LIMITS.templateLength) {
    problems.push({ field: 'template', code: 'templateTooLong' });
  } else {
    const names = unknownPlaceholders(template, context.appFieldCodes);
    if (names.length > 0) problems.push({ field: 'template', code: 'unknownPlaceholders', names });
  }

  if (problems.length > 0 || !relay.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      relayUrl: relay.url,
      connectionKey: key === '' ? null : key,
      ruleName,
      events,
      roomId,
      template,
      enabled: values.enabled,
    },
  };
}

/** The inline message for a problem, in the catalogue's language. */
export function problemMessage(problem: SettingsProblem, messages: SettingsCatalogue): string {
  const errors = messages.errors;
  switch (problem.code) {
    case 'nameTooLong':
      return errors.nameTooLong(RULE_LIMITS.nameLength);
    case 'templateTooLong':
      return errors.templateTooLong(RULE_LIMITS.templateLength);
    case 'unknownPlaceholders':
      return errors.unknownPlaceholders(problem.names ?? []);
    default:
      return errors[problem.code];
  }
}
