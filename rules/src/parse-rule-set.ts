import { RULE_LIMITS } from './limits';
import type { Issue, ParseResult } from './parse-result';
import {
  type Condition,
  type ConditionOperator,
  type Conditions,
  conditionOperators,
  type Mentions,
  type NotificationEvent,
  notificationEvents,
  type Rule,
  type RuleSet,
} from './types';

const ROOM_ID = /^[1-9]\d{0,19}$/;
const ACCOUNT_ID = /^[1-9]\d{0,19}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Reader {
  readonly issues: Issue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  string(value: unknown, path: string, max: number, { required = true } = {}): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'must be a string');
    if (required && value.trim() === '') return this.fail(path, 'must not be empty');
    if (value.length > max) return this.fail(path, `must be at most ${max} characters`);
    return value;
  }

  stringList(value: unknown, path: string, maxItems: number, maxLength: number): string[] | undefined {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.fail(path, 'must be a list of strings');
    if (value.length > maxItems) return this.fail(path, `must have at most ${maxItems} items`);
    const items: string[] = [];
    value.forEach((item, index) => {
      const parsed = this.string(item, `${path}[${index}]`, maxLength);
      if (parsed !== undefined) items.push(parsed);
    });
    return items;
  }
}

function readEvents(reader: Reader, value: unknown, path: string): NotificationEvent[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return reader.fail(path, 'must list at least one event');
  const events = new Set<NotificationEvent>();
  for (const [index, event] of value.entries()) {
    if (!notificationEvents.includes(event as NotificationEvent)) {
      reader.fail(`${path}[${index}]`, `must be one of ${notificationEvents.join(', ')}`);
    } else {
      events.add(event as NotificationEvent);
    }
  }
  return [...events];
}

function readCondition(reader: Reader, value: unknown, path: string): Condition | undefined {
  if (!isObject(value)) return reader.fail(path, 'must be an object');
  const field = reader.string(value.field, `${path}.field`, RULE_LIMITS.fieldCodeLength);
  const op = value.op as ConditionOperator;
  if (!conditionOperators.includes(op)) {
    return reader.fail(`${path}.op`, `must be one of ${conditionOperators.join(', ')}`);
  }
  if (field === undefined) return undefined;
  if (op === 'empty' || op === 'not_empty') return { field, op };
  if (op === 'in') {
    const values = reader.stringList(
      value.value,
      `${path}.value`,
      RULE_LIMITS.conditionValues,
      RULE_LIMITS.conditionValueLength,
    );
    if (values === undefined) return undefined;
    if (values.length === 0) return reader.fail(`${path}.value`, 'must list at least one value');
    return { field, op, value: values };
  }
  const single = reader.string(value.value, `${path}.value`, RULE_LIMITS.conditionValueLength, { required: false });
  return single === undefined ? undefined : { field, op, value: single };
}

function readConditions(reader: Reader, value: unknown, path: string): Conditions | undefined {
  if (value === undefined) return { match: 'all', items: [] };
  if (!isObject(value)) return reader.fail(path, 'must be an object');
  const match = value.match ?? 'all';
  if (match !== 'all' && match !== 'any') return reader.fail(`${path}.match`, 'must be "all" or "any"');
  const rawItems = value.items ?? [];
  if (!Array.isArray(rawItems)) return reader.fail(`${path}.items`, 'must be a list');
  if (rawItems.length > RULE_LIMITS.conditions) {
    return reader.fail(`${path}.items`, `must have at most ${RULE_LIMITS.conditions} conditions`);
  }
  const items: Condition[] = [];
  rawItems.forEach((item, index) => {
    const condition = readCondition(reader, item, `${path}.items[${index}]`);
    if (condition) items.push(condition);
  });
  return { match, items };
}

