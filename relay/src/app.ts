import { Hono } from 'hono';
import type { AppDeps } from './app-deps';
import type { AppEnv } from './http/app-env';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { accountApiRoutes } from './routes/account-api';
import { accountDataApiRoutes } from './routes/account-data-api';
import { downloadRoutes } from './routes/download';
import { healthRoutes } from './routes/health';
import { pluginApiRoutes } from './routes/plugin-api';

/** Builds the HTTP app from its dependencies; it listens to nothing and starts nothing. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  app.route('/', healthRoutes(deps));
  app.route('/v1', pluginApiRoutes(deps));
  app.route('/api', accountApiRoutes(deps));
  app.route('/api', accountDataApiRoutes(deps));
  app.route('/download', downloadRoutes(deps.pluginZipPath));
  return app;
}

export type App = ReturnType<typeof createApp>;
