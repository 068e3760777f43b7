import type Stripe from 'stripe';
import type { FakeClock } from './clock';
import { type EventLog, type EventSource, type FakeEventType, Operation } from './events';
import type { IdempotencyCache } from './idempotency';
import type { RenderContext } from './render';
import type { Store } from './store';
import type { DunningOutcome, RecordedRequest } from './types';
import type { WebhookDispatcher } from './webhooks';

/** What request handlers and control operations share; one per started fake. */
export interface FakeContext {
  store: Store;
  clock: FakeClock;
  events: EventLog;
  webhooks: WebhookDispatcher;
  idempotency: IdempotencyCache;
  requests: RecordedRequest[];
  apiKey: string;
  /** The one Billing Portal configuration (`bpc_…`) the fake's portal sessions use. */
  portalConfigurationId: string;
  dunningDays: number;
  dunningOutcome: DunningOutcome;
  /** `origin` is filled in once the server listens. */
  render: RenderContext;
}

/** Runs one operation and then hands its events to the webhook dispatcher, even when it fails half-way. */
export function runOperation<T>(ctx: FakeContext, source: EventSource, fn: (op: Operation) => T): T {
  const op = new Operation(source);
  try {
    return fn(op);
  } finally {
    if (op.events.length > 0) ctx.webhooks.dispatch(op.events);
  }
}

export function emit(
  ctx: FakeContext,
  op: Operation,
  type: FakeEventType,
  object: object,
  previous?: Record<string, unknown>,
): Stripe.Event {
  const event = ctx.events.create(type, object, {
    created: ctx.clock.nowSec(),
    source: op.source,
    pendingWebhooks: ctx.webhooks.count(),
    ...(previous === undefined ? {} : { previous }),
  });
  op.events.push(event);
  return event;
}

/** Stripe's `previous_attributes`: the old value of every top-level field that changed. */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  for (const key of Object.keys(old)) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) previous[key] = old[key];
  }
  return previous;
}
