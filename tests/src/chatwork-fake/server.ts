import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiRequest, handleApiRequest, NOT_FOUND } from './api-routes';
import { type FakeContext, resetFake } from './context';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes';
import { FaultList } from './faults';
import { errorReply, readBody, writeReply } from './http-io';
import { FixedWindowLimiter, SlidingWindowLimiter } from './rate-limiter';
import { FakeState } from './state';
import type { ChatworkFake, ChatworkFakeOptions, RateLimitSetting } from './types';

/** ChatWork's published general limit: 300 requests per 5 minutes. */
export const DEFAULT_TOKEN_LIMIT: RateLimitSetting = { requests: 300, windowMs: 300_000 };
/** ChatWork's per-room posting limit: 10 posts per 10 seconds. */
export const DEFAULT_ROOM_LIMIT: RateLimitSetting = { requests: 10, windowMs: 10_000 };

const API_PREFIX = '/v2';

/** A wildcard bind address is not something a client can connect to; name loopback instead. */
function clientHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function handle(ctx: FakeContext, apiUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '';
  let url: URL | undefined;
  // Prefixing a fixed origin keeps "//host/x" a path instead of a host, and rejects absolute-form URLs.
  if (rawUrl.startsWith('/')) {
    try {
      url = new URL(`http://fake${rawUrl}`);
    } catch {
      url = undefined;
    }
  }
  const pathname = url?.pathname ?? rawUrl;
  const isControl = pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
  // Node lower-cases header names, which makes X-ChatWorkToken / x-chatworktoken equivalent, as in HTTP.
  const token = headerValue(req, 'x-chatworktoken');
  const record = isControl
    ? undefined
    : ctx.state.recordRequest({ method, path: rawUrl, status: null, token: token ?? null, time: ctx.now() });

  const body = await readBody(req);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    if (record) record.status = 413;
    const headers: Record<string, string> = body.hangUp ? { connection: 'close' } : {};
    writeReply(res, errorReply(413, 'Request body is too large (limit 1 MB)', headers));
    return;
  }
  if (url === undefined) {
    if (record) record.status = 400;
    writeReply(res, errorReply(400, 'Malformed request target'));
    return;
  }

  if (isControl) {
    writeReply(res, handleControlRequest(ctx, { method, pathname, query: url.searchParams, body: body.text, apiUrl }));
    return;
  }
  // `record` is always set outside the control surface; the guard is for the type checker.
  if (record === undefined) return;
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) {
    record.status = 404;
    writeReply(res, errorReply(404, NOT_FOUND));
    return;
  }
  const request: ApiRequest = {
    method,
    pathname,
    token,
    contentType: headerValue(req, 'content-type'),
    body: body.text,
  };
  const outcome = await handleApiRequest(ctx, request);
  if (outcome.fault) record.fault = outcome.fault;
  // A held request keeps its socket open; close() (or the client giving up) ends it.
  if (outcome.hold) return;
  record.status = outcome.reply.status;
  writeReply(res, outcome.reply);
}

export async function startChatworkFake(options: ChatworkFakeOptions = {}): Promise<ChatworkFake> {
  const host = options.host ?? '127.0.0.1';
  const closing = new AbortController();
  const ctx: FakeContext = {
    state: new FakeState(),
    faults: new FaultList(),
    tokenLimiter: new FixedWindowLimiter(options.tokenLimit ?? DEFAULT_TOKEN_LIMIT),
    roomLimiter: new SlidingWindowLimiter(options.roomLimit ?? DEFAULT_ROOM_LIMIT),
    now: options.now ?? Date.now,
    closing: closing.signal,
  };
  let apiUrl = '';

  const server = createServer((req, res) => {
    handle(ctx, apiUrl, req, res).catch((error: unknown) => {
      // A delay fault interrupted by close(): the socket is being destroyed, nothing to answer.
      if (closing.signal.aborted) return;
      // A bug in the fake must not pass for a ChatWork outage, so the 500 names the fake.
      console.error('ChatWork fake: internal error', error);
      const detail = error instanceof Error ? error.message : String(error);
      writeReply(res, errorReply(500, `ChatWork fake internal error: ${detail}`));
    });
  });

  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const origin = `http://${clientHost(host)}:${port}`;
  apiUrl = `${origin}${API_PREFIX}`;

  let closed: Promise<void> | undefined;
  return {
    url: apiUrl,
    origin,
    addAccount: (account) => ctx.state.addAccount(account),
    revokeToken: (token) => ctx.state.revokeToken(token),
    messages: (roomId) => ctx.state.messages(roomId),
    requests: () => ctx.state.requests(),
    injectFault: (fault) => ctx.faults.add(fault),
    clearFaults: () => ctx.faults.clear(),
    waitForMessages: (count, waitOptions) => ctx.state.waitForMessages(count, waitOptions),
    reset: () => resetFake(ctx),
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        ctx.state.rejectWaiters(new Error('ChatWork fake closed while waiting for messages'));
        server.close(() => resolve());
        // Ends keep-alive sockets and requests held by timeout faults, so close() never hangs.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
