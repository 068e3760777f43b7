import type { KintoneRecord, StatusChange } from '@k2c/rules';
import { hasOwn } from '../shared/has-own';
import { isObject } from '../shared/is-object';

/**
 * The parts of a kintone record event object the runtime reads. dts-gen types event objects as
 * `any`, so they are read defensively from `unknown`.
 */
export interface RecordEventData {
  appId: string | null;
  recordId: string | null;
  /** null when kintone gives none (e.g. after create without view permission). */
  record: KintoneRecord | null;
  revision: string | null;
  status: StatusChange | null;
}

function idString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  return null;
}

function fieldValue(record: KintoneRecord | null, code: string): unknown {
  if (!record || !hasOwn(record, code)) return undefined;
  return record[code]?.value;
}

function nestedValue(value: unknown): string | null {
  return isObject(value) && typeof value.value === 'string' ? value.value : null;
}

export function readRecordEvent(event: unknown): RecordEventData {
  const raw = isObject(event) ? event : {};
  // Fields are checked one by one when they are picked (pickFields).
  const record = isObject(raw.record) ? (raw.record as KintoneRecord) : null;
  const action = nestedValue(raw.action);
  const from = nestedValue(raw.status);
  const to = nestedValue(raw.nextStatus);
  return {
    appId: idString(raw.appId),
    // recordId is a string on the success events but a number on some others; $id is the fallback.
    recordId: idString(raw.recordId) ?? idString(fieldValue(record, '$id')),
    record,
    revision: idString(fieldValue(record, '$revision')),
    status:
      action !== null || from !== null || to !== null ? { from: from ?? '', to: to ?? '', action: action ?? '' } : null,
  };
}
