import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from '../app-deps';
import type { CookiePolicy } from '../http/session-cookie';
import { assetRoutes } from './assets';
import type { DashboardEnv } from './http/dashboard-env';
import { dashboardErrorHandler, notFoundPage } from './http/error-pages';
import { language } from './http/language';
import { optionalLogin, requireLogin } from './http/sessions';
import { registerAccountRoutes } from './routes/account-routes';
import { registerAuthRoutes } from './routes/auth-routes';
import { registerBillingRoutes } from './routes/billing-routes';
import { registerChatworkRoutes } from './routes/chatwork-routes';
import { registerDeliveryRoutes } from './routes/delivery-routes';
import { registerInfoRoutes } from './routes/info-routes';
import { registerKeyRoutes } from './routes/key-routes';
import { registerOverviewRoutes } from './routes/overview-routes';
import { registerPasswordRoutes } from './routes/password-routes';
import { registerPublicRoutes } from './routes/public-routes';

export { dashboardSecurityHooks } from './http/security-pages';

/**
 * The pages for visitors, listed one by one: a bare `*` would also run for /api and /v1. A
 * `/x/*` pattern covers `/x` itself too.
 */
const PUBLIC_PATHS = ['/', '/login', '/signup', '/logout', '/password/*', '/contact/*', '/privacy'];

// Japanese text is nine bytes a character once form-encoded; a 5,000-character inquiry fits.
const FORM_LIMIT_BYTES = 64 * 1024;

function formLimit() {
  return bodyLimit({
    maxSize: FORM_LIMIT_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: 'The form is too large' });
    },
  });
}

/**
 * The web dashboard: server-rendered pages (hono/jsx) with plain forms, one stylesheet and one
 * small script of our own. Mounted at the root; it answers only its own paths.
 */
export function dashboardRoutes(deps: AppDeps) {
  const cookiePolicy: CookiePolicy = { secure: deps.env.PUBLIC_URL?.startsWith('https://') ?? false };
  const onError = dashboardErrorHandler(deps.logger);
  const chooseLanguage = language({ secureCookies: cookiePolicy.secure });

  const root = new Hono<DashboardEnv>();
  root.onError(onError);
  root.route('/assets', assetRoutes());
  for (const path of PUBLIC_PATHS) root.use(path, chooseLanguage, optionalLogin(deps.db, deps.now), formLimit());
  registerAuthRoutes(root, deps, cookiePolicy);
  registerPasswordRoutes(root, deps);
  registerPublicRoutes(root, deps);

  const dashboard = new Hono<DashboardEnv>();
  dashboard.onError(onError);
  dashboard.use('*', chooseLanguage, requireLogin(deps.db, deps.now), formLimit());
  registerOverviewRoutes(dashboard, deps);
  registerChatworkRoutes(dashboard, deps);
  registerKeyRoutes(dashboard, deps);
  registerDeliveryRoutes(dashboard, deps);
  registerInfoRoutes(dashboard, deps);
  registerBillingRoutes(dashboard, deps);
  registerAccountRoutes(dashboard, deps, cookiePolicy);
  dashboard.all('*', notFoundPage);
  root.route('/dashboard', dashboard);
  return root;
}
