import { type HttpReply, htmlReply, jsonReply } from '../fake-server/http-io';
import { type FakeContext, resetFake } from './context';
import { renderDashboard } from './dashboard-page';
import { errorReply } from './http-io';
import type { Fault } from './types';

/**
 * JSON control surface for tests running in another process (and the sandbox's message page).
 * It lives outside /v2 so it can never be mistaken for a ChatWork endpoint, and it bypasses auth,
 * rate limits, faults and the request log: it is the test harness, not traffic under test.
 */
export const CONTROL_PREFIX = '/__fake';

export interface ControlRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  body: string;
  apiUrl: string;
}

const OK = { ok: true };

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new TypeError('request body must be JSON');
  }
}

/**
 * JSON cannot carry a RegExp: `path` is the string form (exact pathname), and `pathPattern` (an
 * extension of this surface) is compiled to a RegExp for the same field.
 */
function faultFromJson(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new TypeError('fault must be a JSON object');
  const { pathPattern, ...rest } = value as Record<string, unknown>;
  if (pathPattern === undefined) return rest as unknown as Fault;
  if (typeof pathPattern !== 'string') throw new TypeError('fault.pathPattern must be a string');
  try {
    return { ...rest, path: new RegExp(pathPattern) } as unknown as Fault;
  } catch {
    throw new TypeError(`fault.pathPattern is not a valid regular expression: ${pathPattern}`);
  }
}

function faultToJson(fault: Fault): unknown {
  const { path, ...rest } = fault;
  if (path instanceof RegExp) return { ...rest, pathPattern: path.source };
  return path === undefined ? rest : { ...rest, path };
}

function dashboard(ctx: FakeContext, apiUrl: string): HttpReply {
  const { state } = ctx;
  const body = renderDashboard({
    apiUrl,
    messages: state.messages(),
    requestCount: state.requests().length,
    faultCount: ctx.faults.list().length,
    roomName: (roomId) => state.roomName(roomId),
    accountName: (accountId) => state.accountName(accountId),
  });
  return htmlReply(200, body);
}

type ControlHandler = (ctx: FakeContext, request: ControlRequest) => HttpReply;

const CONTROL_ROUTES: Record<string, Partial<Record<string, ControlHandler>>> = {
  '': { GET: (ctx, request) => dashboard(ctx, request.apiUrl) },
  '/': { GET: (ctx, request) => dashboard(ctx, request.apiUrl) },
  '/messages': {
    GET: (ctx, request) => jsonReply(200, ctx.state.messages(request.query.get('roomId') ?? undefined)),
  },
  '/requests': { GET: (ctx) => jsonReply(200, ctx.state.requests()) },
  '/accounts': {
    POST: (ctx, request) => {
      ctx.state.addAccount(parseJson(request.body) as never);
      return jsonReply(200, OK);
    },
  },
  '/faults': {
    GET: (ctx) => jsonReply(200, ctx.faults.list().map(faultToJson)),
    POST: (ctx, request) => {
      ctx.faults.add(faultFromJson(parseJson(request.body)));
      return jsonReply(200, OK);
    },
    DELETE: (ctx) => {
      ctx.faults.clear();
      return jsonReply(200, OK);
    },
  },
  '/revoke': {
    POST: (ctx, request) => {
      const { token } = (parseJson(request.body) ?? {}) as { token?: unknown };
      if (typeof token !== 'string' || token === '') throw new TypeError('token must be a non-empty string');
      ctx.state.revokeToken(token);
      return jsonReply(200, OK);
    },
  },
  '/reset': {
    POST: (ctx) => {
      resetFake(ctx);
      return jsonReply(200, OK);
    },
  },
};

export function handleControlRequest(ctx: FakeContext, request: ControlRequest): HttpReply {
  const key = request.pathname.slice(CONTROL_PREFIX.length);
  const handlers = Object.hasOwn(CONTROL_ROUTES, key) ? CONTROL_ROUTES[key] : undefined;
  if (handlers === undefined) return errorReply(404, `No control endpoint at ${request.pathname}`);
  const handler = Object.hasOwn(handlers, request.method) ? handlers[request.method] : undefined;
  if (handler === undefined) {
    return errorReply(405, `Method ${request.method} is not allowed here`, {
      allow: Object.keys(handlers).join(', '),
    });
  }
  try {
    return handler(ctx, request);
  } catch (error) {
    // Validation errors (bad account, bad fault, bad JSON) are the caller's mistake: 400, with why.
    if (error instanceof TypeError) return errorReply(400, error.message);
    throw error;
  }
}
