import { setTimeout as sleep } from 'node:timers/promises';
import { type HttpReply, jsonReply } from '../fake-server/http-io';
import { meJson, memberJson, roomJson } from './chatwork-json';
import type { FakeContext } from './context';
import { errorReply } from './http-io';
import type { RateDecision } from './rate-limiter';
import type { FakeAccount, FaultKind, FaultStatus } from './types';

/** ChatWork's documented maximum for `body` (RAML maxLength). */
export const MESSAGE_MAX_LENGTH = 65_535;

// Wordings quoted by ChatWork's docs or by several clients: keep them byte for byte.
export const INVALID_TOKEN = 'Invalid API token';
export const BODY_REQUIRED = "Parameter 'body' is required";
export const ROOM_RATE_LIMITED = 'Rate limit for message posting per room exceeded.';
// Wordings ChatWork does not publish: ChatWork-like, and what tests of this fake pin down.
export const TOKEN_RATE_LIMITED = 'Rate limit exceeded';
export const NOT_FOUND = 'Resource not found';
export const NO_POST_PERMISSION = "You don't have permission to send messages in this room";
export const BODY_TOO_LONG = `Parameter 'body' must be ${MESSAGE_MAX_LENGTH} characters or less`;
export const SELF_UNREAD_INVALID = "Parameter 'self_unread' must be 0 or 1";

const FAULT_MESSAGES: Record<FaultStatus, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ApiRequest {
  method: string;
  pathname: string;
  token: string | undefined;
  contentType: string | undefined;
  body: string;
}

export type ApiOutcome = { hold: false; reply: HttpReply; fault?: FaultKind } | { hold: true; fault: FaultKind };

type Handler = (ctx: FakeContext, account: FakeAccount, request: ApiRequest, params: string[]) => HttpReply;

interface Route {
  pattern: RegExp;
  handlers: Partial<Record<string, Handler>>;
}

const ROUTES: Route[] = [
  { pattern: /^\/v2\/me$/, handlers: { GET: (_ctx, account) => jsonReply(200, meJson(account)) } },
  { pattern: /^\/v2\/rooms$/, handlers: { GET: listRooms } },
  { pattern: /^\/v2\/rooms\/(\d+)\/members$/, handlers: { GET: listMembers } },
  { pattern: /^\/v2\/rooms\/(\d+)\/messages$/, handlers: { POST: postMessage } },
];

/**
 * Real ChatWork v2 endpoints (RAML) the fake does not implement. They answer 501 with a message
 * saying so, so a relay that starts using one fails with an obvious cause rather than a 404 that
 * looks like a wrong room id.
 */
const UNIMPLEMENTED = [
  'GET /my/status',
  'GET /my/tasks',
  'GET /contacts',
  'POST /rooms',
  'GET /rooms/{id}',
  'PUT /rooms/{id}',
  'DELETE /rooms/{id}',
  'PUT /rooms/{id}/members',
  'GET /rooms/{id}/messages',
  'PUT /rooms/{id}/messages/read',
  'PUT /rooms/{id}/messages/unread',
  'GET /rooms/{id}/messages/{id}',
  'PUT /rooms/{id}/messages/{id}',
  'DELETE /rooms/{id}/messages/{id}',
  'GET /rooms/{id}/tasks',
  'POST /rooms/{id}/tasks',
  'GET /rooms/{id}/tasks/{id}',
  'PUT /rooms/{id}/tasks/{id}/status',
  'GET /rooms/{id}/files',
  'POST /rooms/{id}/files',
  'GET /rooms/{id}/files/{id}',
  'GET /rooms/{id}/link',
  'POST /rooms/{id}/link',
  'PUT /rooms/{id}/link',
  'DELETE /rooms/{id}/link',
  'GET /incoming_requests',
  'PUT /incoming_requests/{id}',
  'DELETE /incoming_requests/{id}',
].map((line) => {
  const [method = '', path = ''] = line.split(' ');
  return { line, method, pattern: new RegExp(`^/v2${path.replaceAll('{id}', '\\d+')}$`) };
});

function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    // Unix seconds, rounded up so a client that waits until then never arrives early.
    'x-ratelimit-reset': String(Math.ceil(decision.resetAt / 1000)),
  };
}

/**
 * Order of checks: token → general rate limit → injected fault → route. A request with a valid
 * token always uses quota and always carries X-RateLimit-* headers, including when a fault answers
 * it (stricter: retrying a 5xx costs quota, as it may in ChatWork). 401s carry no rate-limit
 * headers: there is no token to count against.
 */
