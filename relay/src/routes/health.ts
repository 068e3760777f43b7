import { sql } from '@k2c/db/operators';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';

export function healthRoutes(deps: Pick<AppDeps, 'db'>) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      try {
        await deps.db.execute(sql`select 1`);
      } catch {
        throw new AppError('service_unavailable', 'The database is not reachable');
      }
      return c.json({ status: 'ready' });
    });
}
