import type { Context, ErrorHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../errors';
import { describeError, type Logger } from '../../logger';
import { LANG_COOKIE, messagesFor, pickLanguage } from '../i18n/index';
import { viewOf } from '../layout/view';
import { ErrorPage } from '../pages/error-page';
import type { DashboardEnv } from './dashboard-env';
import { render } from './render';

function ensureLanguage(c: Context<DashboardEnv>) {
  // An error can come before the language middleware ran; the page is still in the reader's language.
  if (!c.var.t) {
    const lang = pickLanguage(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
    c.set('lang', lang);
    c.set('t', messagesFor(lang));
  }
}

export function notFoundPage(c: Context<DashboardEnv>) {
  ensureLanguage(c);
  const { t } = c.var;
  const view = viewOf(c, c.req.path);
  return render(c, <ErrorPage view={view} title={t.errorPage.notFoundTitle} message={t.errorPage.notFoundBody} />, 404);
}

/** Dashboard failures as pages in the reader's language; an unexpected one is logged, never shown. */
export function dashboardErrorHandler(logger: Logger): ErrorHandler<DashboardEnv> {
  return (error, c) => {
    ensureLanguage(c);
    const { t } = c.var;
    let status: ContentfulStatusCode = 500;
    let message = t.errors.internal_error;
    if (error instanceof AppError && error.status < 500) {
      if (error.code === 'not_found') return notFoundPage(c);
      status = error.status;
      message = Object.hasOwn(t.errors, error.code) ? t.errors[error.code as keyof typeof t.errors] : t.errors.generic;
    } else if (error instanceof HTTPException && error.status < 500) {
      status = error.status as ContentfulStatusCode;
      message = error.status === 413 ? t.errors.payload_too_large : t.errors.generic;
    } else {
      logger.error('dashboard request failed', { method: c.req.method, path: c.req.path, ...describeError(error) });
    }
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      <ErrorPage view={viewOf(c, c.req.path)} title={t.errorPage.errorTitle} message={message} />,
      status,
    );
  };
}
