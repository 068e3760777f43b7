import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseCookies } from './http-io';
import { KintoneError, kintoneErrors } from './kintone-error';
import { type AppState, findUser, type SimState } from './state';
import type { SimUser } from './types';

export const SESSION_COOKIE = 'kintone_sim_session';

export type RestCaller = { kind: 'session'; user: SimUser } | { kind: 'token'; tokens: string[] };

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

/** kintone's CSRF token (`kintone.getRequestToken()`), bound to the user and this server instance. */
export function requestTokenFor(state: SimState, userCode: string): string {
  return createHmac('sha256', state.secret).update(userCode).digest('hex').slice(0, 36);
}

export function sessionUser(state: SimState, req: IncomingMessage): SimUser | undefined {
  return findUser(state, parseCookies(req.headers.cookie).get(SESSION_COOKIE));
}

/**
 * REST authentication: an API token header wins; otherwise the session cookie counts only with
 * `X-Requested-With` (kintone's rule for session requests), and writes also need `__REQUEST_TOKEN__`.
 */
export function authenticateRest(
  state: SimState,
  req: IncomingMessage,
  method: string,
  requestToken: unknown,
): RestCaller {
  const tokenHeader = req.headers['x-cybozu-api-token'];
  if (tokenHeader) {
    const joined = Array.isArray(tokenHeader) ? tokenHeader.join(',') : tokenHeader;
    return { kind: 'token', tokens: joined.split(',').map((token) => token.trim()) };
  }
  const user = sessionUser(state, req);
  if (!user || !req.headers['x-requested-with']) throw kintoneErrors.unauthenticated();
  if (WRITE_METHODS.has(method) && !isValidRequestToken(state, user, requestToken)) {
    throw new KintoneError(403, 'CB_NO02', '権限がありません。（__REQUEST_TOKEN__ がないか、正しくありません）');
  }
  return { kind: 'session', user };
}

/**
 * An API token only works for the app that issued it. Several tokens may be sent (kintone allows this for
 * lookups into other apps), so one of them must belong to the app.
 */
export function checkAppAccess(caller: RestCaller, appState: AppState): void {
  if (caller.kind !== 'token') return;
  const accepted = new Set(appState.app.apiTokens ?? []);
  if (!caller.tokens.some((token) => accepted.has(token))) throw kintoneErrors.tokenMismatch();
}

/** App administration (preview settings, plug-in settings). API tokens are treated as having record rights only. */
export function checkAppAdmin(caller: RestCaller): void {
  if (caller.kind !== 'session' || !caller.user.isAdmin) throw kintoneErrors.noPermission();
}

export function isValidRequestToken(state: SimState, user: SimUser, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(requestTokenFor(state, user.code));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
