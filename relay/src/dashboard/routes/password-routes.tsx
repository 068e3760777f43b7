import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import { requestPasswordReset, resetPassword } from '../../auth/password-reset';
import { failureOf } from '../http/app-errors';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { withNotice } from '../http/notice';
import { render, seeOther } from '../http/render';
import { checkEmail, checkNewPassword, hasErrors } from '../http/validate';
import { viewOf } from '../layout/view';
import { ForgotPasswordPage, ResetPasswordPage } from '../pages/auth-pages';

/** "Forgot your password?": the security services mail a one-hour link to /password/reset. */
export function registerPasswordRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/password/forgot', (c) => render(c, <ForgotPasswordPage view={viewOf(c, '/password/forgot')} />));

  app.post('/password/forgot', async (c) => {
    const { t } = c.var;
    const form = await readForm(c);
    const errors = { email: checkEmail(form.email, t) };
    if (hasErrors(errors)) {
      const state = { values: { email: form.email }, errors };
      return render(c, <ForgotPasswordPage view={viewOf(c, '/password/forgot')} state={state} />, 400);
    }
    // Not awaited: the answer is the same, and as quick, whether or not the address has an account.
    requestPasswordReset(deps, form.email ?? '', new URL(c.req.url).origin);
    return seeOther(c, withNotice('/login', 'reset_requested'));
  });

  app.get('/password/reset', (c) => {
    const token = c.req.query('token') ?? '';
    // The token stays out of every later URL: the form carries it in the body.
    c.header('Cache-Control', 'no-store');
    const state = token ? {} : { error: c.var.t.errors.invalid_token };
    return render(c, <ResetPasswordPage view={viewOf(c, '/password/reset')} token={token} state={state} />);
  });

  app.post('/password/reset', async (c) => {
    const { t } = c.var;
    const form = await readForm(c);
    const token = form.token ?? '';
    const errors = { password: checkNewPassword(form.password, t) };
    const view = viewOf(c, '/password/reset');
    if (!token)
      return render(c, <ResetPasswordPage view={view} token="" state={{ error: t.errors.invalid_token }} />, 400);
    if (hasErrors(errors)) return render(c, <ResetPasswordPage view={view} token={token} state={{ errors }} />, 400);
    try {
      await resetPassword(deps, token, form.password ?? '');
      return seeOther(c, withNotice('/login', 'password_reset'));
    } catch (error) {
      const failure = failureOf(error, t);
      // A dead link cannot be fixed by typing again: the form goes, the way to a new link stays.
      const dead = failure.code === 'invalid_reset_token';
      const state = { error: dead ? t.errors.invalid_token : failure.message };
      return render(c, <ResetPasswordPage view={view} token={dead ? '' : token} state={state} />, failure.status);
    }
  });
}
