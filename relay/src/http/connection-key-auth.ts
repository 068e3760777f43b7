import type { Db } from '@k2c/db';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors';
import { authenticateConnectionKey } from '../services/connection-keys';
import type { AppEnv } from './app-env';

/** The key of `Authorization: Bearer <connection key>`; 401 when the header is missing or malformed. */
export function bearerKey(c: Context): string {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) {
    throw new AppError('unauthorized', 'Send the connection key as "Authorization: Bearer <key>"', undefined, {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return match[1];
}

/** Plug-in API authentication: `Authorization: Bearer <connection key>` → the key's tenant. */
export function connectionKeyAuth(db: Db, now: () => Date) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { tenantId, plan } = await authenticateConnectionKey(db, bearerKey(c), now());
    c.set('tenantId', tenantId);
    c.set('tenantPlan', plan);
    await next();
  });
}
