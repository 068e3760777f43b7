/**
 * Public types of the Stripe fake. Objects it hands out (customers, subscriptions, events …) are
 * typed with the stripe package's own types, so the shapes are checked against the API version
 * the relay uses.
 */
import type Stripe from 'stripe';
import type { FormObject } from './form';

/** The API version the fake speaks (stripe 23.2.0 pins it). */
export const STRIPE_API_VERSION = '2026-11-18.endive';

export interface FakePrice {
  id: string;
  /** In the currency's smallest unit; JPY has no minor unit, so 3000 is ¥3,000. */
  unitAmount: number;
  currency: 'jpy';
  interval: 'month';
  /** Product id; default `prod_` + the price id without its `price_` prefix. */
  product?: string;
  /** Shown on the hosted pages; default the product id. */
  name?: string;
}

/**
 * What happens when the retries of a failed renewal run out (`dunningDays` after the failure):
 * `canceled` (Stripe's default "cancel the subscription" setting, and the default here) or `unpaid`.
 */
export type DunningOutcome = 'canceled' | 'unpaid';

export interface StripeFakeOptions {
  /** 0 = random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The one secret key the fake accepts; default `sk_test_fake`. */
  apiKey?: string;
  /** Default: one `price_standard_monthly`, 3000 JPY a month. */
  prices?: FakePrice[];
  /** A webhook endpoint to send events to from the start. */
  webhookUrl?: string;
  /** Its signing secret (`whsec_…`); default a random one, see `webhookEndpoints()`. */
  webhookSecret?: string;
  /** Base clock, epoch ms (default Date.now); advanceClock() moves the fake's time ahead of it. */
  now?: () => number;
  /** Waits before re-sending a failed delivery; its length is the number of retries. Default [100, 400, 1600]. */
  retryDelaysMs?: number[];
  /** Days from a failed renewal payment to the dunning outcome; default 14 (Stripe's default retry window). */
  dunningDays?: number;
  /** Default 'canceled'. */
  dunningOutcome?: DunningOutcome;
  /** How long a webhook endpoint may take to answer before the attempt counts as failed; default 10 000 ms. */
  webhookTimeoutMs?: number;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
}

/** One attempt to deliver one event to one endpoint. */
export interface WebhookDelivery {
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** 1 for the first attempt; a resend starts again at 1. */
  attempt: number;
  /** The endpoint's status code, or null when it could not be reached (or timed out). */
  status: number | null;
  error: string | null;
  /** The Stripe-Signature header sent. */
  signature: string;
  /**
   * Wall-clock epoch ms of the attempt. Signatures use wall time too, not the fake's clock:
   * stripe.webhooks.constructEvent checks `t` against the real time (300 s tolerance).
   */
  at: number;
}

/** A request to the /v1 API as the fake received it. */
export interface RecordedRequest {
  /** `req_…`, also sent as the Request-Id header and in events' `request.id`. */
  requestId: string;
  method: string;
  /** Path and query exactly as received. */
  path: string;
  pathname: string;
  /** Parameters parsed from the form body (POST) or query (GET, DELETE), brackets nested. */
  params: FormObject;
  rawBody: string;
  /** All request headers, names lower-cased. */
  headers: Record<string, string>;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  /** Status answered; null while unanswered. */
  status: number | null;
  /** True when the answer was a stored idempotent response. */
  idempotentReplayed: boolean;
  /** Epoch ms on the fake's clock. */
  time: number;
}

export type CheckoutAction = 'pay' | 'decline' | 'cancel';

export interface StripeFake {
  /** e.g. http://127.0.0.1:43123 — the relay's STRIPE_API_URL. */
  url: string;
  host: string;
  port: number;
  apiKey: string;
  apiVersion: typeof STRIPE_API_VERSION;
  /** Spread into `new Stripe(key, { ...fake.clientConfig(), maxNetworkRetries: 0 })`. */
  clientConfig(): { host: string; port: number; protocol: 'http' };

  /** Adds an endpoint; the secret defaults to a random `whsec_…`. */
  addWebhookEndpoint(endpoint: { url: string; secret?: string }): WebhookEndpoint;
  webhookEndpoints(): WebhookEndpoint[];
  deliveries(): WebhookDelivery[];
  /** Resolves once no delivery is in flight or waiting for a retry (rejects after `timeoutMs`, default 5000). */
  webhooksSettled(options?: { timeoutMs?: number }): Promise<void>;
  /** Sends an event again to every endpoint, like the Dashboard's "Resend". */
  resendEvent(eventId: string): void;
  /** While on, the events one operation produces are delivered last-first. */
  sendEventsOutOfOrder(enabled: boolean): void;

  /** The fake's clock, epoch ms. */
  now(): number;
  /** Moves the clock ahead, running renewals, cancellations, dunning and expiries that fall due. */
  advanceClock(seconds: number): void;
  /** The subscription's next renewal payment fails (the subscription goes past_due). */
  failNextRenewal(subscriptionId: string): void;
  /** Pays an open invoice, as a successful retry or a customer fixing their card would. */
  payInvoice(invoiceId: string): Stripe.Invoice;
  /**
   * Does what the hosted checkout page's buttons do, for tests that do not drive the page.
   * Returns where the browser would be sent (success_url / cancel_url), or null when it stays
   * on the page (a decline).
   */
  completeCheckout(sessionId: string, action?: CheckoutAction): string | null;

  events(): Stripe.Event[];
  requests(): RecordedRequest[];
  customers(): Array<Stripe.Customer | Stripe.DeletedCustomer>;
  subscriptions(): Stripe.Subscription[];
  invoices(): Stripe.Invoice[];
  checkoutSessions(): Stripe.Checkout.Session[];

  close(): Promise<void>;
}
