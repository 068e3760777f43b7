import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type Stripe from 'stripe';
import { newId } from './ids';
import { stripeSignatureHeader } from './signature';
import type { WebhookDelivery, WebhookEndpoint } from './types';

export const DEFAULT_RETRY_DELAYS_MS = [100, 400, 1600];
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** webhooksSettled() ran out of time. */
export class SettleTimeoutError extends Error {}

type AttemptResult = { status: number | null; error: string | null };

/** POSTs one payload; never rejects. node:http with a fresh connection, so nothing lingers after close(). */
function post(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = send(url, { method: 'POST', headers, agent: false, signal }, (res) => {
      res.resume();
      res.on('end', () => settle({ status: res.statusCode ?? null, error: null }));
      res.on('error', (error) => settle({ status: res.statusCode ?? null, error: error.message }));
    });
    req.on('error', (error) => {
      const reason = signal.aborted ? `aborted: ${String(signal.reason)}` : error.message;
      settle({ status: null, error: reason });
    });
    req.end(body);
  });
}

/**
 * Sends events to webhook endpoints the way Stripe does — JSON (pretty-printed, as Stripe sends
 * it, so a relay that re-serialises instead of verifying the raw body fails), signed per attempt
 * with the wall-clock time — and retries non-2xx answers and network errors after
 * `retryDelaysMs`. Deliveries to one endpoint go one at a time, in queue order, which makes the
 * order deterministic (and reversible for out-of-order tests); retries join the back of the queue.
 */
export class WebhookDispatcher {
  private readonly endpoints: WebhookEndpoint[] = [];
  private readonly log: WebhookDelivery[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closing = new AbortController();
  private readonly idleWaiters = new Set<() => void>();
  private pending = 0;
  private reverse = false;

  constructor(private readonly options: { retryDelaysMs: number[]; timeoutMs: number }) {}

  addEndpoint(endpoint: { url: string; secret?: string | undefined }): WebhookEndpoint {
    let url: URL;
    try {
      url = new URL(endpoint.url);
    } catch {
      throw new TypeError(`webhook url is not a URL: ${endpoint.url}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('webhook url must be http(s)');
    const secret = endpoint.secret ?? newId('whsec');
    if (!secret.startsWith('whsec_')) throw new TypeError('webhook secret must start with whsec_');
    const added = { id: newId('we'), url: url.href, secret };
    this.endpoints.push(added);
    return { ...added };
  }

  list(): WebhookEndpoint[] {
    return this.endpoints.map((endpoint) => ({ ...endpoint }));
  }

  count(): number {
    return this.endpoints.length;
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((delivery) => ({ ...delivery }));
  }

  setReverse(enabled: boolean): void {
    this.reverse = enabled;
  }

  /** Queues one operation's events for every endpoint. */
  dispatch(events: Stripe.Event[]): void {
    const ordered = this.reverse ? [...events].reverse() : events;
    for (const event of ordered) for (const endpoint of this.endpoints) this.enqueue(endpoint, event, 1);
  }

  resend(event: Stripe.Event): void {
    for (const endpoint of this.endpoints) this.enqueue(endpoint, event, 1);
  }

  settled(timeoutMs = 5000): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.idleWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.idleWaiters.delete(done);
        reject(
          new SettleTimeoutError(`Stripe fake: ${this.pending} webhook deliveries still pending after ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.idleWaiters.add(done);
    });
  }

  close(): void {
    this.closing.abort('Stripe fake closed');
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    for (const waiter of [...this.idleWaiters]) waiter();
  }

  private enqueue(endpoint: WebhookEndpoint, event: Stripe.Event, attempt: number): void {
    if (this.closing.signal.aborted) return;
    this.pending++;
    const previous = this.chains.get(endpoint.id) ?? Promise.resolve();
    const next = previous
      .then(() => this.attempt(endpoint, event, attempt))
      .catch((error: unknown) => console.error('Stripe fake: webhook delivery failed unexpectedly', error))
      .finally(() => this.release());
    this.chains.set(endpoint.id, next);
  }

  private release(): void {
    if (this.pending > 0) this.pending--;
    if (this.pending === 0) for (const waiter of [...this.idleWaiters]) waiter();
  }

  private async attempt(endpoint: WebhookEndpoint, event: Stripe.Event, attempt: number): Promise<void> {
    if (this.closing.signal.aborted) return;
    const payload = JSON.stringify(event, null, 2);
    const signature = stripeSignatureHeader(payload, endpoint.secret, Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
      'stripe-signature': signature,
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      accept: '*/*; q=0.5, application/xml',
      'cache-control': 'no-cache',
    };
    const at = Date.now();
    const signal = AbortSignal.any([this.closing.signal, AbortSignal.timeout(this.options.timeoutMs)]);
    const result = await post(new URL(endpoint.url), headers, payload, signal);
    if (this.closing.signal.aborted) return;
    this.log.push({
      eventId: event.id,
      eventType: event.type,
      endpointId: endpoint.id,
      url: endpoint.url,
      attempt,
      status: result.status,
      error: result.error ?? (result.status !== null && !isSuccess(result.status) ? `HTTP ${result.status}` : null),
      signature,
      at,
    });
    if (result.status !== null && isSuccess(result.status)) return;
    const delay = this.options.retryDelaysMs[attempt - 1];
    if (delay === undefined) return;
    this.pending++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue(endpoint, event, attempt + 1);
      this.release();
    }, delay);
    this.timers.add(timer);
  }
}

/** Stripe counts only 2xx as delivered; it does not follow redirects. */
function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
