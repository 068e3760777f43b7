import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import type { CookiePolicy } from '../../http/session-cookie';
import { clearSessionCookie } from '../../http/session-cookie';
import { requestAccountDeletion } from '../../services/account-deletion';
import { exportAccount } from '../../services/account-export';
import { changePassword } from '../../services/accounts';
import { formatDate, japanDay } from '../format';
import { failureOf } from '../http/app-errors';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { withNotice } from '../http/notice';
import { render, seeOther } from '../http/render';
import { checkNewPassword, checkPassword, hasErrors } from '../http/validate';
import { viewOf } from '../layout/view';
import { AccountDeletedPage, AccountPage } from '../pages/account-page';

export function registerAccountRoutes(app: Hono<DashboardEnv>, deps: AppDeps, cookiePolicy: CookiePolicy) {
  const page = '/dashboard/account';

  app.get('/account', (c) => render(c, <AccountPage view={viewOf(c, page)} />));

  app.post('/account/password', async (c) => {
    const { t } = c.var;
    const form = await readForm(c);
    const errors = {
      currentPassword: checkPassword(form.currentPassword, t),
      newPassword: checkNewPassword(form.newPassword, t),
    };
    if (hasErrors(errors)) {
      return render(c, <AccountPage view={viewOf(c, page)} forms={{ password: { errors } }} />, 400);
    }
    try {
      await changePassword(deps, c.var.session, {
        currentPassword: form.currentPassword ?? '',
        newPassword: form.newPassword ?? '',
      });
      return seeOther(c, withNotice(page, 'password_changed'));
    } catch (error) {
      const failure = failureOf(error, t);
      const password =
        failure.code === 'invalid_credentials'
          ? { errors: { currentPassword: t.validation.wrongPassword } }
          : { error: failure.message };
      return render(c, <AccountPage view={viewOf(c, page)} forms={{ password }} />, failure.status);
    }
  });

  app.get('/account/export', async (c) => {
    const { tenantId } = c.var.session;
    const data = await exportAccount(deps.db, tenantId);
    deps.logger.info('account exported', { tenantId, via: 'dashboard' });
    const filename = `kintone2chatwork-export-${japanDay(deps.now())}.json`;
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });

  app.post('/account/delete', async (c) => {
    const { t, session } = c.var;
    const form = await readForm(c);
    const errors = { password: checkPassword(form.password, t) };
    if (hasErrors(errors)) {
      return render(c, <AccountPage view={viewOf(c, page)} forms={{ deletion: { errors } }} />, 400);
    }
    try {
      const { purgeAfter } = await requestAccountDeletion(deps, session, form.password ?? '', deps.now());
      clearSessionCookie(c, cookiePolicy);
      deps.logger.info('account deletion requested', { tenantId: session.tenantId, purgeAfter, via: 'dashboard' });
      // Rendered here rather than after a redirect: the session is gone, and the date is the tenant's alone.
      c.set('viewer', undefined);
      return render(
        c,
        <AccountDeletedPage view={viewOf(c, '/login')} purgeDate={formatDate(purgeAfter, c.var.lang)} />,
      );
    } catch (error) {
      const failure = failureOf(error, t);
      const deletion =
        failure.code === 'invalid_credentials'
          ? { errors: { password: t.validation.wrongPassword } }
          : { error: failure.message };
      return render(c, <AccountPage view={viewOf(c, page)} forms={{ deletion }} />, failure.status);
    }
  });
}
