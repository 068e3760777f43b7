/** Shared fixtures for this folder's tests (not a test file itself). */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { StripeFake } from './types';

export const WEBHOOK_SECRET = 'whsec_test_0123456789abcdef';

/** The real stripe client pointed at the fake, as the relay will do it (no retries, so errors show). */
export function stripeFor(fake: StripeFake, apiKey = fake.apiKey): Stripe {
  return new Stripe(apiKey, { ...fake.clientConfig(), maxNetworkRetries: 0, telemetry: false });
}

/** A clock tests move by hand; starts at a fixed instant (2026-01-31 03:00 UTC) to exercise month ends. */
export class TestClock {
  time = Date.UTC(2026, 0, 31, 3, 0, 0);
  readonly now = (): number => this.time;
}

export interface ReceivedWebhook {
  raw: string;
  signature: string;
  headers: IncomingHttpHeaders;
  /** Parsed for convenience; tests verify `raw` with the real stripe.webhooks.constructEvent. */
  event: Stripe.Event;
}

/** A webhook endpoint for the fake to call: records every request and answers `respond()`'s status. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (webhook: ReceivedWebhook, index: number) => number = () => 200;
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const webhook: ReceivedWebhook = {
          raw,
          signature: String(req.headers['stripe-signature'] ?? ''),
          headers: req.headers,
          event: JSON.parse(raw) as Stripe.Event,
        };
        this.received.push(webhook);
        const status = this.respond(webhook, this.received.length - 1);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ received: status < 300 }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/stripe/webhook`;
    return this;
  }

  types(): string[] {
    return this.received.map((webhook) => webhook.event.type);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/**
 * Presses a button on a hosted page the way a browser does: loads the page, finds the form with a
 * button `name="action" value=<action>`, posts its fields (hidden and text inputs with their
 * values, plus the button) form-encoded, and reports the redirect without following it.
 */
export async function pressButton(
  pageUrl: string,
  action: string,
  fields: Record<string, string> = {},
): Promise<{ status: number; location: string | null }> {
  const html = await (await fetch(pageUrl)).text();
  const forms = html.match(/<form\b[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => candidate.includes(`name="action" value="${action}"`));
  if (!form) throw new Error(`no form with a "${action}" button on ${pageUrl}:\n${html}`);
  const formAction = /<form\b[^>]*\baction="([^"]*)"/.exec(form)?.[1];
  if (formAction === undefined) throw new Error('form without action');
  const body = new URLSearchParams();
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1] ?? '';
    if (name) body.set(unescapeHtml(name), unescapeHtml(value));
  }
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.set('action', action);
  const response = await fetch(new URL(unescapeHtml(formAction), pageUrl), {
    method: 'POST',
    body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

/** The Checkout Session the relay asks for when `tenantId` subscribes (no customer yet). */
export function subscriptionCheckout(tenantId = 'tenant-1') {
  return {
    mode: 'subscription' as const,
    line_items: [{ price: 'price_standard_monthly', quantity: 1 }],
    client_reference_id: tenantId,
    metadata: { tenant_id: tenantId },
    subscription_data: { metadata: { tenant_id: tenantId } },
    success_url: 'https://relay.example/done?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://relay.example/billing',
  };
}

/** Creates a customer and a subscription paid through the hosted checkout page. */
export async function subscribe(
  stripe: Stripe,
  tenantId = 'tenant-1',
): Promise<{ customer: Stripe.Customer; session: Stripe.Checkout.Session; subscription: Stripe.Subscription }> {
  const customer = await stripe.customers.create({
    email: `${tenantId}@example.com`,
    metadata: { tenant_id: tenantId },
  });
  const created = await stripe.checkout.sessions.create({ ...subscriptionCheckout(tenantId), customer: customer.id });
  const { location } = await pressButton(created.url ?? '', 'pay');
  if (!location?.includes(created.id)) throw new Error(`checkout did not redirect to success_url: ${location}`);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  const subscription = await stripe.subscriptions.retrieve(String(session.subscription));
  return { customer, session, subscription };
}
