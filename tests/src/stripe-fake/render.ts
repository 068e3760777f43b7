import type Stripe from 'stripe';
import { addMonths } from './clock';
import type {
  CheckoutSessionRecord,
  CustomerRecord,
  InvoiceRecord,
  PortalSessionRecord,
  PriceRecord,
  Store,
  SubscriptionRecord,
} from './store';

/**
 * Records → Stripe JSON in the 2026-11-18 shapes (typed with the stripe package's own types, so a
 * missing or renamed field is a compile error). Fields the fake has no use for carry the value
 * Stripe gives an account that does not use the feature (null, [], false).
 */

/**
 * Decimal fields are strings on the wire ("3000"); the stripe client turns them into its Decimal
 * class. The fake sends the string and types it as the client will see it.
 */
function wireDecimal(value: number): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}

function list<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: false, url };
}

export interface RenderContext {
  store: Store;
  /** e.g. http://127.0.0.1:43123, for hosted-page URLs. */
  origin: string;
}

function price(ctx: RenderContext, id: string): PriceRecord {
  const record = ctx.store.prices.get(id);
  if (!record) throw new Error(`Stripe fake: unknown price ${id}`);
  return record;
}

export function renderPrice(record: PriceRecord): Stripe.Price {
  return {
    id: record.id,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: record.created,
    currency: record.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: record.product,
    recurring: {
      interval: record.interval,
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: 'recurring',
    unit_amount: record.unitAmount,
    unit_amount_decimal: wireDecimal(record.unitAmount),
  };
}

function renderPlan(record: PriceRecord): Stripe.Plan {
  return {
    id: record.id,
    object: 'plan',
    active: true,
    amount: record.unitAmount,
    amount_decimal: wireDecimal(record.unitAmount),
    billing_scheme: 'per_unit',
    created: record.created,
    currency: record.currency,
    interval: record.interval,
    interval_count: 1,
    livemode: false,
    metadata: {},
    meter: null,
    nickname: null,
    product: record.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

export function renderCustomer(record: CustomerRecord): Stripe.Customer | Stripe.DeletedCustomer {
  if (record.deleted) return { id: record.id, object: 'customer', deleted: true };
  return {
    id: record.id,
    object: 'customer',
    address: null,
    balance: 0,
    created: record.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: record.description,
    discount: null,
    email: record.email,
    invoice_prefix: record.invoicePrefix,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: { ...record.metadata },
    name: record.name,
    next_invoice_sequence: record.nextInvoiceSequence,
    phone: record.phone,
    preferred_locales: [...record.preferredLocales],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** Period boundaries of a subscription's current period. */
export function currentPeriod(record: SubscriptionRecord): { start: number; end: number } {
  return {
    start: addMonths(record.billingCycleAnchor, record.periodIndex),
    end: addMonths(record.billingCycleAnchor, record.periodIndex + 1),
  };
}

function renderSubscriptionItem(ctx: RenderContext, record: SubscriptionRecord): Stripe.SubscriptionItem {
  const priceRecord = price(ctx, record.priceId);
  const period = currentPeriod(record);
  return {
    id: record.itemId,
    object: 'subscription_item',
    billing_thresholds: null,
    created: record.created,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: renderPlan(priceRecord),
    price: renderPrice(priceRecord),
    quantity: record.quantity,
    subscription: record.id,
    tax_rates: [],
  };
}

export function renderSubscription(ctx: RenderContext, record: SubscriptionRecord): Stripe.Subscription {
  const period = currentPeriod(record);
  const priceRecord = price(ctx, record.priceId);
  const ended = record.status === 'canceled' || record.status === 'incomplete_expired';
  return {
    id: record.id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: record.billingCycleAnchor,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    // Since 2025 Stripe shows a cancel-at-period-end subscription's end in cancel_at as well.
    cancel_at: record.cancelAtPeriodEnd ? period.end : null,
    cancel_at_period_end: record.cancelAtPeriodEnd,
    canceled_at: record.canceledAt,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: record.cancellationReason },
    collection_method: 'charge_automatically',
    created: record.created,
    currency: priceRecord.currency,
    customer: record.customerId,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: ended ? record.endedAt : null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: list([renderSubscriptionItem(ctx, record)], `/v1/subscription_items?subscription=${record.id}`),
    latest_invoice: record.latestInvoiceId,
    livemode: false,
    managed_payments: null,
    metadata: { ...record.metadata },
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: record.created,
    status: record.status,
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: null,
  };
}

function invoiceLine(ctx: RenderContext, record: InvoiceRecord): Stripe.InvoiceLineItem {
  const priceRecord = price(ctx, record.priceId);
  const subscription = ctx.store.subscriptions.get(record.subscriptionId);
  return {
    id: record.lineId,
    object: 'line_item',
    amount: record.amount,
    currency: record.currency,
    description: `${record.quantity} × ${priceRecord.name} (at ¥${priceRecord.unitAmount.toLocaleString('en-US')} / month)`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: record.id,
    livemode: false,
    metadata: { ...record.subscriptionMetadata },
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: record.subscriptionId,
        subscription_item: subscription?.itemId ?? '',
      },
      type: 'subscription_item_details',
    },
    period: { start: record.linePeriodStart, end: record.linePeriodEnd },
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: record.priceId, product: priceRecord.product },
      type: 'price_details',
      unit_amount_decimal: wireDecimal(priceRecord.unitAmount),
    },
    quantity: record.quantity,
    quantity_decimal: wireDecimal(record.quantity),
    subscription: record.subscriptionId,
    subtotal: record.amount,
    taxes: [],
  };
}

