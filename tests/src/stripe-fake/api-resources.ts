import { type ApiCall, type ApiHandler, pathParam } from './api-call';
import {
  createCustomer,
  deleteCustomer,
  endSubscription,
  payInvoice,
  setCancelAtPeriodEnd,
  updateMetadata,
} from './billing';
import { runOperation } from './context';
import { invalidParam, noSuch } from './errors';
import { expand } from './expand';
import { mergeMetadata, type Params } from './params';
import { renderCustomer, renderInvoice, renderPrice, renderSubscription } from './render';
import type { CustomerRecord, SubscriptionRecord } from './store';

/** Customers, subscriptions, invoices, prices and events: the resources the relay reads and changes. */

const CUSTOMER_PARAMS = ['description', 'email', 'expand', 'metadata', 'name', 'phone', 'preferred_locales'];

function email(params: Params): string | null | undefined {
  const value = params.string('email', { allowEmpty: true });
  if (value === undefined || value === '') return value === '' ? null : undefined;
  // Stripe checks the form loosely too; it refuses what is plainly not an address.
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw invalidParam('email', `Invalid email address: ${value}`, 'email_invalid');
  return value;
}

/** Empty strings unset optional text fields, as in Stripe. */
function optionalText(params: Params, key: string): string | null | undefined {
  const value = params.string(key, { allowEmpty: true });
  return value === '' ? null : value;
}

function liveCustomer(call: ApiCall): CustomerRecord {
  const id = pathParam(call);
  const customer = call.ctx.store.liveCustomer(id);
  if (!customer) throw noSuch('customer', id);
  return customer;
}

function subscription(call: ApiCall): SubscriptionRecord {
  const id = pathParam(call);
  const record = call.ctx.store.subscriptions.get(id);
  if (!record) throw noSuch('subscription', id);
  return record;
}

const createCustomerHandler: ApiHandler = (call) => {
  const { params, ctx } = call;
  params.allowOnly(CUSTOMER_PARAMS);
  const customer = createCustomer(ctx, {
    email: email(params) ?? null,
    name: optionalText(params, 'name') ?? null,
    description: optionalText(params, 'description') ?? null,
    phone: optionalText(params, 'phone') ?? null,
    metadata: mergeMetadata({}, params.metadata()),
    preferredLocales: params.stringArray('preferred_locales') ?? [],
  });
  return expand(ctx, renderCustomer(customer), call.expand);
};

const updateCustomerHandler: ApiHandler = (call) => {
  const { params, ctx } = call;
  params.allowOnly(CUSTOMER_PARAMS);
  const customer = liveCustomer(call);
  const newEmail = email(params);
  if (newEmail !== undefined) customer.email = newEmail;
  for (const [key, field] of [
    ['name', 'name'],
    ['description', 'description'],
    ['phone', 'phone'],
  ] as const) {
    const value = optionalText(params, key);
    if (value !== undefined) customer[field] = value;
  }
  customer.metadata = mergeMetadata(customer.metadata, params.metadata());
  const locales = params.stringArray('preferred_locales');
  if (locales) customer.preferredLocales = locales;
  return expand(ctx, renderCustomer(customer), call.expand);
};

const retrieveCustomer: ApiHandler = (call) => {
  call.params.allowOnly(['expand']);
  const id = pathParam(call);
  const customer = call.ctx.store.customers.get(id);
  if (!customer) throw noSuch('customer', id);
  // A deleted customer can still be retrieved: Stripe answers the `deleted: true` stub.
  return expand(call.ctx, renderCustomer(customer), call.expand);
};

const deleteCustomerHandler: ApiHandler = (call) => {
  call.params.allowOnly([]);
  const customer = liveCustomer(call);
  runOperation(call.ctx, call.source, (op) => deleteCustomer(call.ctx, op, customer));
  return renderCustomer(customer);
};

const retrieveSubscription: ApiHandler = (call) => {
  call.params.allowOnly(['expand']);
  return expand(call.ctx, renderSubscription(call.ctx.render, subscription(call)), call.expand);
};

const updateSubscription: ApiHandler = (call) => {
  const { params, ctx } = call;
  // proration_behavior is accepted and has no effect: the fake has one price and no prorations.
  params.allowOnly(['cancel_at_period_end', 'expand', 'metadata', 'proration_behavior']);
  const record = subscription(call);
  const cancel = params.boolean('cancel_at_period_end');
  const metadataParam = params.metadata();
  const metadata = metadataParam === undefined ? undefined : mergeMetadata(record.metadata, metadataParam);
  runOperation(ctx, call.source, (op) => {
    if (cancel !== undefined) setCancelAtPeriodEnd(ctx, op, record, cancel, metadata);
    else if (metadata) updateMetadata(ctx, op, record, metadata);
  });
  return expand(ctx, renderSubscription(ctx.render, record), call.expand);
};

