import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isLang, LANG_COOKIE, messagesFor, pickLanguage } from '../i18n/index';
import type { DashboardEnv } from './dashboard-env';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Chooses the page language: `?lang=ja|en` (the header's switch) stores the choice in a cookie
 * and reloads the same page without the parameter; otherwise the cookie, then Accept-Language.
 */
export function language(options: { secureCookies: boolean }) {
  return createMiddleware<DashboardEnv>(async (c, next) => {
    const requested = c.req.query('lang');
    if (c.req.method === 'GET' && isLang(requested)) {
      setCookie(c, LANG_COOKIE, requested, {
        path: '/',
        maxAge: ONE_YEAR_SECONDS,
        sameSite: 'Lax',
        httpOnly: true,
        secure: options.secureCookies,
      });
      const url = new URL(c.req.url);
      url.searchParams.delete('lang');
      return c.redirect(`${url.pathname}${url.search}`, 302);
    }
    const lang = pickLanguage(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
    c.set('lang', lang);
    c.set('t', messagesFor(lang));
    c.header('Content-Language', lang);
    c.header('Vary', 'Cookie, Accept-Language', { append: true });
    await next();
  });
}
