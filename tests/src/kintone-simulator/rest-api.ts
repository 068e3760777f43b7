import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateRest, checkAppAccess, checkAppAdmin, type RestCaller } from './auth';
import { builtInCodes, formProperties } from './fields';
import { readJsonObject, sendError, sendJson } from './http-io';
import { kintoneErrors } from './kintone-error';
import { buildValues, formatRecord } from './record-values';
import {
  API_TOKEN_USER,
  type AppState,
  type SimState,
  type StoredRecord,
  type UserRef,
  userRef,
  utcMinute,
} from './state';
import type { KintoneRecord } from './types';

interface RestContext {
  state: SimState;
  caller: RestCaller;
  params: Record<string, unknown>;
  /** The guest space in the request path (`/k/guest/<id>/v1/...`), null for `/k/v1/...`. */
  guestSpaceId: string | null;
}

type RestHandler = (context: RestContext) => unknown;

// kintone's default page size for records.json is 100 (max 500).
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

const handlers: Record<string, RestHandler> = {
  'GET app': getApp,
  'GET app/form/fields': (context) => getFormFields(context, false),
  'GET preview/app/form/fields': (context) => getFormFields(context, true),
  'GET record': getRecord,
  'GET records': getRecords,
  'POST record': addRecord,
  'PUT record': updateRecord,
  'PUT record/status': updateStatus,
};

/** Serves `/k/v1/<resource>.json` and `/k/guest/<space>/v1/<resource>.json`. */
export async function handleRestApi(
  state: SimState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  route: { resource: string; guestSpaceId: string | null },
): Promise<void> {
  try {
    // A long GET may be sent as POST with X-HTTP-Method-Override (rest-api-client does this above 4096 chars).
    const override = req.headers['x-http-method-override'];
    const method =
      req.method === 'POST' && typeof override === 'string' ? override.toUpperCase() : (req.method ?? 'GET');
    const handler = handlers[`${method} ${route.resource}`];
    if (!handler) throw kintoneErrors.apiNotFound();
    // kintone reads GET parameters from the query string and everything else from a JSON body.
    const params = req.method === 'GET' ? queryParams(url.searchParams) : await readJsonObject(req);
    const requestToken = params.__REQUEST_TOKEN__ ?? url.searchParams.get('__REQUEST_TOKEN__');
    const caller = authenticateRest(state, req, method, requestToken);
    const body = handler({ state, caller, params, guestSpaceId: route.guestSpaceId });
    sendJson(res, 200, body, { 'x-concurrencylimit-limit': '100', 'x-concurrencylimit-running': '1' });
  } catch (error) {
    sendError(res, error);
  }
}

/** `fields[0]=a&fields[1]=b` → `{ fields: ['a', 'b'] }`, as kintone.api and rest-api-client encode arrays. */
export function queryParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    const array = /^(.+)\[(\d+)\]$/.exec(key);
    if (array?.[1]) {
      const list = (params[array[1]] as string[] | undefined) ?? [];
      list[Number(array[2])] = value;
      params[array[1]] = list;
    } else {
      params[key] = value;
    }
  }
  return params;
}

/** Finds the app named by a parameter, applying kintone's checks in order: present, exists, right path, right token. */
function resolveApp(context: RestContext, name: 'app' | 'id' = 'app'): AppState {
  const raw = context.params[name];
  if (raw === undefined || raw === null || raw === '') throw kintoneErrors.required(name);
  const id = String(raw);
  if (!/^\d+$/.test(id) || Number(id) < 1) {
    throw kintoneErrors.validation({ [name]: { messages: ['最小でも1以上です。'] } });
  }
  const appState = context.state.apps.get(id);
  if (!appState) throw kintoneErrors.appNotFound(id);
  // A guest-space app is only reachable through its guest path, and a normal app only through /k/v1.
  if ((appState.app.guestSpaceId ?? null) !== context.guestSpaceId) {
    throw appState.app.guestSpaceId ? kintoneErrors.guestSpacePath() : kintoneErrors.appNotFound(id);
  }
  checkAppAccess(context.caller, appState);
  return appState;
}

function resolveRecord(context: RestContext, appState: AppState): StoredRecord {
  const raw = context.params.id;
  if (raw === undefined || raw === null || raw === '') throw kintoneErrors.required('id');
  const record = appState.records.get(Number(raw));
  if (!record) throw kintoneErrors.recordNotFound(String(raw));
  return record;
}

/** `viewableByCreator: false` models a user without view permission; API tokens keep their record rights. */
function canViewRecords(context: RestContext, appState: AppState): boolean {
  return context.caller.kind === 'token' || appState.app.viewableByCreator !== false;
}

function actingUser(caller: RestCaller): UserRef {
  return caller.kind === 'session' ? userRef(caller.user) : API_TOKEN_USER;
}

function getApp(context: RestContext): unknown {
  const appState = resolveApp(context, 'id');
  const { app } = appState;
  const spaceId = app.spaceId ?? app.guestSpaceId ?? null;
  return {
    appId: app.id,
    code: '',
    name: app.name,
    description: '',
    spaceId,
    threadId: spaceId,
    createdAt: appState.createdAt,
    creator: API_TOKEN_USER,
    modifiedAt: appState.createdAt,
    modifier: API_TOKEN_USER,
  };
}