export function renderInvoice(ctx: RenderContext, record: InvoiceRecord): Stripe.Invoice {
  const customer = ctx.store.customers.get(record.customerId);
  const paid = record.status === 'paid';
  const amountPaid = paid ? record.amount : 0;
  // A subscription's first invoice covers nothing before it; a renewal's period is the one just ended.
  const periodStart = record.billingReason === 'subscription_create' ? record.created : record.linePeriodStart;
  return {
    id: record.id,
    object: 'invoice',
    account_country: 'JP',
    account_name: 'kintone2chatwork (Stripe fake)',
    account_tax_ids: null,
    amount_due: record.amount,
    amount_overpaid: 0,
    amount_paid: amountPaid,
    amount_remaining: record.status === 'open' ? record.amount : 0,
    amount_shipping: 0,
    application: null,
    attempt_count: record.attemptCount,
    attempted: record.attemptCount > 0,
    auto_advance: record.status === 'open',
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: record.billingReason,
    collection_method: 'charge_automatically',
    created: record.created,
    currency: record.currency,
    custom_fields: null,
    customer: record.customerId,
    customer_account: null,
    customer_address: null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: customer?.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: record.finalizedAt,
    ending_balance: record.finalizedAt === null ? null : 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: invoicePageUrl(ctx.origin, record.id),
    // The fake renders no PDFs; null (which Stripe's type allows) rather than a dead link.
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: list([invoiceLine(ctx, record)], `/v1/invoices/${record.id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: record.nextPaymentAttempt,
    number: record.number,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: { ...record.subscriptionMetadata }, subscription: record.subscriptionId },
      type: 'subscription_details',
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: record.billingReason === 'subscription_create' ? record.created : record.linePeriodStart,
    period_start: periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: record.status,
    status_transitions: {
      finalized_at: record.finalizedAt,
      marked_uncollectible_at: null,
      paid_at: record.paidAt,
      voided_at: record.voidedAt,
    },
    subtotal: record.amount,
    subtotal_excluding_tax: record.amount,
    test_clock: null,
    total: record.amount,
    total_discount_amounts: [],
    total_excluding_tax: record.amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: record.created,
  };
}

export function invoicePageUrl(origin: string, invoiceId: string): string {
  return `${origin}/invoices/${invoiceId}`;
}

export function checkoutPageUrl(origin: string, sessionId: string): string {
  return `${origin}/checkout/pay/${sessionId}`;
}

export function renderLineItems(ctx: RenderContext, record: CheckoutSessionRecord): Stripe.ApiList<Stripe.LineItem> {
  const priceRecord = price(ctx, record.priceId);
  const amount = priceRecord.unitAmount * record.quantity;
  const item: Stripe.LineItem = {
    id: `li_${record.id.slice(-24)}`,
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: priceRecord.currency,
    description: priceRecord.name,
    metadata: {},
    price: renderPrice(priceRecord),
    quantity: record.quantity,
  };
  return list([item], `/v1/checkout/sessions/${record.id}/line_items`);
}

export function renderCheckoutSession(ctx: RenderContext, record: CheckoutSessionRecord): Stripe.Checkout.Session {
  const priceRecord = price(ctx, record.priceId);
  const amount = priceRecord.unitAmount * record.quantity;
  const complete = record.status === 'complete';
  const customer = record.customerId ? ctx.store.customers.get(record.customerId) : undefined;
  const email = customer?.email ?? record.customerEmail;
  return {
    id: record.id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: record.cancelUrl,
    client_reference_id: record.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: record.created,
    currency: priceRecord.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: record.customerId,
    customer_account: null,
    customer_creation: null,
    customer_details: complete
      ? {
          address: null,
          business_name: null,
          email: email ?? null,
          individual_name: null,
          name: customer?.name ?? null,
          phone: null,
          tax_exempt: 'none',
          tax_ids: [],
        }
      : null,
    customer_email: record.customerEmail,
    discounts: [],
    expires_at: record.expiresAt,
    integration_identifier: null,
    invoice: complete ? record.invoiceId : null,
    invoice_creation: null,
    livemode: false,
    locale: (record.locale as Stripe.Checkout.Session.Locale | null) ?? null,
    managed_payments: null,
    metadata: { ...record.metadata },
    mode: 'subscription',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: complete ? 'paid' : 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: record.status,
    submit_type: null,
    subscription: complete ? record.subscriptionId : null,
    success_url: record.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: record.status === 'open' ? checkoutPageUrl(ctx.origin, record.id) : null,
    wallet_options: null,
  };
}

export function portalPageUrl(origin: string, sessionId: string): string {
  return `${origin}/portal/${sessionId}`;
}

export function renderPortalSession(ctx: RenderContext, record: PortalSessionRecord): Stripe.BillingPortal.Session {
  return {
    id: record.id,
    object: 'billing_portal.session',
    configuration: record.configurationId,
    created: record.created,
    customer: record.customerId,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: record.returnUrl,
    url: portalPageUrl(ctx.origin, record.id),
  };
}
