import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../../app-deps';
import { chatworkSummary, connectChatwork } from '../../services/chatwork-connection';
import { failureOf } from '../http/app-errors';
import type { DashboardEnv } from '../http/dashboard-env';
import { readForm } from '../http/form';
import { withNotice } from '../http/notice';
import { render, seeOther } from '../http/render';
import { checkText } from '../http/validate';
import { viewOf } from '../layout/view';
import { ChatworkPage } from '../pages/chatwork-page';

const TOKEN_MAX = 200;

export function registerChatworkRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/chatwork', async (c) => {
    const chatwork = await chatworkSummary(deps.db, c.var.session.tenantId);
    return render(c, <ChatworkPage view={viewOf(c, '/dashboard/chatwork')} chatwork={chatwork} />);
  });

  app.post('/chatwork', async (c) => {
    const { t } = c.var;
    const { tenantId } = c.var.session;
    const form = await readForm(c);
    // The token is never written back into the page, not even after a mistake.
    const invalid = checkText(form.token, TOKEN_MAX, t);
    let error = invalid;
    let status: ContentfulStatusCode = 400;
    if (!invalid) {
      try {
        const connected = await connectChatwork(deps, tenantId, (form.token ?? '').trim(), deps.now());
        deps.logger.info('chatwork connected', { tenantId, accountId: connected.accountId, via: 'dashboard' });
        return seeOther(c, withNotice('/dashboard/chatwork', 'chatwork_connected'));
      } catch (caught) {
        const failure = failureOf(caught, t);
        error = failure.message;
        status = failure.status;
      }
    }
    const chatwork = await chatworkSummary(deps.db, tenantId);
    return render(
      c,
      <ChatworkPage view={viewOf(c, '/dashboard/chatwork')} chatwork={chatwork} error={error} />,
      status,
    );
  });
}
