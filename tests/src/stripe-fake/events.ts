import type Stripe from 'stripe';
import { newId } from './ids';
import { STRIPE_API_VERSION } from './types';

/** The event types the fake sends: the ones the relay subscribes to. */
export type FakeEventType =
  | 'checkout.session.completed'
  | 'customer.subscription.created'
  | 'customer.subscription.updated'
  | 'customer.subscription.deleted'
  | 'invoice.paid'
  | 'invoice.payment_failed';

/** What caused an event: an API request (its id and Idempotency-Key) or nothing (the clock, a page). */
export interface EventSource {
  requestId: string | null;
  idempotencyKey: string | null;
}

export const AUTOMATIC: EventSource = { requestId: null, idempotencyKey: null };

/**
 * One operation (an API call, a button on a hosted page, a clock advance) and the events it made,
 * which are delivered together — in reverse while sendEventsOutOfOrder is on.
 */
export class Operation {
  readonly events: Stripe.Event[] = [];
  constructor(readonly source: EventSource) {}
}

export class EventLog {
  private readonly all: Stripe.Event[] = [];
  private readonly byId = new Map<string, Stripe.Event>();

  /**
   * `object` is copied, so the event keeps the object as it was at this moment.
   * `previous` is Stripe's `previous_attributes`: the changed fields' old values (updated events only).
   */
  create(
    type: FakeEventType,
    object: object,
    options: { created: number; source: EventSource; pendingWebhooks: number; previous?: Record<string, unknown> },
  ): Stripe.Event {
    const data: Record<string, unknown> = { object: structuredClone(object) };
    if (options.previous !== undefined) data.previous_attributes = structuredClone(options.previous);
    const event = {
      id: newId('evt'),
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: options.created,
      data,
      livemode: false,
      pending_webhooks: options.pendingWebhooks,
      request: { id: options.source.requestId, idempotency_key: options.source.idempotencyKey },
      type,
    } as unknown as Stripe.Event;
    this.all.push(event);
    this.byId.set(event.id, event);
    return event;
  }

  get(id: string): Stripe.Event | undefined {
    return this.byId.get(id);
  }

  list(): Stripe.Event[] {
    return structuredClone(this.all);
  }
}
