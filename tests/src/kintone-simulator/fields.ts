import type { SimApp, SimField } from './types';

export type BuiltInType =
  | 'RECORD_NUMBER'
  | 'CREATOR'
  | 'CREATED_TIME'
  | 'MODIFIER'
  | 'UPDATED_TIME'
  | 'STATUS'
  | 'STATUS_ASSIGNEE'
  | 'CATEGORY';

// Field codes a Japanese-language kintone gives the built-in fields of a new app.
const DEFAULT_BUILT_IN_CODES: Record<BuiltInType, string> = {
  RECORD_NUMBER: 'レコード番号',
  CREATOR: '作成者',
  CREATED_TIME: '作成日時',
  MODIFIER: '更新者',
  UPDATED_TIME: '更新日時',
  STATUS: 'ステータス',
  STATUS_ASSIGNEE: '作業者',
  CATEGORY: 'カテゴリー',
};

const BUILT_IN_TYPES = new Set<string>(Object.keys(DEFAULT_BUILT_IN_CODES));

// Layout-only field types carry no value in records.
const NON_DATA_TYPES = new Set(['LABEL', 'SPACER', 'HR', 'GROUP', 'REFERENCE_TABLE']);

/** The codes of the built-in fields; an app may rename them by listing a field of that type in `fields`. */
export function builtInCodes(app: SimApp): Record<BuiltInType, string> {
  const codes = { ...DEFAULT_BUILT_IN_CODES };
  for (const field of Object.values(app.fields)) {
    if (BUILT_IN_TYPES.has(field.type)) codes[field.type as BuiltInType] = field.code;
  }
  return codes;
}

/** The app's own data fields (no built-ins, no layout elements), in definition order. */
export function dataFields(app: SimApp): SimField[] {
  return Object.values(app.fields).filter(
    (field) => !BUILT_IN_TYPES.has(field.type) && !NON_DATA_TYPES.has(field.type),
  );
}

/** `GET app/form/fields.json` shape of one field. */
export function fieldProperty(field: SimField): Record<string, unknown> {
  const property: Record<string, unknown> = { type: field.type, code: field.code, label: field.label, noLabel: false };
  if (field.type === 'SUBTABLE') {
    property.fields = Object.fromEntries(
      Object.values(field.fields ?? {}).map((inner) => [inner.code, fieldProperty(inner)]),
    );
    return property;
  }
  property.required = field.required ?? false;
  if (field.options) {
    // kintone lists options as an object keyed by label, with the position as a string.
    property.options = Object.fromEntries(
      field.options.map((option, index) => [option, { label: option, index: String(index) }]),
    );
    property.defaultValue = defaultValue(field);
  }
  return property;
}

/** Every field a real app reports, including built-ins: STATUS, STATUS_ASSIGNEE and CATEGORY always appear with `enabled`. */
export function formProperties(app: SimApp): Record<string, Record<string, unknown>> {
  const codes = builtInCodes(app);
  const builtIn = (type: BuiltInType, extra: Record<string, unknown> = {}) => [
    codes[type],
    { type, code: codes[type], label: codes[type], noLabel: false, ...extra },
  ];
  return Object.fromEntries([
    builtIn('RECORD_NUMBER'),
    builtIn('CREATOR'),
    builtIn('CREATED_TIME'),
    builtIn('MODIFIER'),
    builtIn('UPDATED_TIME'),
    builtIn('STATUS', { enabled: Boolean(app.process) }),
    builtIn('STATUS_ASSIGNEE', { enabled: Boolean(app.process) }),
    builtIn('CATEGORY', { enabled: false }),
    ...dataFields(app).map((field) => [field.code, fieldProperty(field)]),
  ]);
}

/** What a new record gets for a field the request did not send. */
export function defaultValue(field: SimField): unknown {
  switch (field.type) {
    case 'RADIO_BUTTON':
      // A radio button always has a selection in kintone; the first option is the default.
      return field.options?.[0] ?? '';
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'FILE':
    case 'SUBTABLE':
      return [];
    default:
      return '';
  }
}
