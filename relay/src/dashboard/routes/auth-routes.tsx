import type { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../../app-deps';
import { clientAddress } from '../../http/security/client-address';
import { type CookiePolicy, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/session-cookie';
import { logIn, signUp } from '../../services/accounts';
import { closeSession, openSession, resolveSession } from '../../services/sessions';
import { failureOf } from '../http/app-errors';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { withNotice } from '../http/notice';
import { render, seeOther } from '../http/render';
import { safeNextPath } from '../http/safe-next';
import { checkEmail, checkNewPassword, checkPassword, checkText, hasErrors, LIMITS } from '../http/validate';
import { viewOf } from '../layout/view';
import { LoginPage, SignupPage } from '../pages/auth-pages';

/** Login, sign-up and logout: the same services as POST /api/login, /api/signup and /api/logout. */
export function registerAuthRoutes(app: Hono<DashboardEnv>, deps: AppDeps, cookiePolicy: CookiePolicy) {
  app.get('/', (c) => seeOther(c, c.var.viewer ? '/dashboard' : '/login'));

  app.get('/login', (c) => {
    if (c.var.viewer) return c.redirect('/dashboard', 302);
    const next = safeNextPath(c.req.query('next'));
    const view = viewOf(c, '/login', next ? `?next=${encodeURIComponent(next)}` : '');
    return render(c, <LoginPage view={view} next={next} />);
  });

  app.post('/login', async (c) => {
    const { t } = c.var;
    const form = await readForm(c);
    const next = safeNextPath(form.next);
    const values = { email: form.email };
    const errors = { email: checkText(form.email, LIMITS.email, t), password: checkPassword(form.password, t) };
    if (hasErrors(errors)) {
      return render(c, <LoginPage view={viewOf(c, '/login')} next={next} state={{ values, errors }} />, 400);
    }
    try {
      const user = await logIn(
        deps,
        { email: form.email ?? '', password: form.password ?? '' },
        { ip: clientAddress(c, deps.env.TRUST_PROXY) },
      );
      const session = await openSession(deps.db, user, deps.now());
      setSessionCookie(c, cookiePolicy, session.token, session.expiresAt);
      return seeOther(c, next ?? '/dashboard');
    } catch (error) {
      const failure = failureOf(error, t);
      const state = { values, error: failure.message };
      return render(c, <LoginPage view={viewOf(c, '/login')} next={next} state={state} />, failure.status);
    }
  });

  app.get('/signup', (c) => {
    if (c.var.viewer) return c.redirect('/dashboard', 302);
    return render(c, <SignupPage view={viewOf(c, '/signup')} />);
  });

  app.post('/signup', async (c) => {
    const { t } = c.var;
    const form = await readForm(c);
    const values = { email: form.email, companyName: form.companyName };
    const errors = {
      companyName: checkText(form.companyName, LIMITS.companyName, t),
      email: checkEmail(form.email, t),
      password: checkNewPassword(form.password, t),
    };
    if (hasErrors(errors)) {
      return render(c, <SignupPage view={viewOf(c, '/signup')} state={{ values, errors }} />, 400);
    }
    try {
      const account = await signUp(deps.db, {
        email: (form.email ?? '').trim(),
        password: form.password ?? '',
        companyName: form.companyName ?? '',
      });
      const session = await openSession(deps.db, { userId: account.user.id, tenantId: account.tenant.id }, deps.now());
      setSessionCookie(c, cookiePolicy, session.token, session.expiresAt);
      deps.logger.info('tenant signed up', { tenantId: account.tenant.id, via: 'dashboard' });
      return seeOther(c, withNotice('/dashboard', 'welcome'));
    } catch (error) {
      const failure = failureOf(error, t);
      const state =
        failure.code === 'email_taken'
          ? { values, errors: { email: failure.message } }
          : { values, error: failure.message };
      return render(c, <SignupPage view={viewOf(c, '/signup')} state={state} />, failure.status);
    }
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(deps.db, token, deps.now()) : undefined;
    if (session) await closeSession(deps.db, session);
    clearSessionCookie(c, cookiePolicy);
    return seeOther(c, withNotice('/login', 'logged_out'));
  });
}