function getFormFields(context: RestContext, preview: boolean): unknown {
  const appState = resolveApp(context);
  // The pre-live (preview) settings need app management permission.
  if (preview) checkAppAdmin(context.caller);
  return { properties: formProperties(appState.app), revision: '1' };
}

function getRecord(context: RestContext): unknown {
  const appState = resolveApp(context);
  const record = resolveRecord(context, appState);
  if (!canViewRecords(context, appState)) throw kintoneErrors.noPermission();
  return { record: formatRecord(appState, record) };
}

function getRecords(context: RestContext): unknown {
  const appState = resolveApp(context);
  const { order, limit, offset } = parseQuery(appState, context.params.query);
  const visible = canViewRecords(context, appState) ? [...appState.records.values()] : [];
  const sorted = visible.sort((a, b) => (order === 'asc' ? a.id - b.id : b.id - a.id));
  const fields = Array.isArray(context.params.fields) ? (context.params.fields as string[]) : undefined;
  const records = sorted
    .slice(offset, offset + limit)
    .map((record) => pickFields(formatRecord(appState, record), fields));
  const wantsTotal = context.params.totalCount === true || context.params.totalCount === 'true';
  return { records, totalCount: wantsTotal ? String(visible.length) : null };
}

function addRecord(context: RestContext): unknown {
  const appState = resolveApp(context);
  const values = buildValues(appState, context.params.record ?? {}, context.state.users);
  const now = utcMinute(new Date());
  const user = actingUser(context.caller);
  const record: StoredRecord = {
    id: appState.nextRecordId++,
    revision: 1,
    values,
    creator: user,
    createdAt: now,
    modifier: user,
    updatedAt: now,
    status: appState.app.process?.states[0] ?? null,
  };
  appState.records.set(record.id, record);
  return { id: String(record.id), revision: String(record.revision) };
}

function updateRecord(context: RestContext): unknown {
  const appState = resolveApp(context);
  if (context.params.updateKey !== undefined) {
    throw kintoneErrors.validation({ updateKey: { messages: ['The simulator does not support updateKey.'] } });
  }
  const record = resolveRecord(context, appState);
  checkRevision(record, context.params.revision);
  record.values = buildValues(appState, context.params.record, context.state.users, record.values);
  touch(record, actingUser(context.caller), 1);
  return { revision: String(record.revision) };
}

function updateStatus(context: RestContext): unknown {
  const appState = resolveApp(context);
  const record = resolveRecord(context, appState);
  if (typeof context.params.action !== 'string' || context.params.action === '') throw kintoneErrors.required('action');
  checkRevision(record, context.params.revision);
  const action = appState.app.process?.actions.find(
    (candidate) => candidate.name === context.params.action && candidate.from === record.status,
  );
  if (!action) throw kintoneErrors.statusAction();
  record.status = action.to;
  // A process action bumps the revision by 2 on kintone (status and assignee are two updates).
  touch(record, actingUser(context.caller), 2);
  return { revision: String(record.revision) };
}

/** A revision of -1 or none skips the check, as on kintone. */
function checkRevision(record: StoredRecord, revision: unknown): void {
  if (revision === undefined || revision === null || revision === '' || String(revision) === '-1') return;
  if (String(revision) !== String(record.revision)) throw kintoneErrors.revisionConflict();
}

function touch(record: StoredRecord, user: UserRef, revisions: number): void {
  record.revision += revisions;
  record.modifier = user;
  record.updatedAt = utcMinute(new Date());
}

function pickFields(record: KintoneRecord, fields: string[] | undefined): KintoneRecord {
  if (!fields) return record;
  return Object.fromEntries(Object.entries(record).filter(([code]) => fields.includes(code)));
}

/**
 * Only `order by $id|<record number> asc|desc`, `limit` and `offset` are understood. A condition fails
 * loudly (rather than being ignored and returning every record), so a test never passes by accident.
 */
function parseQuery(appState: AppState, raw: unknown): { order: 'asc' | 'desc'; limit: number; offset: number } {
  const query = typeof raw === 'string' ? raw.trim() : '';
  const recordNumber = builtInCodes(appState.app).RECORD_NUMBER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^(?:order by (?:\\$id|${recordNumber}) (asc|desc))?\\s*(?:limit (\\d+))?\\s*(?:offset (\\d+))?$`,
    'i',
  );
  const match = pattern.exec(query);
  if (!match) {
    throw kintoneErrors.validation({
      query: { messages: [`The simulator only supports "order by $id", "limit" and "offset" (got: ${query})`] },
    });
  }
  const limit = match[2] ? Number(match[2]) : DEFAULT_LIMIT;
  if (limit > MAX_LIMIT)
    throw kintoneErrors.validation({ query: { messages: ['limitは500以下である必要があります。'] } });
  return { order: match[1]?.toLowerCase() === 'asc' ? 'asc' : 'desc', limit, offset: match[3] ? Number(match[3]) : 0 };
}
