import type { Db } from '@k2c/db';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE } from '../../http/session-cookie';
import { resolveSession, type SessionUser } from '../../services/sessions';
import type { DashboardEnv } from './dashboard-env';
import { safeNextPath } from './safe-next';

async function sessionOf(c: Context, db: Db, now: () => Date): Promise<SessionUser | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? resolveSession(db, token, now()) : undefined;
}

/**
 * The dashboard's own session check: a person without a live session is sent to the login page
 * (and back here afterwards), where the JSON API would answer 401.
 */
export function requireLogin(db: Db, now: () => Date) {
  return createMiddleware<DashboardEnv>(async (c, next) => {
    const session = await sessionOf(c, db, now);
    if (!session) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? safeNextPath(`${url.pathname}${url.search}`) : undefined;
      return c.redirect(back && back !== '/dashboard' ? `/login?next=${encodeURIComponent(back)}` : '/login', 303);
    }
    c.set('session', session);
    c.set('viewer', session);
    c.header('Cache-Control', 'no-store');
    await next();
  });
}

/** Pages anyone may open still know who is logged in (to prefill a form, or show the right header). */
export function optionalLogin(db: Db, now: () => Date) {
  return createMiddleware<DashboardEnv>(async (c, next) => {
    c.set('viewer', await sessionOf(c, db, now));
    await next();
  });
}
