import type { Db } from '@k2c/db';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors';
import { resolveSession } from '../services/sessions';
import type { AppEnv } from './app-env';

export const SESSION_COOKIE = 'k2c_session';

export interface CookiePolicy {
  /** Secure cookies when the relay is served over https (PUBLIC_URL). */
  secure: boolean;
}

export function setSessionCookie(c: Context, policy: CookiePolicy, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: policy.secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: policy.secure });
}

/** Requires a live session; the account API answers 401 without one. */
export function sessionAuth(db: Db, now: () => Date) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(db, token, now()) : undefined;
    if (!session) throw new AppError('unauthorized', 'Log in first');
    c.set('session', session);
    await next();
  });
}
