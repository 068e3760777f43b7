import {
  type KintoneRecord,
  type KintoneUser,
  type NotificationEvent,
  type RuleSet,
  referencedFields,
  type StatusChange,
} from '@k2c/rules';
import { buildRecordUrl, type PageLocation, pickFields } from '../runtime/build-request';
import { isObject } from '../shared/is-object';
import type { FieldInfo } from './field-catalog';

/** The record a preview renders: the app's newest record, or a sample built from its fields. */
export type PreviewSource =
  | { kind: 'record'; record: KintoneRecord; recordId: string; revision: string | null }
  | { kind: 'sample'; record: KintoneRecord };

/** The newest record from `GET /k/v1/records?query=order by $id desc limit 1`, or null. */
export function parseNewestRecord(response: unknown): PreviewSource | null {
  if (!isObject(response) || !Array.isArray(response.records)) return null;
  const [record] = response.records as unknown[];
  if (!isObject(record)) return null;
  const id = isObject(record.$id) ? record.$id.value : undefined;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const revision = isObject(record.$revision) ? record.$revision.value : undefined;
  return {
    kind: 'record',
    record: record as KintoneRecord,
    recordId: String(id),
    revision: typeof revision === 'string' || typeof revision === 'number' ? String(revision) : null,
  };
}

export interface SampleTexts {
  /** A sample text value for a text field with this label. */
  text(label: string): string;
  status: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** One plausible value per field type, so a preview shows something for every placeholder. */
export function sampleRecord(
  fields: readonly FieldInfo[],
  user: KintoneUser,
  texts: SampleTexts,
  now: Date,
): KintoneRecord {
  const date = `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
  const dateTime = `${date}T${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:00Z`;
  const record: KintoneRecord = {};
  for (const field of fields) {
    const value = ((): unknown => {
      switch (field.type) {
        case 'SINGLE_LINE_TEXT':
        case 'MULTI_LINE_TEXT':
        case 'RICH_TEXT':
          return texts.text(field.label);
        case 'LINK':
          return 'https://example.com/';
        case 'NUMBER':
        case 'CALC':
          return '123';
        case 'RECORD_NUMBER':
          return '1';
        case 'DATE':
          return date;
        case 'TIME':
          return '09:30';
        case 'DATETIME':
        case 'CREATED_TIME':
        case 'UPDATED_TIME':
          return dateTime;
        case 'DROP_DOWN':
        case 'RADIO_BUTTON':
          return field.options[0] ?? '';
        case 'CHECK_BOX':
        case 'MULTI_SELECT':
          return field.options.slice(0, 1);
        case 'USER_SELECT':
        case 'STATUS_ASSIGNEE':
          return [{ code: user.code, name: user.name }];
        case 'ORGANIZATION_SELECT':
        case 'GROUP_SELECT':
          return [{ code: 'sample', name: texts.text(field.label) }];
        case 'CREATOR':
        case 'MODIFIER':
          return { code: user.code, name: user.name };
        case 'STATUS':
          return texts.status;
        case 'FILE':
          return [{ name: 'sample.pdf', contentType: 'application/pdf', size: '1024', fileKey: '' }];
        case 'SUBTABLE':
          return [];
        default:
          return '';
      }
    })();
    record[field.code] = { type: field.type, value };
  }
  return record;
}

/** Every field any rule reads, enabled or not: the preview renders disabled rules too. */
export function previewFields(ruleSet: RuleSet): string[] {
  return referencedFields({ ...ruleSet, rules: ruleSet.rules.map((rule) => ({ ...rule, enabled: true })) });
}

export interface PreviewInput {
  event: NotificationEvent;
  appId: string;
  appName: string;
  kintoneHost: string;
  location: PageLocation;
  source: PreviewSource;
  user: KintoneUser;
  ruleSet: RuleSet;
  /** For the status event. */
  status: StatusChange;
}

/**
 * `POST /v1/preview`: a NotificationRequest as the runtime would send it (only the fields the
 * rules reference; no `previous`, so "only when changed" counts as changed), plus the unsaved
 * rules and what kintone's proxy would merge in from the stored data.
 */
export function buildPreviewRequest(input: PreviewInput): Record<string, unknown> {
  const recordId = input.source.kind === 'record' ? input.source.recordId : '1';
  const request: Record<string, unknown> = {
    event: input.event,
    appId: input.appId,
    recordId,
    recordUrl: buildRecordUrl(input.location, input.appId, recordId),
    record: pickFields(input.source.record, previewFields(input.ruleSet)),
    user: { code: input.user.code, name: input.user.name },
    rules: JSON.stringify(input.ruleSet),
    kintoneHost: input.kintoneHost,
    appName: input.appName,
  };
  if (input.source.kind === 'record' && input.source.revision !== null) request.revision = input.source.revision;
  if (input.event === 'status') request.status = { ...input.status };
  return request;
}
