import { Hono } from 'hono';
import type { AppDeps } from './app-deps';
import { dashboardRoutes, dashboardSecurityHooks } from './dashboard/index';
import type { AppEnv } from './http/app-env';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { applySecurity } from './http/security/apply-security';
import { accountApiRoutes } from './routes/account-api';
import { accountDataApiRoutes } from './routes/account-data-api';
import { billingApiRoutes } from './routes/billing-api';
import { downloadRoutes } from './routes/download';
import { healthRoutes } from './routes/health';
import { notificationRoutes, pluginApiRoutes } from './routes/plugin-api';
import { stripeWebhookRoutes } from './routes/stripe-webhook';

/** Builds the HTTP app from its dependencies; it listens to nothing and starts nothing. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  // Before every route: security headers, the origin check (CSRF) and the per-address limit;
  // the dashboard answers their refusals with a page, the APIs with the JSON error.
  applySecurity(app, deps, dashboardSecurityHooks());
  app.route('/', healthRoutes(deps));
  // The hot path first: it authenticates inside its single database call.
  app.route('/v1', notificationRoutes(deps));
  app.route('/v1', pluginApiRoutes(deps));
  app.route('/api', accountApiRoutes(deps));
  app.route('/api', accountDataApiRoutes(deps));
  app.route('/api', billingApiRoutes(deps));
  app.route('/webhooks', stripeWebhookRoutes(deps));
  app.route('/download', downloadRoutes(deps.pluginZipPath));
  app.route('/', dashboardRoutes(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
