import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';
import type { AppEnv } from '../app-env';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why a request was refused; never the header's full value (a Referer may carry a token). */
export type OriginRefusal = 'sec-fetch-site' | 'origin' | 'referer';

export type ForbiddenHook = (
  c: Context<AppEnv>,
  reason: OriginRefusal,
) => Response | undefined | Promise<Response | undefined>;

export interface OriginCheckOptions {
  /** PUBLIC_URL: its origin is the only one allowed. Unset → the request's own Host. */
  publicUrl: string | undefined;
  /** Paths that are not checked (bearer-key and signed-webhook endpoints send no cookies). */
  exempt(path: string): boolean;
  onForbidden?: ForbiddenHook | undefined;
}

function sameHost(url: string, expected: { origin: string } | { host: string }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin === 'null') return false;
  return 'origin' in expected ? parsed.origin === expected.origin : parsed.host === expected.host.toLowerCase();
}

/**
 * CSRF protection for the cookie-authenticated paths: a state-changing request is refused when
 * the browser says it comes from another site (Sec-Fetch-Site), or when its Origin — or, without
 * one, its Referer — names another origin. A request with none of these headers is not from a
 * browser page (curl, scripts) and passes; the JSON API also accepts only application/json,
 * which a page on another site cannot send without a CORS preflight that the relay never grants.
 */
export function originCheck(options: OriginCheckOptions): MiddlewareHandler<AppEnv> {
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  return async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method) || options.exempt(c.req.path)) return next();
    const expected = publicOrigin
      ? { origin: publicOrigin }
      : { host: c.req.header('host') ?? new URL(c.req.url).host };
    const fetchSite = c.req.header('sec-fetch-site')?.toLowerCase();
    const origin = c.req.header('origin');
    const referer = c.req.header('referer');
    let refusal: OriginRefusal | undefined;
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') refusal = 'sec-fetch-site';
    else if (origin !== undefined) refusal = sameHost(origin, expected) ? undefined : 'origin';
    else if (referer !== undefined) refusal = sameHost(referer, expected) ? undefined : 'referer';
    if (!refusal) return next();
    const custom = await options.onForbidden?.(c, refusal);
    if (custom) return custom;
    throw new AppError('forbidden', 'This request did not come from the relay’s own pages');
  };
}
