import type { Db } from '@k2c/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimit } from '../../env';
import type { AppEnv } from '../app-env';
import { countRequest, rateLimitedError } from './fixed-window';

/**
 * Answers a refused request itself (an HTML page for the dashboard, say); returning undefined
 * leaves the answer to the default, the API's JSON 429 with Retry-After.
 */
export type RateLimitedHook = (
  c: Context<AppEnv>,
  retryAfterSeconds: number,
) => Response | undefined | Promise<Response | undefined>;

export interface RateLimitOptions {
  /** Prefix of the counter key, naming what is counted: `ip`, `tenant`. */
  scope: string;
  /** Requests per fixed window; undefined turns this limit off. */
  limit: RateLimit | undefined;
  /** What the request is counted by; undefined lets it through uncounted. */
  key(c: Context<AppEnv>): string | undefined;
  now: () => Date;
  onLimited?: RateLimitedHook | undefined;
}

/**
 * Fixed-window request limit kept in Postgres (request_counters), so every relay instance
 * counts against the same budget. One upsert per request; windows are deleted by a periodic job.
 */
export function rateLimit(db: Db, options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { limit } = options;
  return async (c, next) => {
    const key = limit && options.key(c);
    if (!limit || key === undefined) return next();
    const { retryAfterSeconds } = await countRequest(db, [{ key: `${options.scope}:${key}`, limit }], options.now());
    if (retryAfterSeconds === undefined) return next();
    const custom = await options.onLimited?.(c, retryAfterSeconds);
    if (custom) {
      custom.headers.set('Retry-After', String(retryAfterSeconds));
      return custom;
    }
    throw rateLimitedError(retryAfterSeconds);
  };
}
