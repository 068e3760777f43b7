import type { Db } from '@k2c/db';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors';
import { authenticateConnectionKey } from '../services/connection-keys';
import type { AppEnv } from './app-env';

/** Plug-in API authentication: `Authorization: Bearer <connection key>` → the key's tenant. */
export function connectionKeyAuth(db: Db, now: () => Date) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new AppError('unauthorized', 'Send the connection key as "Authorization: Bearer <key>"', undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    const { tenantId, planCode } = await authenticateConnectionKey(db, match[1], now());
    c.set('tenantId', tenantId);
    c.set('planCode', planCode);
    await next();
  });
}
