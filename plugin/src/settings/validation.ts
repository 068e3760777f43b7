import { isBuiltInPlaceholder, parseTemplate, RULE_LIMITS } from '@k2c/rules';
import { parseRelayUrl } from '../config/relay-url';
import { checkApiToken } from './api-token';
import { changeableFields, type FieldInfo, findField, userFields } from './field-catalog';
import { needsValue, operatorsFor } from './operators';
import type { RelayFailure, RoomInfo } from './relay-client';
import { canPost, findRoom } from './room-filter';
import { conditionValue, mentionIdList, type RuleDraft, ruleSetFromDrafts } from './rule-draft';

/** Where a problem is shown: a connection control, the rule list, or a control of one rule. */
export type ProblemKey =
  | 'relayUrl'
  | 'connectionKey'
  | 'apiToken'
  | 'rules'
  | 'name'
  | 'events'
  | 'room'
  | 'template'
  | 'conditions'
  | 'condition'
  | 'changedFields'
  | 'mentionIds'
  | 'userField'
  | 'userMap'
  | 'userMapRow';

export type ProblemCode =
  | 'relayUrlRequired'
  | 'relayUrlInvalid'
  | 'relayUrlInsecure'
  | 'relayUnreachable'
  | 'relayNotRelay'
  | 'relayUnexpected'
  | 'keyRequired'
  | 'keyInvalid'
  | 'keyRejected'
  | 'apiTokenInvalid'
  | 'apiTokenTooLong'
  | 'tooManyRules'
  | 'rulesTooLarge'
  | 'nameTooLong'
  | 'eventsRequired'
  | 'roomRequired'
  | 'roomIdInvalid'
  | 'roomUnknown'
  | 'roomReadonly'
  | 'templateRequired'
  | 'templateTooLong'
  | 'unknownPlaceholders'
  | 'tooManyConditions'
  | 'conditionFieldRequired'
  | 'conditionFieldUnknown'
  | 'conditionOpRequired'
  | 'conditionOpInvalid'
  | 'conditionValueRequired'
  | 'conditionValueTooLong'
  | 'conditionTooManyValues'
  | 'tooManyChangedFields'
  | 'changedFieldsUnknown'
  | 'mentionIdsInvalid'
  | 'tooManyMentionIds'
  | 'userFieldUnknown'
  | 'userMapCodeRequired'
  | 'userMapAccountInvalid'
  | 'userMapDuplicate'
  | 'tooManyUserMapRows'
  | 'relayIssue';

export interface Problem {
  key: ProblemKey;
  code: ProblemCode;
  /** Index of the rule, for rule-level keys. */
  rule?: number;
  /** Row of a condition or of the user map. */
  item?: number;
  /** Which control of the row: a condition's field/op/value, a user-map row's code/accountId. */
  part?: 'field' | 'op' | 'value' | 'code' | 'accountId';
  /** Names the message quotes: placeholders, ids, fields, a room. */
  names?: string[];
  /** Free text from the relay (relayIssue). */
  text?: string;
}

export interface SettingsInput {
  relayUrl: string;
  /** What is typed in the key input ('' = keep the stored key, when there is one). */
  keyInput: string;
  hasStoredKey: boolean;
  /** What the visible kintone API token input holds ('' = none typed; optional, checked when given). */
  apiTokenInput?: string;
  rules: readonly RuleDraft[];
}

export interface ValidationContext {
  /** The app's fields; null when they could not be loaded (field checks are then skipped). */
  fields: readonly FieldInfo[] | null;
  /** The ChatWork rooms; null when the list could not be loaded (room ids are then not looked up). */
  rooms: readonly RoomInfo[] | null;
}

export interface ValidationResult {
  problems: Problem[];
  /** The normalised relay URL, when it is valid. */
  relayUrl: string | null;
  /** The typed key trimmed, when one was typed and is valid. */
  typedKey: string | null;
}

const ROOM_ID = /^[1-9]\d{0,19}$/;
const ACCOUNT_ID = /^[1-9]\d{0,19}$/;
// The key travels in an HTTP header: printable ASCII without spaces only.
const KEY = /^[\x21-\x7e]+$/;
/** kintone keeps at most 65,535 characters per setConfig value. */
export const MAX_RULES_JSON = 65_535;

/** Placeholders that are neither built-ins nor (when known) fields of the app, each once. */
export function unknownPlaceholders(template: string, fieldCodes: readonly string[] | null): string[] {
  const unknown = new Set<string>();
  for (const part of parseTemplate(template)) {
    if (part.kind !== 'placeholder') continue;
    const name = part.value;
    if (name.startsWith('$')) {
      if (!isBuiltInPlaceholder(name)) unknown.add(name);
    } else if (fieldCodes !== null && !fieldCodes.includes(name)) {
      unknown.add(name);
    }
  }
  return [...unknown];
}

