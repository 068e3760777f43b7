import type { FakeContext } from './context';
import { invalidRequest } from './errors';
import { renderCustomer, renderInvoice, renderLineItems, renderPrice, renderSubscription } from './render';

/** Stripe allows expansions up to four levels deep. */
const MAX_DEPTH = 4;

type Json = Record<string, unknown>;

/** The object an id names, by its prefix; undefined for an id the fake does not hold. */
function lookup(ctx: FakeContext, id: string): object | undefined {
  const { store } = ctx;
  if (id.startsWith('cus_')) {
    const customer = store.customers.get(id);
    return customer && renderCustomer(customer);
  }
  if (id.startsWith('sub_')) {
    const subscription = store.subscriptions.get(id);
    return subscription && renderSubscription(ctx.render, subscription);
  }
  if (id.startsWith('in_')) {
    const invoice = store.invoices.get(id);
    return invoice && renderInvoice(ctx.render, invoice);
  }
  const price = store.prices.get(id);
  return price && renderPrice(price);
}

function expandPath(ctx: FakeContext, object: Json, segments: string[], path: string): void {
  const [key = '', ...rest] = segments;
  let value = object[key];
  // Checkout Sessions include line_items only when asked for.
  if (key === 'line_items' && value === undefined && object.object === 'checkout.session') {
    const session = ctx.store.sessions.get(String(object.id));
    if (session) value = object[key] = renderLineItems(ctx.render, session);
  }
  if (typeof value === 'string') {
    const expanded = lookup(ctx, value);
    if (!expanded) throw invalidRequest(`This property cannot be expanded (${path}).`, 400, 'expand');
    value = object[key] = expanded;
  }
  if (value === null) return;
  if (typeof value !== 'object' || value === undefined) {
    throw invalidRequest(`This property cannot be expanded (${path}).`, 400, 'expand');
  }
  if (rest.length > 0) expandPath(ctx, value as Json, rest, path);
}

/** Applies `expand[]` paths (`subscription`, `subscription.latest_invoice`, `line_items`) to an answer. */
export function expand<T extends object>(ctx: FakeContext, object: T, paths: string[] | undefined): T {
  for (const path of [...(paths ?? [])].sort((a, b) => a.split('.').length - b.split('.').length)) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) {
      throw invalidRequest(
        `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`,
        400,
        'expand',
      );
    }
    expandPath(ctx, object as Json, segments, path);
  }
  return object;
}
