import type { HttpReply } from '../fake-server/http-io';
import type { FakeContext } from './context';
import { type Controls, UnknownIdError } from './controls';
import { renderDashboard } from './dashboard-page';
import { StripeApiError } from './errors';
import { controlError, htmlReply, jsonReply } from './http-io';
import type { CheckoutAction } from './types';
import { SettleTimeoutError } from './webhooks';

/**
 * JSON control surface for tests in another process and for the sandbox. It lives outside /v1 so
 * it can never be mistaken for a Stripe endpoint, needs no API key and is not recorded in
 * requests(): it is the test harness, not traffic under test.
 */
export const CONTROL_PREFIX = '/__fake';

export interface ControlRequest {
  method: string;
  pathname: string;
  body: string;
}

type Body = Record<string, unknown>;

/** A handler's answer that is not JSON (the dashboard). */
class RawReply {
  constructor(readonly reply: HttpReply) {}
}

type ControlHandler = (body: Body) => unknown;

function parseBody(text: string): Body {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TypeError('request body must be JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('request body must be a JSON object');
  }
  return value as Body;
}

function stringField(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string`);
  return value;
}

function optionalNumber(body: Body, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${name} must be a number`);
  return value;
}

const OK = { ok: true };

function routes(
  ctx: FakeContext,
  controls: Controls,
  url: string,
): Record<string, Partial<Record<string, ControlHandler>>> {
  const dashboard = () =>
    new RawReply(
      htmlReply(
        200,
        renderDashboard({
          url,
          nowSec: ctx.clock.nowSec(),
          endpoints: controls.webhookEndpoints(),
          subscriptions: controls.subscriptions(),
          events: controls.events(),
          deliveries: controls.deliveries(),
        }),
      ),
    );
  return {
    '': { GET: dashboard },
    '/': { GET: dashboard },
    '/events': { GET: () => controls.events() },
    '/requests': { GET: () => controls.requests() },
    '/customers': { GET: () => controls.customers() },
    '/subscriptions': { GET: () => controls.subscriptions() },
    '/invoices': { GET: () => controls.invoices() },
    '/checkout-sessions': { GET: () => controls.checkoutSessions() },
    '/deliveries': { GET: () => controls.deliveries() },
    '/webhook-endpoints': {
      GET: () => controls.webhookEndpoints(),
      POST: (body) => {
        const secret = body.secret;
        if (secret !== undefined && typeof secret !== 'string') throw new TypeError('secret must be a string');
        return controls.addWebhookEndpoint({ url: stringField(body, 'url'), ...(secret ? { secret } : {}) });
      },
    },
    '/clock': { GET: () => ({ now: controls.now(), nowSec: Math.floor(controls.now() / 1000) }) },
    '/advance-clock': {
      POST: (body) => {
        const seconds = optionalNumber(body, 'seconds');
        if (seconds === undefined) throw new TypeError('seconds is required');
        controls.advanceClock(seconds);
        return { now: controls.now(), nowSec: Math.floor(controls.now() / 1000) };
      },
    },
    '/fail-next-renewal': {
      POST: (body) => {
        controls.failNextRenewal(stringField(body, 'subscriptionId'));
        return OK;
      },
    },
    '/pay-invoice': { POST: (body) => controls.payInvoice(stringField(body, 'invoiceId')) },
    '/resend-event': {
      POST: (body) => {
        controls.resendEvent(stringField(body, 'eventId'));
        return OK;
      },
    },
    '/out-of-order': {
      POST: (body) => {
        if (typeof body.enabled !== 'boolean') throw new TypeError('enabled must be true or false');
        controls.sendEventsOutOfOrder(body.enabled);
        return OK;
      },
    },
    '/complete-checkout': {
      POST: (body) => {
        const action = body.action ?? 'pay';
        if (action !== 'pay' && action !== 'decline' && action !== 'cancel') {
          throw new TypeError('action must be pay, decline or cancel');
        }
        return { redirectUrl: controls.completeCheckout(stringField(body, 'sessionId'), action as CheckoutAction) };
      },
    },
    '/webhooks-settled': {
      POST: async (body) => {
        await controls.webhooksSettled({ timeoutMs: optionalNumber(body, 'timeoutMs') ?? 5000 });
        return OK;
      },
    },
  };
}

export async function handleControlRequest(
  ctx: FakeContext,
  controls: Controls,
  url: string,
  request: ControlRequest,
): Promise<HttpReply> {
  const table = routes(ctx, controls, url);
  const key = request.pathname.slice(CONTROL_PREFIX.length);
  const handlers = Object.hasOwn(table, key) ? table[key] : undefined;
  if (handlers === undefined) return controlError(404, `No control endpoint at ${request.pathname}`);
  const handler = Object.hasOwn(handlers, request.method) ? handlers[request.method] : undefined;
  if (handler === undefined) {
    const reply = controlError(405, `Method ${request.method} is not allowed here`);
    return { ...reply, headers: { ...reply.headers, allow: Object.keys(handlers).join(', ') } };
  }
  try {
    const result = await handler(parseBody(request.body));
    return result instanceof RawReply ? result.reply : jsonReply(200, result);
  } catch (error) {
    if (error instanceof UnknownIdError) return controlError(404, error.message);
    // Bad input, or an operation Stripe would refuse (paying a paid invoice): the caller's mistake.
    if (error instanceof TypeError || error instanceof StripeApiError) return controlError(400, error.message);
    if (error instanceof SettleTimeoutError) return controlError(504, error.message);
    throw error;
  }
}