function validateConnection(
  input: SettingsInput,
  problems: Problem[],
): Pick<ValidationResult, 'relayUrl' | 'typedKey'> {
  const relay = parseRelayUrl(input.relayUrl);
  if (!relay.ok) {
    const code = ({ required: 'relayUrlRequired', invalid: 'relayUrlInvalid', insecure: 'relayUrlInsecure' } as const)[
      relay.problem
    ];
    problems.push({ key: 'relayUrl', code });
  }
  const key = input.keyInput.trim();
  let typedKey: string | null = null;
  if (key === '' && !input.hasStoredKey) problems.push({ key: 'connectionKey', code: 'keyRequired' });
  else if (key !== '' && !KEY.test(key)) problems.push({ key: 'connectionKey', code: 'keyInvalid' });
  else if (key !== '') typedKey = key;
  const token = checkApiToken(input.apiTokenInput ?? '');
  if (token === 'invalid') problems.push({ key: 'apiToken', code: 'apiTokenInvalid' });
  else if (token === 'tooLong') problems.push({ key: 'apiToken', code: 'apiTokenTooLong' });
  return { relayUrl: relay.ok ? relay.url : null, typedKey };
}

function validateConditions(rule: RuleDraft, index: number, fields: readonly FieldInfo[] | null, problems: Problem[]) {
  if (rule.conditions.length > RULE_LIMITS.conditions) {
    problems.push({ key: 'conditions', code: 'tooManyConditions', rule: index });
  }
  rule.conditions.forEach((condition, item) => {
    const at = { key: 'condition' as const, rule: index, item };
    const field = findField(fields, condition.field);
    if (condition.field === '') {
      problems.push({ ...at, part: 'field', code: 'conditionFieldRequired' });
      return;
    }
    if (fields !== null && (!field || operatorsFor(field.type).length === 0)) {
      problems.push({ ...at, part: 'field', code: 'conditionFieldUnknown', names: [condition.field] });
      return;
    }
    if (condition.op === '') {
      problems.push({ ...at, part: 'op', code: 'conditionOpRequired' });
      return;
    }
    if (field && !operatorsFor(field.type).includes(condition.op)) {
      problems.push({ ...at, part: 'op', code: 'conditionOpInvalid' });
      return;
    }
    if (!needsValue(condition.op)) return;
    const value = conditionValue(condition);
    const values = Array.isArray(value) ? value : [value ?? ''];
    if (values.length === 0 || values.every((item) => item.trim() === '')) {
      problems.push({ ...at, part: 'value', code: 'conditionValueRequired' });
    } else if (values.length > RULE_LIMITS.conditionValues) {
      problems.push({ ...at, part: 'value', code: 'conditionTooManyValues' });
    } else if (values.some((item) => item.length > RULE_LIMITS.conditionValueLength)) {
      problems.push({ ...at, part: 'value', code: 'conditionValueTooLong' });
    }
  });
}

function validateMentions(rule: RuleDraft, index: number, fields: readonly FieldInfo[] | null, problems: Problem[]) {
  const ids = mentionIdList(rule);
  const bad = ids.filter((id) => !ACCOUNT_ID.test(id));
  if (bad.length > 0) problems.push({ key: 'mentionIds', code: 'mentionIdsInvalid', rule: index, names: bad });
  else if (ids.length > RULE_LIMITS.mentionAccounts) {
    problems.push({ key: 'mentionIds', code: 'tooManyMentionIds', rule: index });
  }
  if (rule.userField !== '' && fields !== null && !userFields(fields).some((field) => field.code === rule.userField)) {
    problems.push({ key: 'userField', code: 'userFieldUnknown', rule: index, names: [rule.userField] });
  }
  const rows = rule.userMap.filter((row) => row.code.trim() !== '' || row.accountId.trim() !== '');
  if (rows.length > RULE_LIMITS.userMapEntries) {
    problems.push({ key: 'userMap', code: 'tooManyUserMapRows', rule: index });
  }
  const seen = new Set<string>();
  rule.userMap.forEach((row, item) => {
    const code = row.code.trim();
    const accountId = row.accountId.trim();
    if (code === '' && accountId === '') return;
    const at = { key: 'userMapRow' as const, rule: index, item };
    if (code === '') problems.push({ ...at, part: 'code', code: 'userMapCodeRequired' });
    else if (seen.has(code)) problems.push({ ...at, part: 'code', code: 'userMapDuplicate', names: [code] });
    else if (!ACCOUNT_ID.test(accountId)) problems.push({ ...at, part: 'accountId', code: 'userMapAccountInvalid' });
    seen.add(code);
  });
}

