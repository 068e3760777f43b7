import type { HttpReply } from '../fake-server/http-io';
import type { ApiHandler } from './api-call';
import { CHECKOUT_ROUTES } from './api-checkout';
import { RESOURCE_ROUTES } from './api-resources';
import type { FakeContext } from './context';
import { invalidRequest, StripeApiError, unrecognizedUrl } from './errors';
import { canonicalForm, parseForm } from './form';
import { errorReply, jsonReply } from './http-io';
import { Params } from './params';
import { type RecordedRequest, STRIPE_API_VERSION } from './types';

export const API_PREFIX = '/v1';

const ROUTES: Array<[string, RegExp, ApiHandler]> = [...CHECKOUT_ROUTES, ...RESOURCE_ROUTES];

export interface ApiRequest {
  method: string;
  pathname: string;
  /** The query string without `?`. */
  query: string;
  body: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  record: RecordedRequest;
}

/** `sk_test_fake` → `sk_test_********fake`, the way Stripe echoes a wrong key. */
function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return `${prefix}${'*'.repeat(Math.max(rest.length - 4, 0))}${rest.slice(-4)}`;
}

/** The key from `Authorization: Bearer sk_…` or (as Stripe also accepts) Basic auth with the key as user name. */
function presentedKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  return undefined;
}

function authenticate(ctx: FakeContext, header: string | undefined): void {
  const key = presentedKey(header);
  if (!key) {
    throw new StripeApiError(
      401,
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (key !== ctx.apiKey) throw new StripeApiError(401, `Invalid API Key provided: ${maskKey(key)}`);
}

function run(ctx: FakeContext, request: ApiRequest, baseHeaders: Record<string, string>): HttpReply {
  const { method, pathname, headers, record } = request;
  authenticate(ctx, headers.authorization);
  const version = headers['stripe-version'];
  // The fake answers in one API version's shapes; another version would get shapes it does not expect.
  if (version !== undefined && version !== STRIPE_API_VERSION) {
    throw invalidRequest(
      `The Stripe fake speaks API version ${STRIPE_API_VERSION} only; this request asked for ${version}.`,
    );
  }
  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (method === 'POST' && request.body !== '' && mediaType !== 'application/x-www-form-urlencoded') {
    throw invalidRequest(
      `Invalid request: Stripe's v1 API takes form-encoded bodies (application/x-www-form-urlencoded); got ${mediaType ?? 'no content type'}.`,
    );
  }
  const form = parseForm(method === 'POST' ? request.body : request.query);
  record.params = form;

  const matched = ROUTES.map(([routeMethod, pattern, handler]) => ({
    routeMethod,
    match: pattern.exec(pathname),
    handler,
  }))
    .filter(({ match }) => match !== null)
    .find(({ routeMethod }) => routeMethod === method);
  if (!matched?.match) throw unrecognizedUrl(method, pathname);

  // Stripe honours Idempotency-Key on POST only (the stripe client also sends one on DELETE).
  const key = method === 'POST' ? headers['idempotency-key'] : undefined;
  const endpoint = `${method} ${pathname}`;
  const fingerprint = canonicalForm(form);
  if (key !== undefined) {
    const replay = ctx.idempotency.lookup(key, endpoint, fingerprint, ctx.clock.nowMs());
    if (replay) {
      record.idempotentReplayed = true;
      return replay;
    }
  }
  const params = new Params(form);
  const result = matched.handler({
    ctx,
    params,
    expand: params.stringArray('expand'),
    pathParams: matched.match.slice(1).map((part) => decodeURIComponent(part)),
    source: { requestId: record.requestId, idempotencyKey: key ?? null },
  });
  const reply = jsonReply(200, result, { ...baseHeaders, ...(key === undefined ? {} : { 'idempotency-key': key }) });
  if (key !== undefined) ctx.idempotency.store(key, endpoint, fingerprint, reply, ctx.clock.nowMs());
  return reply;
}

/**
 * Order of checks, as in Stripe: API key (401) → version → body format → route (404) →
 * idempotency (replay or 400) → the endpoint's own parameters (400/404).
 */
export function handleApiRequest(ctx: FakeContext, request: ApiRequest): HttpReply {
  const baseHeaders = { 'request-id': request.record.requestId, 'stripe-version': STRIPE_API_VERSION };
  try {
    return run(ctx, request, baseHeaders);
  } catch (error) {
    if (error instanceof StripeApiError) return errorReply(error, baseHeaders);
    throw error;
  }
}
