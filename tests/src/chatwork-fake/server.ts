import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { headerValue, readBody, requestUrl, writeReply } from '../fake-server/http-io';
import { listen } from '../fake-server/listen';
import { type ApiRequest, handleApiRequest, NOT_FOUND } from './api-routes';
import { type FakeContext, resetFake } from './context';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes';
import { FaultList } from './faults';
import { BODY_LIMITS, errorReply } from './http-io';
import { FixedWindowLimiter, SlidingWindowLimiter } from './rate-limiter';
import { FakeState } from './state';
import type { ChatworkFake, ChatworkFakeOptions, RateLimitSetting } from './types';

/** ChatWork's published general limit: 300 requests per 5 minutes. */
export const DEFAULT_TOKEN_LIMIT: RateLimitSetting = { requests: 300, windowMs: 300_000 };
/** ChatWork's per-room posting limit: 10 posts per 10 seconds. */
export const DEFAULT_ROOM_LIMIT: RateLimitSetting = { requests: 10, windowMs: 10_000 };

const API_PREFIX = '/v2';

async function handle(ctx: FakeContext, apiUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '';
  const url = requestUrl(rawUrl);
  const pathname = url?.pathname ?? rawUrl;
  const isControl = pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
  // Node lower-cases header names, which makes X-ChatWorkToken / x-chatworktoken equivalent, as in HTTP.
  const token = headerValue(req, 'x-chatworktoken');
  const record = isControl
    ? undefined
    : ctx.state.recordRequest({ method, path: rawUrl, status: null, token: token ?? null, time: ctx.now() });

  const body = await readBody(req, BODY_LIMITS);
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

  const { origin, close } = await listen(server, {
    port: options.port,
    host: options.host,
    beforeClose() {
      closing.abort();
      ctx.state.rejectWaiters(new Error('ChatWork fake closed while waiting for messages'));
    },
  });
  apiUrl = `${origin}${API_PREFIX}`;

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
    // Also ends keep-alive sockets and requests held by timeout faults, so close() never hangs.
    close,
  };
}
