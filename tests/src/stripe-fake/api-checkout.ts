import { type ApiHandler, checkUrl, pathParam } from './api-call';
import { CHECKOUT_EXPIRES_AFTER } from './billing';
import { invalidParam, invalidRequest, missingParam, noSuch, StripeApiError, unknownParam } from './errors';
import { expand } from './expand';
import { newId } from './ids';
import { mergeMetadata, type Params } from './params';
import { renderCheckoutSession, renderPortalSession } from './render';
import type { CheckoutSessionRecord } from './store';

/** Checkout Sessions (subscription mode) and Billing Portal sessions. */

/** Every top-level parameter Stripe's Checkout Session create accepts in this API version. */
const STRIPE_CHECKOUT_PARAMS = [
  'adaptive_pricing',
  'after_expiration',
  'allow_promotion_codes',
  'automatic_tax',
  'billing_address_collection',
  'branding_settings',
  'cancel_url',
  'client_reference_id',
  'consent_collection',
  'currency',
  'custom_fields',
  'custom_text',
  'customer',
  'customer_account',
  'customer_creation',
  'customer_email',
  'customer_update',
  'discounts',
  'excluded_payment_method_types',
  'expand',
  'expires_at',
  'invoice_creation',
  'line_items',
  'locale',
  'metadata',
  'mode',
  'name_collection',
  'optional_items',
  'origin_context',
  'payment_intent_data',
  'payment_method_collection',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'permissions',
  'phone_number_collection',
  'redirect_on_completion',
  'return_url',
  'saved_payment_method_options',
  'setup_intent_data',
  'shipping_address_collection',
  'shipping_options',
  'submit_type',
  'subscription_data',
  'success_url',
  'tax_id_collection',
  'ui_mode',
  'wallet_options',
];

/** What the fake acts on. */
const SUPPORTED = new Set([
  'cancel_url',
  'client_reference_id',
  'customer',
  'customer_email',
  'expand',
  'expires_at',
  'line_items',
  'locale',
  'metadata',
  'mode',
  'subscription_data',
  'success_url',
]);

/** Accepted and ignored: they only change what the hosted page would ask for or show. */
const COSMETIC = new Set([
  'allow_promotion_codes',
  'automatic_tax',
  'billing_address_collection',
  'consent_collection',
  'custom_text',
  'customer_update',
  'payment_method_collection',
  'payment_method_types',
  'phone_number_collection',
  'tax_id_collection',
]);

function checkParamNames(params: Params, names: string[]): void {
  for (const name of names) {
    if (SUPPORTED.has(name) || COSMETIC.has(name)) continue;
    if (STRIPE_CHECKOUT_PARAMS.includes(name)) {
      // A real Stripe parameter the fake does not model: say so rather than pretend.
      throw invalidRequest(
        `The Stripe fake does not implement the Checkout Session parameter '${name}' (tests/src/stripe-fake/api-checkout.ts).`,
        400,
        name,
      );
    }
    throw unknownParam(params.name(name));
  }
}

const MODES = ['payment', 'setup', 'subscription'];

function lineItem(params: Params, ctx: Parameters<ApiHandler>[0]['ctx']): { priceId: string; quantity: number } {
  const items = params.array('line_items');
  if (items === undefined || items.length === 0) throw missingParam('line_items');
  if (items.length > 1) {
    throw invalidRequest('The Stripe fake supports one line item per Checkout Session.', 400, 'line_items');
  }
  const [item] = items as [Params];
  item.allowOnly(['adjustable_quantity', 'price', 'price_data', 'quantity', 'tax_rates', 'dynamic_tax_rates']);
  if (item.has('price_data')) {
    throw invalidRequest(
      'The Stripe fake does not implement price_data; use a price id.',
      400,
      item.name('price_data'),
    );
  }
  const priceId = item.requiredString('price');
  if (!ctx.store.prices.has(priceId)) throw noSuch('price', priceId, item.name('price'));
  const quantity = item.positiveInteger('quantity');
  // Stripe's own wording when a licensed price comes without a quantity.
  if (quantity === undefined) {
    throw new StripeApiError(400, 'Quantity is required. Add `quantity` to `line_items[0]`', {
      code: 'parameter_missing',
      param: item.name('quantity'),
    });
  }
  return { priceId, quantity };
}

