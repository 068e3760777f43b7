import type { KintoneRecord, KintoneUser, NotificationEvent, StatusChange } from '@k2c/rules';
import { hasOwn } from '../shared/has-own';
import { isObject } from '../shared/is-object';

/**
 * Contract 2 body as the plug-in sends it. `rules`, `kintoneHost`, `appName` and
 * `kintoneApiToken` are deliberately absent: kintone's proxy merges them from the stored proxy
 * config, and stored values win.
 */
export interface NotificationRequest {
  event: NotificationEvent;
  appId: string;
  recordId: string;
  revision?: string;
  recordUrl: string;
  record: KintoneRecord;
  previous?: KintoneRecord;
  user: KintoneUser;
  status?: StatusChange;
}

export interface PageLocation {
  origin: string;
  pathname: string;
}

export interface RequestInput {
  event: NotificationEvent;
  appId: string;
  recordId: string;
  revision: string | null;
  record: KintoneRecord | null;
  previous: KintoneRecord | null;
  fields: readonly string[];
  user: KintoneUser;
  status: StatusChange | null;
  location: PageLocation;
}

// Desktop: /k/guest/<id>/…; mobile: /k/m/guest/<id>/… (also accepted for safety).
const GUEST_SPACE = /^\/k\/(?:m\/)?guest\/(\d+)\//;

export function guestSpaceId(pathname: string): string | null {
  return GUEST_SPACE.exec(pathname)?.[1] ?? null;
}

/** The desktop permalink of a record; the relay only accepts links to the stored kintone host. */
export function buildRecordUrl(location: PageLocation, appId: string, recordId: string): string {
  const space = guestSpaceId(location.pathname);
  const prefix = space === null ? '/k' : `/k/guest/${space}`;
  return `${location.origin}${prefix}/${encodeURIComponent(appId)}/show#record=${encodeURIComponent(recordId)}`;
}

/**
 * Copies only the listed fields, as `{ type, value }` (kintone adds `disabled`, `error`, `lookup`
 * on screens; they are not part of the record). Values are deep-copied so later edits on the
 * screen cannot change what was captured.
 */
export function pickFields(record: KintoneRecord | null | undefined, fields: readonly string[]): KintoneRecord {
  const entries: [string, { type: string; value: unknown }][] = [];
  if (!record) return {};
  for (const code of fields) {
    if (!hasOwn(record, code)) continue;
    const field: unknown = record[code];
    if (!isObject(field) || typeof field.type !== 'string') continue;
    const value: unknown = field.value === undefined ? null : JSON.parse(JSON.stringify(field.value));
    entries.push([code, { type: field.type, value }]);
  }
  // fromEntries defines own properties, so even a field code like "__proto__" stays data.
  return Object.fromEntries(entries);
}

export function buildNotificationRequest(input: RequestInput): NotificationRequest {
  const request: NotificationRequest = {
    event: input.event,
    appId: input.appId,
    recordId: input.recordId,
    recordUrl: buildRecordUrl(input.location, input.appId, input.recordId),
    record: pickFields(input.record, input.fields),
    user: { code: input.user.code, name: input.user.name },
  };
  if (input.revision !== null) request.revision = input.revision;
  if (input.event === 'edit' && input.previous) request.previous = pickFields(input.previous, input.fields);
  if (input.event === 'status' && input.status) request.status = { ...input.status };
  return request;
}