function validateRule(rule: RuleDraft, index: number, context: ValidationContext, problems: Problem[]): void {
  const { fields, rooms } = context;
  if (rule.name.trim().length > RULE_LIMITS.nameLength)
    problems.push({ key: 'name', code: 'nameTooLong', rule: index });
  if (rule.events.length === 0) problems.push({ key: 'events', code: 'eventsRequired', rule: index });

  const roomId = rule.roomId.trim();
  const room = findRoom(rooms, roomId);
  if (roomId === '') problems.push({ key: 'room', code: 'roomRequired', rule: index });
  else if (!ROOM_ID.test(roomId)) problems.push({ key: 'room', code: 'roomIdInvalid', rule: index });
  else if (rooms !== null && !room) problems.push({ key: 'room', code: 'roomUnknown', rule: index, names: [roomId] });
  else if (room && !canPost(room))
    problems.push({ key: 'room', code: 'roomReadonly', rule: index, names: [room.name] });

  if (rule.template.trim() === '') problems.push({ key: 'template', code: 'templateRequired', rule: index });
  else if (rule.template.length > RULE_LIMITS.templateLength) {
    problems.push({ key: 'template', code: 'templateTooLong', rule: index });
  } else {
    const names = unknownPlaceholders(rule.template, fields === null ? null : fields.map((field) => field.code));
    if (names.length > 0) problems.push({ key: 'template', code: 'unknownPlaceholders', rule: index, names });
  }

  validateConditions(rule, index, fields, problems);

  if (rule.changedFields.length > RULE_LIMITS.changedFields) {
    problems.push({ key: 'changedFields', code: 'tooManyChangedFields', rule: index });
  } else if (fields !== null) {
    const known = new Set(changeableFields(fields).map((field) => field.code));
    const unknown = rule.changedFields.filter((code) => !known.has(code));
    if (unknown.length > 0)
      problems.push({ key: 'changedFields', code: 'changedFieldsUnknown', rule: index, names: unknown });
  }

  validateMentions(rule, index, fields, problems);
}

/** Everything that can be checked without asking the relay, in screen order. */
export function validateSettings(input: SettingsInput, context: ValidationContext): ValidationResult {
  const problems: Problem[] = [];
  const connection = validateConnection(input, problems);
  if (input.rules.length > RULE_LIMITS.rules) problems.push({ key: 'rules', code: 'tooManyRules' });
  else if (JSON.stringify(ruleSetFromDrafts(input.rules)).length > MAX_RULES_JSON) {
    problems.push({ key: 'rules', code: 'rulesTooLarge' });
  }
  input.rules.forEach((rule, index) => {
    validateRule(rule, index, context, problems);
  });
  return { problems, ...connection };
}

/**
 * What a failed `GET /v1/connection` means for Save: an unreachable relay (transport failure,
 * 5xx, not a relay) is shown on the URL, a rejected key on the key. Other answers (e.g. an
 * inactive plan) do not make the settings wrong, so they do not block.
 */
export function connectionProblems(failure: RelayFailure): Problem[] {
  switch (failure.kind) {
    case 'unreachable':
    case 'server':
      return [{ key: 'relayUrl', code: 'relayUnreachable' }];
    case 'not_relay':
      return [{ key: 'relayUrl', code: 'relayNotRelay' }];
    case 'unexpected':
      return [{ key: 'relayUrl', code: 'relayUnexpected' }];
    case 'unauthorized':
      return [{ key: 'connectionKey', code: 'keyRejected' }];
    case 'error':
      return [];
  }
}

const RULE_PATH = /^rules\[(\d+)\](?:\.(.*))?$/;

/**
 * Maps the relay's `invalid_rules` issues (`rules[0].roomId`, `rules[1].conditions.items[2].op`)
 * back to the controls of the rule editor; anything unrecognised lands on the rule list.
 */
export function problemsFromIssues(issues: readonly { path: string; message: string }[]): Problem[] {
  return issues.map((issue) => {
    const match = RULE_PATH.exec(issue.path);
    const base = { code: 'relayIssue' as const, text: issue.message, names: [issue.path] };
    if (!match) return { ...base, key: 'rules' as const };
    const rule = Number(match[1]);
    const rest = match[2] ?? '';
    const condition = /^conditions\.items\[(\d+)\](?:\.(field|op|value))?/.exec(rest);
    if (condition) {
      const part = (condition[2] ?? 'field') as 'field' | 'op' | 'value';
      return { ...base, key: 'condition' as const, rule, item: Number(condition[1]), part };
    }
    const keyByPrefix: [string, ProblemKey][] = [
      ['name', 'name'],
      ['events', 'events'],
      ['roomId', 'room'],
      ['template', 'template'],
      ['conditions', 'conditions'],
      ['changedFields', 'changedFields'],
      ['mentions.accountIds', 'mentionIds'],
      ['mentions.toAll', 'mentionIds'],
      ['mentions.userField', 'userField'],
      ['mentions.userMap', 'userMap'],
    ];
    const found = keyByPrefix.find(
      ([prefix]) => rest === prefix || rest.startsWith(`${prefix}.`) || rest.startsWith(`${prefix}[`),
    );
    return { ...base, key: found ? found[1] : ('name' as const), rule };
  });
}