const createCheckoutSession: ApiHandler = (call) => {
  const { params, ctx } = call;
  checkParamNames(params, params.keys());
  const mode = params.requiredString('mode');
  if (!MODES.includes(mode)) throw invalidParam('mode', `Invalid mode: must be one of ${MODES.join(', ')}`);
  if (mode !== 'subscription') {
    throw invalidRequest(`The Stripe fake implements mode=subscription only (got ${mode}).`, 400, 'mode');
  }
  const { priceId, quantity } = lineItem(params, ctx);

  const customerId = params.string('customer');
  const customerEmail = params.string('customer_email');
  if (customerId !== undefined && customerEmail !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', 400, 'customer');
  }
  if (customerId !== undefined && !ctx.store.liveCustomer(customerId)) throw noSuch('customer', customerId, 'customer');
  if (customerEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(customerEmail)) {
    throw invalidParam('customer_email', `Invalid email address: ${customerEmail}`, 'email_invalid');
  }

  const successUrl = params.string('success_url');
  const cancelUrl = params.string('cancel_url');
  checkUrl(successUrl, 'success_url');
  checkUrl(cancelUrl, 'cancel_url');

  const clientReferenceId = params.string('client_reference_id');
  if (clientReferenceId !== undefined && clientReferenceId.length > 200) {
    throw invalidParam('client_reference_id', 'client_reference_id must be at most 200 characters.');
  }
  const subscriptionData = params.object('subscription_data');
  subscriptionData?.allowOnly(['description', 'metadata', 'trial_period_days', 'trial_end']);
  for (const unsupported of ['trial_period_days', 'trial_end']) {
    if (subscriptionData?.has(unsupported)) {
      throw invalidRequest(`The Stripe fake does not implement trials.`, 400, subscriptionData.name(unsupported));
    }
  }

  const now = ctx.clock.nowSec();
  let expiresAt = now + CHECKOUT_EXPIRES_AFTER;
  const expiresParam = params.string('expires_at');
  if (expiresParam !== undefined) {
    const value = Number(expiresParam);
    if (!/^\d+$/.test(expiresParam) || value < now + 30 * 60 || value > now + CHECKOUT_EXPIRES_AFTER) {
      throw invalidParam(
        'expires_at',
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      );
    }
    expiresAt = value;
  }

  const record: CheckoutSessionRecord = {
    id: newId('cs_test'),
    created: now,
    expiresAt,
    status: 'open',
    customerId: customerId ?? null,
    customerEmail: customerEmail ?? null,
    clientReferenceId: clientReferenceId ?? null,
    metadata: mergeMetadata({}, params.metadata()),
    subscriptionMetadata: mergeMetadata({}, subscriptionData?.metadata()),
    priceId,
    quantity,
    successUrl: successUrl ?? null,
    cancelUrl: cancelUrl ?? null,
    locale: params.string('locale') ?? null,
    subscriptionId: null,
    invoiceId: null,
    declined: false,
  };
  ctx.store.sessions.set(record.id, record);
  return expand(ctx, renderCheckoutSession(ctx.render, record), call.expand);
};

const retrieveCheckoutSession: ApiHandler = (call) => {
  call.params.allowOnly(['expand']);
  const id = pathParam(call);
  const record = call.ctx.store.sessions.get(id);
  if (!record) throw noSuch('checkout.session', id);
  return expand(call.ctx, renderCheckoutSession(call.ctx.render, record), call.expand);
};

const createPortalSession: ApiHandler = (call) => {
  const { params, ctx } = call;
  params.allowOnly(['configuration', 'customer', 'expand', 'locale', 'return_url']);
  const customerId = params.requiredString('customer');
  if (!ctx.store.liveCustomer(customerId)) throw noSuch('customer', customerId, 'customer');
  const returnUrl = params.string('return_url');
  checkUrl(returnUrl, 'return_url');
  const configuration = params.string('configuration');
  if (configuration !== undefined && configuration !== ctx.portalConfigurationId) {
    throw noSuch('billing_portal.configuration', configuration, 'configuration');
  }
  const record = {
    id: newId('bps'),
    created: ctx.clock.nowSec(),
    customerId,
    returnUrl: returnUrl ?? null,
    configurationId: ctx.portalConfigurationId,
  };
  ctx.store.portalSessions.set(record.id, record);
  return renderPortalSession(ctx.render, record);
};

export const CHECKOUT_ROUTES: Array<[string, RegExp, ApiHandler]> = [
  ['POST', /^\/v1\/checkout\/sessions$/, createCheckoutSession],
  ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, retrieveCheckoutSession],
  ['POST', /^\/v1\/billing_portal\/sessions$/, createPortalSession],
];
