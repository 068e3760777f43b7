import {
  type BodyLimits,
  type HttpReply,
  PAGE_CSP,
  jsonReply as plainJsonReply,
  htmlReply as plainPageReply,
} from '../fake-server/http-io';
import type { StripeApiError } from './errors';

/** Far above any request the relay makes; Stripe's own limit is not documented. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const BODY_LIMITS: BodyLimits = { maxBytes: MAX_BODY_BYTES };

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  // Stripe pretty-prints its API answers too.
  return plainJsonReply(status, value, headers, 2);
}

export function errorReply(error: StripeApiError, headers: Record<string, string> = {}): HttpReply {
  return jsonReply(error.status, error.toJSON(), headers);
}

/** For the control surface: `{ "error": "…" }`, never mistaken for a Stripe answer. */
export function controlError(status: number, message: string): HttpReply {
  return jsonReply(status, { error: message });
}

// The hosted pages are plain forms, posting to the fake itself or to wherever they lead back to.
const HOSTED_PAGE_CSP = `${PAGE_CSP}; form-action 'self' http: https:`;

export function htmlReply(status: number, body: string): HttpReply {
  return plainPageReply(status, body, HOSTED_PAGE_CSP);
}

/** 303 See Other: what a browser follows with a GET after a form POST. */
export function redirectReply(location: string): HttpReply {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: '' };
}
