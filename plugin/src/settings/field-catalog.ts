import { isObject } from '../shared/is-object';

/** One top-level field of the app's form, as the settings screen offers it. */
export interface FieldInfo {
  code: string;
  label: string;
  type: string;
  /** Choices of DROP_DOWN, RADIO_BUTTON, CHECK_BOX and MULTI_SELECT, in the form's order. */
  options: string[];
}

// Layout elements carry no value in records.
const LAYOUT_TYPES = new Set(['LABEL', 'SPACER', 'HR', 'GROUP', 'REFERENCE_TABLE']);
// Fields kintone fills in itself; they are listed after the app's own fields.
const BUILT_IN_TYPES = new Set([
  'RECORD_NUMBER',
  'CREATOR',
  'CREATED_TIME',
  'MODIFIER',
  'UPDATED_TIME',
  'STATUS',
  'STATUS_ASSIGNEE',
]);
// Neither an edit by the user nor a useful "only when changed" trigger.
const NOT_EDITABLE_TYPES = new Set([...BUILT_IN_TYPES, 'CALC']);

function readOptions(value: unknown): string[] {
  if (!isObject(value)) return [];
  return Object.values(value)
    .filter(isObject)
    .map((option) => ({ label: typeof option.label === 'string' ? option.label : '', index: Number(option.index) }))
    .filter((option) => option.label !== '')
    .sort((a, b) => (Number.isFinite(a.index) ? a.index : 0) - (Number.isFinite(b.index) ? b.index : 0))
    .map((option) => option.label);
}

/**
 * The fields of `GET /k/v1/preview/app/form/fields`: top-level only (sub-table columns are not
 * sent by the runtime), without layout elements, categories, or process-management fields when
 * process management is off. The app's own fields come first, kintone's built-in fields after.
 * null when the answer is not a form-fields answer.
 */
export function parseFormFields(response: unknown): FieldInfo[] | null {
  if (!isObject(response) || !isObject(response.properties)) return null;
  const fields: FieldInfo[] = [];
  for (const [key, property] of Object.entries(response.properties)) {
    if (!isObject(property) || typeof property.type !== 'string') continue;
    const { type } = property;
    if (LAYOUT_TYPES.has(type) || type === 'CATEGORY') continue;
    if ((type === 'STATUS' || type === 'STATUS_ASSIGNEE') && property.enabled === false) continue;
    const code = typeof property.code === 'string' ? property.code : key;
    const label = typeof property.label === 'string' && property.label !== '' ? property.label : code;
    fields.push({ code, label, type, options: readOptions(property.options) });
  }
  const own = fields.filter((field) => !BUILT_IN_TYPES.has(field.type));
  const builtIn = fields.filter((field) => BUILT_IN_TYPES.has(field.type));
  return [...own, ...builtIn];
}

export function findField(fields: readonly FieldInfo[] | null, code: string): FieldInfo | undefined {
  return fields?.find((field) => field.code === code);
}

/** Fields a user edits, for "only when these fields changed". */
export function changeableFields(fields: readonly FieldInfo[]): FieldInfo[] {
  return fields.filter((field) => !NOT_EDITABLE_TYPES.has(field.type));
}

/** Fields whose users can be mentioned: a list of users with codes. */
export function userFields(fields: readonly FieldInfo[]): FieldInfo[] {
  return fields.filter((field) => field.type === 'USER_SELECT' || field.type === 'STATUS_ASSIGNEE');
}

/** Case-insensitive match on label, code or type, for the search boxes. */
export function matchesFieldQuery(field: FieldInfo, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return [field.label, field.code, field.type].some((text) => text.toLowerCase().includes(needle));
}