function readMentions(reader: Reader, value: unknown, path: string): Mentions | undefined {
  if (value === undefined) return { accountIds: [], toAll: false, userMap: {} };
  if (!isObject(value)) return reader.fail(path, 'must be an object');
  const accountIds = reader.stringList(value.accountIds, `${path}.accountIds`, RULE_LIMITS.mentionAccounts, 20) ?? [];
  accountIds.forEach((id, index) => {
    if (!ACCOUNT_ID.test(id)) reader.fail(`${path}.accountIds[${index}]`, 'must be a ChatWork account id (digits)');
  });
  const toAll = value.toAll ?? false;
  if (typeof toAll !== 'boolean') reader.fail(`${path}.toAll`, 'must be true or false');
  const mentions: Mentions = { accountIds, toAll: toAll === true, userMap: {} };
  if (value.userField !== undefined && value.userField !== '') {
    const userField = reader.string(value.userField, `${path}.userField`, RULE_LIMITS.fieldCodeLength);
    if (userField !== undefined) mentions.userField = userField;
  }
  const userMap = value.userMap ?? {};
  if (!isObject(userMap)) {
    reader.fail(`${path}.userMap`, 'must map kintone user codes to ChatWork account ids');
  } else {
    const entries = Object.entries(userMap);
    if (entries.length > RULE_LIMITS.userMapEntries) {
      reader.fail(`${path}.userMap`, `must have at most ${RULE_LIMITS.userMapEntries} entries`);
    }
    for (const [code, accountId] of entries) {
      if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
        reader.fail(`${path}.userMap.${code}`, 'must be a ChatWork account id (digits)');
      } else {
        mentions.userMap[code] = accountId;
      }
    }
  }
  return mentions;
}

function readRule(reader: Reader, value: unknown, path: string): Rule | undefined {
  if (!isObject(value)) return reader.fail(path, 'must be an object');
  const before = reader.issues.length;
  const id = reader.string(value.id, `${path}.id`, RULE_LIMITS.idLength);
  const name = reader.string(value.name ?? '', `${path}.name`, RULE_LIMITS.nameLength, { required: false });
  const enabled = value.enabled ?? true;
  if (typeof enabled !== 'boolean') reader.fail(`${path}.enabled`, 'must be true or false');
  const events = readEvents(reader, value.events, `${path}.events`);
  const roomId = typeof value.roomId === 'number' ? String(value.roomId) : value.roomId;
  if (typeof roomId !== 'string' || !ROOM_ID.test(roomId)) reader.fail(`${path}.roomId`, 'must be a ChatWork room id');
  const template = reader.string(value.template, `${path}.template`, RULE_LIMITS.templateLength);
  const conditions = readConditions(reader, value.conditions, `${path}.conditions`);
  const changedFields = reader.stringList(
    value.changedFields,
    `${path}.changedFields`,
    RULE_LIMITS.changedFields,
    RULE_LIMITS.fieldCodeLength,
  );
  const mentions = readMentions(reader, value.mentions, `${path}.mentions`);
  if (reader.issues.length > before) return undefined;
  return {
    id: id as string,
    name: name as string,
    enabled: enabled as boolean,
    events: events as NotificationEvent[],
    roomId: roomId as string,
    template: template as string,
    conditions: conditions as Conditions,
    changedFields: changedFields as string[],
    mentions: mentions as Mentions,
  };
}

/**
 * Reads a RuleSet from untrusted JSON (already parsed), filling defaults for optional parts.
 * Every problem is reported with its path, not only the first.
 */
export function parseRuleSet(value: unknown): ParseResult<RuleSet> {
  const reader = new Reader();
  if (!isObject(value)) return { ok: false, issues: [{ path: '', message: 'must be an object' }] };
  if (value.version !== 1) reader.fail('version', 'must be 1');
  if (!Array.isArray(value.rules)) {
    reader.fail('rules', 'must be a list');
    return { ok: false, issues: reader.issues };
  }
  if (value.rules.length > RULE_LIMITS.rules) reader.fail('rules', `must have at most ${RULE_LIMITS.rules} rules`);
  const rules: Rule[] = [];
  const seenIds = new Set<string>();
  value.rules.forEach((raw, index) => {
    const rule = readRule(reader, raw, `rules[${index}]`);
    if (!rule) return;
    if (seenIds.has(rule.id)) reader.fail(`rules[${index}].id`, 'must be unique');
    seenIds.add(rule.id);
    rules.push(rule);
  });
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  return { ok: true, value: { version: 1, rules } };
}

/** Same as parseRuleSet, from the JSON text kintone stores. */
export function parseRuleSetJson(text: string): ParseResult<RuleSet> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'is not valid JSON' }] };
  }
  return parseRuleSet(value);
}
