import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/app-env';
import type { SecurityHooks } from '../../http/security/apply-security';
import { LANG_COOKIE, messagesFor, pickLanguage } from '../i18n/index';
import type { View } from '../layout/view';
import { ErrorPage } from '../pages/error-page';
import { render } from './render';

/** Paths whose refusals are for a program and stay JSON; everything else is a page a person sees. */
function isApiPath(path: string): boolean {
  return /^\/(api|v1|webhooks|download|assets)(\/|$)/.test(path) || path === '/healthz' || path === '/readyz';
}

function page(c: Context<AppEnv>, status: 403 | 429, message: (t: View['t']) => string) {
  const lang = pickLanguage(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
  const t = messagesFor(lang);
  const view: View = { lang, t, path: c.req.path, search: '', viewer: undefined, notice: undefined };
  c.header('Cache-Control', 'no-store');
  return render(c, <ErrorPage view={view} title={t.errorPage.errorTitle} message={message(t)} />, status);
}

/**
 * The security middleware's refusals (origin check, per-address limit) as pages in the reader's
 * language on dashboard paths; the API keeps its JSON errors. Pass to applySecurity in app.ts.
 */
export function dashboardSecurityHooks(): SecurityHooks {
  return {
    onForbidden: (c) => (isApiPath(c.req.path) ? undefined : page(c, 403, (t) => t.errors.forbidden)),
    onRateLimited: (c) => (isApiPath(c.req.path) ? undefined : page(c, 429, (t) => t.errors.rate_limited)),
  };
}
