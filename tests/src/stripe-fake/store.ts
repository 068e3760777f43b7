import type { FakePrice } from './types';

/**
 * The fake's records. Timestamps are unix seconds on the fake's clock, as Stripe's are; the
 * render module turns records into Stripe's JSON shapes.
 */
export interface PriceRecord extends Required<Omit<FakePrice, 'name'>> {
  name: string;
  created: number;
}

export interface CustomerRecord {
  id: string;
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  preferredLocales: string[];
  metadata: Record<string, string>;
  invoicePrefix: string;
  nextInvoiceSequence: number;
  deleted: boolean;
}

export type SessionStatus = 'open' | 'complete' | 'expired';

export interface CheckoutSessionRecord {
  id: string;
  created: number;
  expiresAt: number;
  status: SessionStatus;
  customerId: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  subscriptionMetadata: Record<string, string>;
  priceId: string;
  quantity: number;
  successUrl: string | null;
  cancelUrl: string | null;
  locale: string | null;
  /** Set once payment was tried (a decline leaves an incomplete subscription behind). */
  subscriptionId: string | null;
  invoiceId: string | null;
  /** The card was declined on the page; the page says so until paid. */
  declined: boolean;
}

export type SubscriptionStatus = 'incomplete' | 'incomplete_expired' | 'active' | 'past_due' | 'unpaid' | 'canceled';
export type CancellationReason = 'cancellation_requested' | 'payment_failed' | 'payment_disputed';

export interface SubscriptionRecord {
  id: string;
  customerId: string;
  priceId: string;
  itemId: string;
  quantity: number;
  created: number;
  /** Start of the first period; every period is counted from it (see clock.addMonths). */
  billingCycleAnchor: number;
  /** 0 for the first period. */
  periodIndex: number;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  canceledAt: number | null;
  endedAt: number | null;
  cancellationReason: CancellationReason | null;
  metadata: Record<string, string>;
  latestInvoiceId: string | null;
  failNextRenewal: boolean;
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
export type BillingReason = 'subscription_create' | 'subscription_cycle';

export interface InvoiceRecord {
  id: string;
  lineId: string;
  number: string;
  customerId: string;
  subscriptionId: string;
  /** The subscription's metadata when the invoice was made (Stripe keeps a snapshot). */
  subscriptionMetadata: Record<string, string>;
  priceId: string;
  quantity: number;
  amount: number;
  currency: string;
  created: number;
  status: InvoiceStatus;
  billingReason: BillingReason;
  /** The subscription period the line pays for. */
  linePeriodStart: number;
  linePeriodEnd: number;
  attemptCount: number;
  nextPaymentAttempt: number | null;
  finalizedAt: number | null;
  paidAt: number | null;
  voidedAt: number | null;
  /** When an unpaid renewal's retries run out (unix seconds), or null. */
  dunningEndsAt: number | null;
}

export interface PortalSessionRecord {
  id: string;
  created: number;
  customerId: string;
  returnUrl: string | null;
  configurationId: string;
}

export class Store {
  readonly prices = new Map<string, PriceRecord>();
  readonly customers = new Map<string, CustomerRecord>();
  readonly sessions = new Map<string, CheckoutSessionRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly portalSessions = new Map<string, PortalSessionRecord>();

  /** A customer that exists and was not deleted. */
  liveCustomer(id: string): CustomerRecord | undefined {
    const customer = this.customers.get(id);
    return customer && !customer.deleted ? customer : undefined;
  }

  subscriptionsOf(customerId: string): SubscriptionRecord[] {
    return [...this.subscriptions.values()].filter((subscription) => subscription.customerId === customerId);
  }
}
