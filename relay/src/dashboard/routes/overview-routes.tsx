import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import { overviewData } from '../data/overview';
import type { DashboardEnv } from '../http/dashboard-env';
import { render } from '../http/render';
import { viewOf } from '../layout/view';
import { OverviewPage } from '../pages/overview-page';

export function registerOverviewRoutes(app: Hono<DashboardEnv>, deps: AppDeps) {
  app.get('/', async (c) => {
    const data = await overviewData(deps, c.var.session.tenantId);
    return render(c, <OverviewPage view={viewOf(c, '/dashboard')} data={data} />);
  });
}
