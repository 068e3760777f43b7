import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import { listKeys } from '../../services/connection-keys';
import type { DashboardEnv } from '../http/dashboard-env';
import { render } from '../http/render';
import { viewOf } from '../layout/view';
import { PluginPage } from '../pages/plugin-page';

/** The plug-in guide: a page that only reads. */
export function registerInfoRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/plugin', async (c) => {
    // What the administrator types into the plug-in: the public address when one is set.
    const relayUrl = (deps.env.PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    const keys = await listKeys(deps.db, c.var.session.tenantId);
    return render(
      c,
      <PluginPage view={viewOf(c, '/dashboard/plugin')} relayUrl={relayUrl} hasKeys={keys.length > 0} />,
    );
  });
}
