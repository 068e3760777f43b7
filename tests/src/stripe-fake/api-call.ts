import type { FakeContext } from './context';
import { invalidParam } from './errors';
import type { EventSource } from './events';
import type { Params } from './params';

/** What an API handler gets: the parsed parameters, the ids in its path and what to tag events with. */
export interface ApiCall {
  ctx: FakeContext;
  params: Params;
  /** The `expand[]` parameter. */
  expand: string[] | undefined;
  pathParams: string[];
  source: EventSource;
}

/** Returns the JSON to answer with (status 200). Errors are thrown as StripeApiError. */
export type ApiHandler = (call: ApiCall) => object;

export function pathParam(call: ApiCall, index = 0): string {
  return call.pathParams[index] ?? '';
}

/** Stripe checks URLs it will redirect to; so does the fake (absolute http(s) only). */
export function checkUrl(value: string | undefined, param: string): void {
  if (value === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidParam(param, 'Not a valid URL', 'url_invalid');
  }
}
