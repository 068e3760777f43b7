import { stripTrailingSlashes } from '../config/relay-url';
import { isObject } from '../shared/is-object';

/**
 * `kintone.proxy(url, method, headers, data)`: sent from kintone's server (no CORS). Non-2xx
 * answers resolve as `[body, status, headers]`; only a transport failure rejects.
 */
export type ProxyTransport = (
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  /** A JSON string for POST; `{}` for GET, whose data kintone does not send. */
  data: string | Record<string, never>,
) => Promise<[body: string, status: number, headers: Record<string, string>]>;

/** Why a relay call did not give the expected answer. */
export type RelayFailure =
  /** No HTTP answer at all (refused, DNS, timeout, kintone's proxy refused the call). */
  | { kind: 'unreachable'; detail: string }
  /** 5xx: the relay (or ChatWork behind it) has a problem. `code` when the relay said which. */
  | { kind: 'server'; status: number; code: string; message: string }
  /** 401: wrong, unknown or revoked connection key. */
  | { kind: 'unauthorized'; message: string }
  /** 404 without the relay's JSON error: the URL is not a kintone2chatwork relay (or a wrong base path). */
  | { kind: 'not_relay'; status: number }
  /** Any other error the relay answered in its `{ error: { code, message, details? } }` shape. */
  | { kind: 'error'; status: number; code: string; message: string; details?: unknown }
  /** An answer that is neither the expected body nor the error shape. */
  | { kind: 'unexpected'; status: number };

export type RelayResult<T> = { ok: true; value: T } | { ok: false; failure: RelayFailure };

export interface ConnectionInfo {
  tenantName: string;
  plan: { code: string; monthlyQuota: number; usedThisMonth: number };
  chatwork: { accountId: string; name: string } | null;
}

export type RoomType = 'my' | 'direct' | 'group';
export type RoomRole = 'admin' | 'member' | 'readonly';

export interface RoomInfo {
  roomId: string;
  name: string;
  type: RoomType | string;
  role: RoomRole | string;
}

export interface PreviewMessage {
  ruleId: string;
  roomId: string;
  body: string;
  matches: boolean;
}

/** Contract 2 lists queued, sending, delivered and failed; the relay may add others (e.g. held). */
export type DeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed' | (string & {});

export interface DeliveryInfo {
  id: string;
  status: DeliveryStatus;
  attempts: number;
  chatworkMessageId?: string;
  error?: { code: string; message: string };
}