const cancelSubscription: ApiHandler = (call) => {
  const { params, ctx } = call;
  // Accepted, no effect: the fake neither prorates nor invoices on cancellation.
  params.allowOnly(['cancellation_details', 'expand', 'invoice_now', 'prorate']);
  params.boolean('invoice_now');
  params.boolean('prorate');
  const record = subscription(call);
  runOperation(ctx, call.source, (op) => endSubscription(ctx, op, record, 'cancellation_requested'));
  return expand(ctx, renderSubscription(ctx.render, record), call.expand);
};

const SUBSCRIPTION_STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'unpaid',
];

const listSubscriptions: ApiHandler = (call) => {
  const { params, ctx } = call;
  params.allowOnly(['customer', 'expand', 'limit', 'price', 'status']);
  const customer = params.string('customer');
  const price = params.string('price');
  const status = params.string('status');
  if (status !== undefined && !SUBSCRIPTION_STATUSES.includes(status)) {
    throw invalidParam('status', `Invalid status: must be one of ${SUBSCRIPTION_STATUSES.join(', ')}`);
  }
  const limit = params.positiveInteger('limit') ?? 10;
  if (limit > 100) throw invalidParam('limit', 'This value must be less than or equal to 100.');
  const ended = new Set(['canceled', 'incomplete_expired']);
  const matches = [...ctx.store.subscriptions.values()]
    .filter((record) => customer === undefined || record.customerId === customer)
    .filter((record) => price === undefined || record.priceId === price)
    .filter((record) => {
      // Stripe's default leaves canceled subscriptions out.
      if (status === undefined) return !ended.has(record.status);
      if (status === 'all') return true;
      if (status === 'ended') return ended.has(record.status);
      return record.status === status;
    })
    .sort((a, b) => b.created - a.created);
  const data = matches.slice(0, limit).map((record) => renderSubscription(ctx.render, record));
  return { object: 'list', data, has_more: matches.length > limit, url: '/v1/subscriptions' };
};

const retrieveInvoice: ApiHandler = (call) => {
  call.params.allowOnly(['expand']);
  const id = pathParam(call);
  const invoice = call.ctx.store.invoices.get(id);
  if (!invoice) throw noSuch('invoice', id);
  return expand(call.ctx, renderInvoice(call.ctx.render, invoice), call.expand);
};

const payInvoiceHandler: ApiHandler = (call) => {
  const { ctx } = call;
  call.params.allowOnly(['expand']);
  const id = pathParam(call);
  const invoice = ctx.store.invoices.get(id);
  if (!invoice) throw noSuch('invoice', id);
  runOperation(ctx, call.source, (op) => payInvoice(ctx, op, invoice));
  return expand(ctx, renderInvoice(ctx.render, invoice), call.expand);
};

const retrievePrice: ApiHandler = (call) => {
  call.params.allowOnly(['expand']);
  const id = pathParam(call);
  const price = call.ctx.store.prices.get(id);
  if (!price) throw noSuch('price', id);
  return renderPrice(price);
};

const retrieveEvent: ApiHandler = (call) => {
  call.params.allowOnly(['expand']);
  const id = pathParam(call);
  const event = call.ctx.events.get(id);
  if (!event) throw noSuch('event', id);
  return event;
};

export const RESOURCE_ROUTES: Array<[string, RegExp, ApiHandler]> = [
  ['POST', /^\/v1\/customers$/, createCustomerHandler],
  ['GET', /^\/v1\/customers\/([^/]+)$/, retrieveCustomer],
  ['POST', /^\/v1\/customers\/([^/]+)$/, updateCustomerHandler],
  ['DELETE', /^\/v1\/customers\/([^/]+)$/, deleteCustomerHandler],
  ['GET', /^\/v1\/subscriptions$/, listSubscriptions],
  ['GET', /^\/v1\/subscriptions\/([^/]+)$/, retrieveSubscription],
  ['POST', /^\/v1\/subscriptions\/([^/]+)$/, updateSubscription],
  ['DELETE', /^\/v1\/subscriptions\/([^/]+)$/, cancelSubscription],
  ['GET', /^\/v1\/invoices\/([^/]+)$/, retrieveInvoice],
  ['POST', /^\/v1\/invoices\/([^/]+)\/pay$/, payInvoiceHandler],
  ['GET', /^\/v1\/prices\/([^/]+)$/, retrievePrice],
  ['GET', /^\/v1\/events\/([^/]+)$/, retrieveEvent],
];
