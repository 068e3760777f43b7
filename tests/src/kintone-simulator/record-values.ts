import { builtInCodes, dataFields, defaultValue } from './fields';
import { isObject } from './guards';
import { type FieldErrors, kintoneErrors } from './kintone-error';
import { type AppState, type StoredRecord, utcMinute } from './state';
import type { KintoneRecord, SimField, SimUser } from './types';

type StoredValues = StoredRecord['values'];

interface ValueContext {
  users: SimUser[];
  errors: FieldErrors;
  nextRowId: () => number;
}

const TEXT_TYPES = new Set(['SINGLE_LINE_TEXT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'LINK']);
const MULTI_CHOICE_TYPES = new Set(['CHECK_BOX', 'MULTI_SELECT']);
const ENTITY_TYPES = new Set(['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT']);
// Computed by kintone; a value sent for them is ignored, as kintone does.
const READ_ONLY_TYPES = new Set(['CALC']);

/**
 * Turns a REST `record` parameter into stored values, validating like kintone: unknown codes fail with
 * GAIA_FC01, bad values with CB_VA01 and kintone's error keys. `base` holds the current values on update
 * (PUT merges the sent fields into them; defaults apply only on create, as on kintone).
 */
export function buildValues(appState: AppState, input: unknown, users: SimUser[], base?: StoredValues): StoredValues {
  if (input === undefined && base) return structuredClone(base);
  if (!isObject(input)) throw kintoneErrors.validation({ record: { messages: ['必須です。'] } });
  const { app } = appState;
  const ignored = new Set<string>(['$id', '$revision', ...Object.values(builtInCodes(app))]);
  const fields = new Map(dataFields(app).map((field) => [field.code, field]));
  for (const code of Object.keys(input)) {
    if (!fields.has(code) && !ignored.has(code)) throw kintoneErrors.fieldNotFound(code);
  }
  const context: ValueContext = { users, errors: {}, nextRowId: () => appState.nextRowId++ };
  const values: StoredValues = {};
  for (const field of fields.values()) {
    const sent = input[field.code];
    const previous = base?.[field.code]?.value;
    let value: unknown;
    if (sent === undefined || READ_ONLY_TYPES.has(field.type)) {
      value = base ? previous : defaultValue(field);
    } else if (!isObject(sent)) {
      context.errors[`record.${field.code}`] = { messages: ['値の形式が正しくありません。'] };
      continue;
    } else {
      value = normalizeValue(field, sent.value, `record.${field.code}`, context, previous);
    }
    values[field.code] = { type: field.type, value: value ?? defaultValue(field) };
    if (field.required && isEmpty(values[field.code]?.value)) {
      context.errors[`record.${field.code}.${valueSuffix(field.type)}`] = { messages: ['必須です。'] };
    }
  }
  if (Object.keys(context.errors).length > 0) throw kintoneErrors.validation(context.errors);
  return values;
}

/** A stored record in kintone's field format, built-in fields included. */
export function formatRecord(appState: AppState, record: StoredRecord): KintoneRecord {
  const codes = builtInCodes(appState.app);
  const formatted: KintoneRecord = {
    ...structuredClone(record.values),
    $id: { type: '__ID__', value: String(record.id) },
    $revision: { type: '__REVISION__', value: String(record.revision) },
    [codes.RECORD_NUMBER]: { type: 'RECORD_NUMBER', value: String(record.id) },
    [codes.CREATOR]: { type: 'CREATOR', value: { ...record.creator } },
    [codes.CREATED_TIME]: { type: 'CREATED_TIME', value: record.createdAt },
    [codes.MODIFIER]: { type: 'MODIFIER', value: { ...record.modifier } },
    [codes.UPDATED_TIME]: { type: 'UPDATED_TIME', value: record.updatedAt },
    [codes.CATEGORY]: { type: 'CATEGORY', value: [] },
  };
  if (appState.app.process) {
    formatted[codes.STATUS] = { type: 'STATUS', value: record.status ?? '' };
    formatted[codes.STATUS_ASSIGNEE] = { type: 'STATUS_ASSIGNEE', value: [] };
  }
  return formatted;
}

function normalizeValue(
  field: SimField,
  raw: unknown,
  path: string,
  context: ValueContext,
  previous: unknown,
): unknown {
  const fail = (key: string, message: string) => {
    context.errors[key] = { messages: [...(context.errors[key]?.messages ?? []), message] };
    return undefined;
  };
  const text = raw === null || raw === undefined ? '' : raw;
  if (TEXT_TYPES.has(field.type)) {
    return typeof text === 'string' ? text : fail(`${path}.value`, '文字列でなければなりません。');
  }
  switch (field.type) {
    case 'NUMBER': {
      if (text === '') return '';
      const number = typeof text === 'number' || typeof text === 'string' ? Number(text) : Number.NaN;
      if (String(text).trim() === '' || !Number.isFinite(number)) {
        return fail(path.replace(/^record\.(.+)$/, 'record[$1]').concat('.value'), '数字でなければなりません。');
      }
      // kintone stores the parsed number ("1.5e1" → "15", " 42 " → "42").
      return String(number);
    }
    case 'DATE':
      return text === '' || (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && isValidDate(text))
        ? text
        : fail(`${path}.value`, '日付の形式が正しくありません。');
    case 'TIME':
      return text === '' || (typeof text === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(text))
        ? String(text).slice(0, 5)
        : fail(`${path}.value`, '時刻の形式が正しくありません。');
    case 'DATETIME':
      return normalizeDateTime(text) ?? fail(`${path}.value`, '日時の形式が正しくありません。');
    case 'DROP_DOWN':
    case 'RADIO_BUTTON':
      if (text === '' || (typeof text === 'string' && field.options?.includes(text))) return text;
      return fail(`${path}.value`, `"${String(text)}"は選択肢にありません。`);
    case 'FILE':
      // Uploads are not simulated: only "no files" can be written.
      return Array.isArray(text) && text.length === 0
        ? []
        : fail(`${path}.value`, 'The simulator does not support file uploads.');
    case 'SUBTABLE':
      return normalizeRows(field, text, path, context, previous);
    default:
      break;
  }
  if (MULTI_CHOICE_TYPES.has(field.type)) {
    if (!Array.isArray(text)) return fail(`${path}.values`, '配列でなければなりません。');
    text.forEach((item, index) => {
      if (typeof item !== 'string' || !field.options?.includes(item)) {
        fail(`${path}.values[${index}].value`, `"${String(item)}"は選択肢にありません。`);
      }
    });
    return text;
  }
  if (ENTITY_TYPES.has(field.type)) return normalizeEntities(field, text, path, context, fail);
  return fail(`${path}.value`, `The simulator does not support writing ${field.type} fields.`);
}

function normalizeEntities(
  field: SimField,
  raw: unknown,
  path: string,
  context: ValueContext,
  fail: (key: string, message: string) => undefined,
): unknown {
  if (!Array.isArray(raw)) return fail(`${path}.values`, '配列でなければなりません。');
  const entities: Array<{ code: string; name: string }> = [];
  raw.forEach((item, index) => {
    const code = isObject(item) && typeof item.code === 'string' ? item.code : undefined;
    if (code === undefined) {
      fail(`${path}.values[${index}].code`, '必須です。');
      return;
    }
    if (field.type !== 'USER_SELECT') {
      entities.push({ code, name: code });
      return;
    }
    const user = context.users.find((candidate) => candidate.code === code);
    if (user) entities.push({ code, name: user.name });
    else fail(`${path}.values[${index}].code`, `ユーザー（code: ${code}）が見つかりません。`);
  });
  return entities;
}

/** SUBTABLE rows: the sent array replaces the rows; a row with a known id keeps its unsent cells (as on kintone). */
function normalizeRows(field: SimField, raw: unknown, path: string, context: ValueContext, previous: unknown): unknown {
  if (!Array.isArray(raw)) {
    context.errors[`${path}.value`] = { messages: ['配列でなければなりません。'] };
    return undefined;
  }
  const previousRows = Array.isArray(previous) ? (previous as Array<{ id: string; value: StoredValues }>) : [];
  return raw.map((row, index) => {
    const sentCells = isObject(row) && isObject(row.value) ? row.value : {};
    const known = isObject(row) ? previousRows.find((candidate) => candidate.id === String(row.id)) : undefined;
    const cells: StoredValues = {};
    for (const inner of Object.values(field.fields ?? {})) {
      const sent = sentCells[inner.code];
      const innerPath = `${path}.value[${index}].value.${inner.code}`;
      const value = isObject(sent)
        ? normalizeValue(inner, sent.value, innerPath, context, undefined)
        : (known?.value[inner.code]?.value ?? defaultValue(inner));
      cells[inner.code] = { type: inner.type, value: value ?? defaultValue(inner) };
    }
    return { id: known?.id ?? String(context.nextRowId()), value: cells };
  });
}

/** Accepts an ISO date-time with `Z` or an offset; kintone ignores seconds and answers in UTC. */
function normalizeDateTime(raw: unknown): string | undefined {
  if (raw === '') return '';
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    return undefined;
  }
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : utcMinute(date);
}

function isValidDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function valueSuffix(type: string): string {
  if (ENTITY_TYPES.has(type)) return 'values.value';
  if (MULTI_CHOICE_TYPES.has(type) || type === 'FILE') return 'values';
  return 'value';
}

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}