export interface RelayClient {
  connection(): Promise<RelayResult<ConnectionInfo>>;
  rooms(): Promise<RelayResult<RoomInfo[]>>;
  preview(request: Record<string, unknown>): Promise<RelayResult<PreviewMessage[]>>;
  sendTestMessage(roomId: string, appName: string): Promise<RelayResult<{ id: string; status: string }>>;
  delivery(id: string): Promise<RelayResult<DeliveryInfo>>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function errorText(error: unknown): string {
  if (typeof error === 'string') {
    const parsed = parseJson(error);
    if (isObject(parsed) && typeof parsed.message === 'string') return parsed.message;
    return error;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Maps a non-2xx answer (or a 2xx one we could not read) to a RelayFailure. */
export function failureFromAnswer(status: number, body: string): RelayFailure {
  const json = parseJson(body);
  const error = isObject(json) && isObject(json.error) ? json.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const message = typeof error?.message === 'string' ? error.message : '';
  if (status === 401) return { kind: 'unauthorized', message };
  if (status >= 500) return { kind: 'server', status, code: code ?? '', message };
  if (code !== undefined) {
    const failure: RelayFailure = { kind: 'error', status, code, message };
    if (error?.details !== undefined) failure.details = error.details;
    return failure;
  }
  if (status === 404) return { kind: 'not_relay', status };
  return { kind: 'unexpected', status };
}

function parseConnection(json: unknown): ConnectionInfo | undefined {
  if (!isObject(json) || !isObject(json.tenant) || !isObject(json.plan)) return undefined;
  const name = str(json.tenant.name);
  const code = str(json.plan.code);
  const monthlyQuota = num(json.plan.monthlyQuota);
  const usedThisMonth = num(json.plan.usedThisMonth);
  if (name === undefined || code === undefined || monthlyQuota === undefined || usedThisMonth === undefined) {
    return undefined;
  }
  let chatwork: ConnectionInfo['chatwork'] = null;
  if (isObject(json.chatwork)) {
    const accountId = str(json.chatwork.accountId);
    const chatworkName = str(json.chatwork.name);
    if (accountId === undefined || chatworkName === undefined) return undefined;
    chatwork = { accountId, name: chatworkName };
  } else if (json.chatwork !== null && json.chatwork !== undefined) {
    return undefined;
  }
  return { tenantName: name, plan: { code, monthlyQuota, usedThisMonth }, chatwork };
}

function parseRooms(json: unknown): RoomInfo[] | undefined {
  if (!isObject(json) || !Array.isArray(json.rooms)) return undefined;
  const rooms: RoomInfo[] = [];
  for (const room of json.rooms) {
    if (!isObject(room)) return undefined;
    const roomId = str(room.roomId);
    if (roomId === undefined) return undefined;
    rooms.push({ roomId, name: str(room.name) ?? '', type: str(room.type) ?? '', role: str(room.role) ?? '' });
  }
  return rooms;
}

function parsePreview(json: unknown): PreviewMessage[] | undefined {
  if (!isObject(json) || !Array.isArray(json.messages)) return undefined;
  const messages: PreviewMessage[] = [];
  for (const message of json.messages) {
    if (!isObject(message)) return undefined;
    const ruleId = str(message.ruleId);
    const body = str(message.body);
    if (ruleId === undefined || body === undefined) return undefined;
    messages.push({ ruleId, roomId: str(message.roomId) ?? '', body, matches: message.matches === true });
  }
  return messages;
}

function parseTestMessage(json: unknown): { id: string; status: string } | undefined {
  if (!isObject(json) || !isObject(json.delivery)) return undefined;
  const id = str(json.delivery.id);
  return id === undefined ? undefined : { id, status: str(json.delivery.status) ?? 'queued' };
}

function parseDelivery(json: unknown): DeliveryInfo | undefined {
  if (!isObject(json)) return undefined;
  const id = str(json.id);
  const status = str(json.status);
  if (id === undefined || status === undefined || status === '') return undefined;
  const delivery: DeliveryInfo = { id, status, attempts: num(json.attempts) ?? 0 };
  const messageId = str(json.chatworkMessageId);
  if (messageId !== undefined) delivery.chatworkMessageId = messageId;
  if (isObject(json.error)) {
    delivery.error = { code: str(json.error.code) ?? '', message: str(json.error.message) ?? '' };
  }
  return delivery;
}

/**
 * The settings screen's relay calls. The stored proxy entry covers only `POST /v1/notifications`,
 * so each call carries `Authorization: Bearer <key>` itself, through kintone's generic proxy.
 */
export function createRelayClient(transport: ProxyTransport, relayUrl: string, key: string): RelayClient {
  const base = stripTrailingSlashes(relayUrl);

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    expected: number,
    parse: (json: unknown) => T | undefined,
    body?: unknown,
  ): Promise<RelayResult<T>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: 'application/json' };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    let answer: [string, number, Record<string, string>];
    try {
      answer = await transport(base + path, method, headers, method === 'POST' ? JSON.stringify(body ?? {}) : {});
    } catch (error) {
      return { ok: false, failure: { kind: 'unreachable', detail: errorText(error) } };
    }
    const [text, status] = answer;
    if (status !== expected) return { ok: false, failure: failureFromAnswer(status, String(text)) };
    const value = parse(parseJson(String(text)));
    return value === undefined ? { ok: false, failure: { kind: 'unexpected', status } } : { ok: true, value };
  }

  return {
    connection: () => call('GET', '/v1/connection', 200, parseConnection),
    rooms: () => call('GET', '/v1/chatwork/rooms', 200, parseRooms),
    preview: (request) => call('POST', '/v1/preview', 200, parsePreview, request),
    sendTestMessage: (roomId, appName) =>
      call('POST', '/v1/test-message', 202, parseTestMessage, appName === '' ? { roomId } : { roomId, appName }),
    delivery: (id) => call('GET', `/v1/deliveries/${encodeURIComponent(id)}`, 200, parseDelivery),
  };
}

/** Whether a failure means the relay cannot be used at all (blocks Save, shown on the URL). */
export function isUnreachable(failure: RelayFailure): boolean {
  return failure.kind === 'unreachable' || failure.kind === 'server' || failure.kind === 'not_relay';
}
