import type { Hono } from 'hono';
import type { AppDeps } from '../../app-deps';
import type { AppEnv } from '../app-env';
import { addressKey, clientAddress } from './client-address';
import { type ForbiddenHook, originCheck } from './origin-check';
import { type RateLimitedHook, rateLimit } from './rate-limit';
import { securityHeaders } from './security-headers';

/** Lets the dashboard answer refusals with its own HTML page; undefined keeps the JSON error. */
export interface SecurityHooks {
  onForbidden?: ForbiddenHook;
  onRateLimited?: RateLimitedHook;
}

/**
 * Paths where no cookie authenticates anything: the plug-in API takes a bearer key and is called
 * by kintone's servers (one address for many customers, so it is limited per tenant instead),
 * webhooks are signed, and health checks come from the load balancer.
 */
export function isCookieFreePath(path: string): boolean {
  return /^\/(v1|webhooks)(\/|$)/.test(path);
}

function isHealthCheck(path: string): boolean {
  return path === '/healthz' || path === '/readyz';
}

/**
 * The middleware every response passes through, registered before any route: security headers
 * on everything, the origin check (CSRF) and the per-address request limit on the account API
 * and the dashboard. The per-tenant limit of the plug-in API sits after its key check.
 */
export function applySecurity(app: Hono<AppEnv>, deps: AppDeps, hooks: SecurityHooks = {}): void {
  const { env } = deps;
  app.use('*', securityHeaders(env));
  app.use('*', originCheck({ publicUrl: env.PUBLIC_URL, exempt: isCookieFreePath, onForbidden: hooks.onForbidden }));
  app.use(
    '*',
    rateLimit(deps.db, {
      scope: 'ip',
      limit: env.IP_RATE_LIMIT,
      key: (c) =>
        isCookieFreePath(c.req.path) || isHealthCheck(c.req.path)
          ? undefined
          : addressKey(clientAddress(c, env.TRUST_PROXY)),
      now: deps.now,
      onLimited: hooks.onRateLimited,
    }),
  );
}

/** The plug-in API's request limit per tenant, after connection-key authentication. */
export function tenantRateLimit(deps: Pick<AppDeps, 'db' | 'env' | 'now'>) {
  return rateLimit(deps.db, {
    scope: 'tenant',
    limit: deps.env.TENANT_RATE_LIMIT,
    key: (c) => c.var.tenantId,
    now: deps.now,
  });
}