export async function handleApiRequest(ctx: FakeContext, request: ApiRequest): Promise<ApiOutcome> {
  const account = ctx.state.accountForToken(request.token);
  if (account === undefined) return { hold: false, reply: errorReply(401, INVALID_TOKEN) };

  const decision = ctx.tokenLimiter.hit(account.token, ctx.now());
  const limitHeaders = rateLimitHeaders(decision);
  // ChatWork documents no Retry-After header, so none is sent: clients must use X-RateLimit-Reset.
  if (!decision.allowed) return { hold: false, reply: errorReply(429, TOKEN_RATE_LIMITED, limitHeaders) };

  const fault = ctx.faults.take(request.pathname);
  if (fault?.kind === 'status') {
    return {
      hold: false,
      reply: errorReply(fault.status, FAULT_MESSAGES[fault.status], limitHeaders),
      fault: 'status',
    };
  }
  if (fault?.kind === 'timeout' && !fault.afterAccept) return { hold: true, fault: 'timeout' };
  if (fault?.kind === 'delay') await sleep(fault.ms, undefined, { signal: ctx.closing });

  const reply = route(ctx, account, request);
  reply.headers = { ...reply.headers, ...limitHeaders };
  // afterAccept: the request took effect above; only the answer is lost.
  if (fault?.kind === 'timeout') return { hold: true, fault: 'timeout' };
  return fault ? { hold: false, reply, fault: fault.kind } : { hold: false, reply };
}

function route(ctx: FakeContext, account: FakeAccount, request: ApiRequest): HttpReply {
  const { method, pathname } = request;
  const matched = ROUTES.find((candidate) => candidate.pattern.test(pathname));
  const handler = matched && Object.hasOwn(matched.handlers, method) ? matched.handlers[method] : undefined;
  if (matched && handler) {
    const params = matched.pattern.exec(pathname)?.slice(1) ?? [];
    return handler(ctx, account, request, params);
  }
  const unimplemented = UNIMPLEMENTED.find((entry) => entry.method === method && entry.pattern.test(pathname));
  if (unimplemented) {
    return errorReply(501, `The ChatWork fake does not implement ${unimplemented.line.replaceAll('{id}', '{…}')}`);
  }
  if (matched) {
    return errorReply(405, `Method ${method} is not allowed here`, { allow: Object.keys(matched.handlers).join(', ') });
  }
  return errorReply(404, NOT_FOUND);
}

function listRooms(ctx: FakeContext, account: FakeAccount): HttpReply {
  const rooms = account.rooms.map((room) => {
    const messages = ctx.state.messages(room.roomId);
    return roomJson(room, { messageCount: messages.length, lastMessageAt: messages.at(-1)?.receivedAt });
  });
  return jsonReply(200, rooms);
}

function listMembers(ctx: FakeContext, account: FakeAccount, _request: ApiRequest, [roomId = '']: string[]): HttpReply {
  if (!ctx.state.roomOf(account, roomId)) return errorReply(404, NOT_FOUND);
  return jsonReply(200, ctx.state.membersOf(roomId).map(memberJson));
}

/**
 * Since 2025-07-03 ChatWork reads POST parameters from an application/x-www-form-urlencoded body
 * only: the query string is ignored. A body in any other format (JSON, multipart, text) is treated
 * the same way — as no parameters — so it fails with "Parameter 'body' is required".
 */
function formParams(request: ApiRequest): URLSearchParams {
  const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/x-www-form-urlencoded' ? new URLSearchParams(request.body) : new URLSearchParams();
}

/**
 * Check order: membership (404) → permission (403) → parameters (400) → per-room limit (429).
 * Only a post that passes all of them takes a per-room slot and is recorded.
 */
function postMessage(ctx: FakeContext, account: FakeAccount, request: ApiRequest, [roomId = '']: string[]): HttpReply {
  const room = ctx.state.roomOf(account, roomId);
  if (!room) return errorReply(404, NOT_FOUND);
  if (room.role === 'readonly') return errorReply(403, NO_POST_PERMISSION);

  const params = formParams(request);
  const body = params.get('body') ?? '';
  if (body === '') return errorReply(400, BODY_REQUIRED);
  // UTF-16 code units, not code points: ChatWork does not say which it counts, and this is the
  // stricter reading (an emoji counts 2), so a relay that fits here fits in ChatWork either way.
  if (body.length > MESSAGE_MAX_LENGTH) return errorReply(400, BODY_TOO_LONG);
  const selfUnread = params.get('self_unread');
  // Documented as 0/1; anything else ("true", "") is refused rather than guessed at.
  if (selfUnread !== null && selfUnread !== '0' && selfUnread !== '1') return errorReply(400, SELF_UNREAD_INVALID);

  const now = ctx.now();
  if (!ctx.roomLimiter.tryHit(roomId, now).allowed) return errorReply(429, ROOM_RATE_LIMITED);

  const message = ctx.state.recordMessage({
    roomId,
    body,
    accountId: account.accountId,
    token: account.token,
    selfUnread: selfUnread === '1',
    receivedAt: now,
  });
  return jsonReply(200, { message_id: message.messageId });
}
