import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { escapeHtml } from '../fake-server/html';
import { headerValue, readBody, requestUrl, writeReply } from '../fake-server/http-io';
import { listen } from '../fake-server/listen';
import { API_PREFIX, handleApiRequest } from './api-routes';
import { FakeClock } from './clock';
import type { FakeContext } from './context';
import { CONTROL_PREFIX, handleControlRequest } from './control-routes';
import { type Controls, createControls } from './controls';
import { invalidRequest } from './errors';
import { EventLog } from './events';
import {
  CHECKOUT_PAGE,
  handleCheckoutPage,
  handleInvoicePage,
  handlePortalPage,
  INVOICE_PAGE,
  PORTAL_PAGE,
} from './hosted-pages';
import { page } from './html';
import { BODY_LIMITS, errorReply, htmlReply } from './http-io';
import { IdempotencyCache } from './idempotency';
import { newId } from './ids';
import { type PriceRecord, Store } from './store';
import {
  type FakePrice,
  type RecordedRequest,
  STRIPE_API_VERSION,
  type StripeFake,
  type StripeFakeOptions,
} from './types';
import { DEFAULT_RETRY_DELAYS_MS, DEFAULT_WEBHOOK_TIMEOUT_MS, WebhookDispatcher } from './webhooks';

export const DEFAULT_API_KEY = 'sk_test_fake';
export const DEFAULT_PRICE: FakePrice = {
  id: 'price_standard_monthly',
  unitAmount: 3000,
  currency: 'jpy',
  interval: 'month',
  product: 'prod_standard',
  name: 'Standard',
};
/** Stripe's default Smart Retries window: two weeks. */
export const DEFAULT_DUNNING_DAYS = 14;

function priceRecord(price: FakePrice, created: number): PriceRecord {
  if (!/^[A-Za-z0-9_-]+$/.test(price.id)) throw new TypeError(`price id must be a plain id: ${price.id}`);
  if (!Number.isInteger(price.unitAmount) || price.unitAmount < 0) {
    throw new TypeError(`price ${price.id}: unitAmount must be an integer ≥ 0 (JPY has no minor unit)`);
  }
  if (price.currency !== 'jpy' || price.interval !== 'month') {
    throw new TypeError(`price ${price.id}: the fake models monthly JPY prices only`);
  }
  const product = price.product ?? `prod_${price.id.replace(/^price_/, '')}`;
  return { ...price, product, name: price.name ?? product, created };
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(req.headers)) headers[name] = headerValue(req, name) ?? '';
  return headers;
}

async function handle(
  ctx: FakeContext,
  controls: Controls,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const url = requestUrl(rawUrl);
  const pathname = url?.pathname ?? rawUrl;
  const body = await readBody(req, BODY_LIMITS);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    writeReply(res, errorReply(invalidRequest('Request body is too large.', 413)));
    return;
  }
  if (url === undefined) {
    writeReply(res, errorReply(invalidRequest('Malformed request target.')));
    return;
  }

  if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
    const headers = headerMap(req);
    const record: RecordedRequest = {
      requestId: newId('req'),
      method,
      path: rawUrl,
      pathname,
      params: {},
      rawBody: body.text,
      headers,
      idempotencyKey: headers['idempotency-key'] ?? null,
      stripeVersion: headers['stripe-version'] ?? null,
      status: null,
      idempotentReplayed: false,
      time: ctx.clock.nowMs(),
    };
    ctx.requests.push(record);
    const reply = handleApiRequest(ctx, {
      method,
      pathname,
      query: url.search.slice(1),
      body: body.text,
      headers,
      record,
    });
    record.status = reply.status;
    writeReply(res, reply);
    return;
  }
  if (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)) {
    writeReply(res, await handleControlRequest(ctx, controls, origin, { method, pathname, body: body.text }));
    return;
  }
  const checkout = CHECKOUT_PAGE.exec(pathname);
  if (checkout) {
    writeReply(res, handleCheckoutPage(ctx, method, decodeURIComponent(checkout[1] ?? ''), body.text));
    return;
  }
  const portal = PORTAL_PAGE.exec(pathname);
  if (portal) {
    writeReply(res, handlePortalPage(ctx, method, decodeURIComponent(portal[1] ?? ''), body.text));
    return;
  }
  const invoice = INVOICE_PAGE.exec(pathname);
  if (invoice) {
    writeReply(res, handleInvoicePage(ctx, method, decodeURIComponent(invoice[1] ?? '')));
    return;
  }
  writeReply(res, htmlReply(404, page('Not found', `<h1>404</h1><p>${escapeHtml(pathname)}</p>`)));
}

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (!apiKey.startsWith('sk_test_')) throw new TypeError('apiKey must be a test secret key (sk_test_…)');
  const dunningDays = options.dunningDays ?? DEFAULT_DUNNING_DAYS;
  if (!Number.isFinite(dunningDays) || dunningDays <= 0) throw new TypeError('dunningDays must be a number > 0');
  const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  if (retryDelaysMs.some((delay) => !Number.isFinite(delay) || delay < 0)) {
    throw new TypeError('retryDelaysMs must be numbers ≥ 0');
  }

  const clock = new FakeClock(options.now ?? Date.now);
  const store = new Store();
  for (const price of options.prices ?? [DEFAULT_PRICE]) {
    if (store.prices.has(price.id)) throw new TypeError(`duplicate price id ${price.id}`);
    store.prices.set(price.id, priceRecord(price, clock.nowSec()));
  }
  const ctx: FakeContext = {
    store,
    clock,
    events: new EventLog(),
    webhooks: new WebhookDispatcher({
      retryDelaysMs: [...retryDelaysMs],
      timeoutMs: options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    }),
    idempotency: new IdempotencyCache(),
    requests: [],
    apiKey,
    portalConfigurationId: newId('bpc'),
    dunningDays,
    dunningOutcome: options.dunningOutcome ?? 'canceled',
    render: { store, origin: '' },
  };
  if (options.webhookUrl !== undefined) {
    ctx.webhooks.addEndpoint({ url: options.webhookUrl, secret: options.webhookSecret });
  } else if (options.webhookSecret !== undefined) {
    throw new TypeError('webhookSecret needs webhookUrl');
  }
  const controls = createControls(ctx);

  let origin = '';
  const server = createServer((req, res) => {
    handle(ctx, controls, origin, req, res).catch((error: unknown) => {
      // A bug in the fake must not pass for a Stripe outage, so the 500 names the fake.
      console.error('Stripe fake: internal error', error);
      const detail = error instanceof Error ? error.message : String(error);
      writeReply(res, errorReply(invalidRequest(`Stripe fake internal error: ${detail}`, 500)));
    });
  });
  const listening = await listen(server, {
    port: options.port,
    host: options.host,
    beforeClose: () => ctx.webhooks.close(),
  });
  const { host, port } = listening;
  origin = listening.origin;
  ctx.render.origin = origin;

  return {
    url: origin,
    host,
    port,
    apiKey,
    apiVersion: STRIPE_API_VERSION,
    clientConfig: () => ({ host, port, protocol: 'http' }),
    ...controls,
    close: listening.close,
  };
}
