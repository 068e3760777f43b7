import { escapeHtml } from '../fake-server/html';
import type { HttpReply } from '../fake-server/http-io';
import { type CheckoutPayment, payCheckout, setCancelAtPeriodEnd } from './billing';
import { type FakeContext, runOperation } from './context';
import { StripeApiError } from './errors';
import { AUTOMATIC } from './events';
import { button, formatTime, formatYen, page } from './html';
import { htmlReply, redirectReply } from './http-io';
import { checkoutPageUrl, currentPeriod, portalPageUrl } from './render';
import type { CheckoutSessionRecord, PortalSessionRecord, SubscriptionRecord } from './store';
import type { CheckoutAction } from './types';

/**
 * The pages a user's browser sees: Stripe Checkout and the Customer Portal, as plain HTML forms
 * (no script). Buttons POST back to the same URL with `action=…`; answers are 303 redirects,
 * like Stripe's own pages sending the browser on to success_url / cancel_url / return_url.
 */

export const CHECKOUT_PAGE = /^\/checkout\/pay\/([^/]+)$/;
export const PORTAL_PAGE = /^\/portal\/([^/]+)$/;
export const INVOICE_PAGE = /^\/invoices\/([^/]+)$/;

const ACTIONS: CheckoutAction[] = ['pay', 'decline', 'cancel'];

function notFound(what: string): HttpReply {
  return htmlReply(404, page('Not found', `<h1>見つかりません / Not found</h1><p>${escapeHtml(what)}</p>`));
}

function successRedirect(session: CheckoutSessionRecord, origin: string): string {
  // Stripe fills in the literal {CHECKOUT_SESSION_ID} template.
  return session.successUrl?.replaceAll('{CHECKOUT_SESSION_ID}', session.id) ?? checkoutPageUrl(origin, session.id);
}

function renderCheckoutPage(ctx: FakeContext, session: CheckoutSessionRecord): HttpReply {
  const price = ctx.store.prices.get(session.priceId);
  const amount = (price?.unitAmount ?? 0) * session.quantity;
  const product = `${escapeHtml(price?.name ?? session.priceId)}${session.quantity > 1 ? ` × ${session.quantity}` : ''}`;
  const summary = `<div class="box"><strong>${product}</strong><br>${formatYen(amount)} / 月 (month)</div>`;
  if (session.status === 'complete') {
    const next = escapeHtml(successRedirect(session, ctx.render.origin));
    return htmlReply(
      200,
      page('Paid', `<h1 class="ok">お支払い済み / Paid</h1>${summary}<p><a href="${next}">戻る / Continue</a></p>`),
    );
  }
  if (session.status === 'expired') {
    const back = session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">戻る / Back</a></p>` : '';
    return htmlReply(
      410,
      page('Expired', `<h1>このページは期限切れです / This checkout has expired</h1>${summary}${back}`),
    );
  }
  const customer = session.customerId ? ctx.store.customers.get(session.customerId) : undefined;
  const email = customer?.email ?? session.customerEmail;
  const emailField = email
    ? `<p>メール / Email: <strong>${escapeHtml(email)}</strong></p>`
    : '<p><label>メール / Email <input type="email" name="email" value="customer@example.com"></label></p>';
  const declined = session.declined ? '<p class="error">カードが拒否されました。 / Your card was declined.</p>' : '';
  const form =
    `<form method="post" action="/checkout/pay/${escapeHtml(session.id)}">${emailField}` +
    '<p>カード / Card: <code>4242 4242 4242 4242</code> (test)</p>' +
    `${button('pay', '支払う / Pay')}${button('decline', 'カード拒否 / Decline card')}` +
    `${button('cancel', 'キャンセル / Cancel')}</form>`;
  return htmlReply(200, page('Checkout', `<h1>お支払い / Checkout</h1>${summary}${declined}${form}`));
}

/**
 * What a checkout button does; also the handle's completeCheckout(). Returns where the browser
 * goes next: success_url, cancel_url, or back to the page (a decline, or no URL to go to).
 */
export function checkoutAction(
  ctx: FakeContext,
  session: CheckoutSessionRecord,
  action: CheckoutAction,
  email?: string,
): string {
  const pageUrl = checkoutPageUrl(ctx.render.origin, session.id);
  if (action === 'cancel') return session.cancelUrl ?? pageUrl;
  const payment: CheckoutPayment = action;
  runOperation(ctx, AUTOMATIC, (op) => payCheckout(ctx, op, session, payment, email));
  return action === 'pay' ? successRedirect(session, ctx.render.origin) : pageUrl;
}

export function handleCheckoutPage(ctx: FakeContext, method: string, sessionId: string, body: string): HttpReply {
  const session = ctx.store.sessions.get(sessionId);
  if (!session) return notFound(`Checkout Session ${sessionId}`);
  if (method === 'GET') return renderCheckoutPage(ctx, session);
  if (method !== 'POST') return htmlReply(405, page('Method not allowed', '<h1>405</h1>'));
  const form = new URLSearchParams(body);
  const action = form.get('action') as CheckoutAction | null;
  if (!action || !ACTIONS.includes(action)) {
    return htmlReply(400, page('Bad request', '<h1>400</h1><p>Unknown action.</p>'));
  }
  if (session.status !== 'open' && action !== 'cancel')
    return redirectReply(checkoutPageUrl(ctx.render.origin, session.id));
  try {
    return redirectReply(checkoutAction(ctx, session, action, form.get('email')?.trim() || undefined));
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return htmlReply(400, page('Error', `<h1 class="error">エラー / Error</h1><p>${escapeHtml(error.message)}</p>`));
  }
}

const STATUS_LABELS: Record<string, string> = {
  active: '有効 / Active',
  past_due: '支払い遅延 / Past due',
  unpaid: '未払い / Unpaid',
  canceled: '解約済み / Canceled',
  incomplete: '未完了 / Incomplete',
  incomplete_expired: '期限切れ / Expired',
};

function renderSubscriptionBox(
  ctx: FakeContext,
  portal: PortalSessionRecord,
  subscription: SubscriptionRecord,
): string {
  const price = ctx.store.prices.get(subscription.priceId);
  const period = currentPeriod(subscription);
  const live = ['active', 'past_due', 'unpaid'].includes(subscription.status);
  let notice = '';
  if (live && subscription.cancelAtPeriodEnd) {
    notice = `<p>${escapeHtml(formatTime(period.end))} に解約されます / Cancels at the end of the period.</p>`;
  } else if (live) {
    notice = `<p>次回更新 / Renews: ${escapeHtml(formatTime(period.end))}</p>`;
  }
  const controls = live
    ? `<form method="post" action="/portal/${escapeHtml(portal.id)}">` +
      `<input type="hidden" name="subscription" value="${escapeHtml(subscription.id)}">` +
      (subscription.cancelAtPeriodEnd
        ? button('resume', '解約を取り消す / Resume subscription')
        : button('cancel', '期間終了時に解約 / Cancel at period end')) +
      '</form>'
    : '';
  return (
    `<div class="box"><strong>${escapeHtml(price?.name ?? subscription.priceId)}</strong> ` +
    `${formatYen((price?.unitAmount ?? 0) * subscription.quantity)} / 月 (month)<br>` +
    `<small>${escapeHtml(subscription.id)}</small><br>${escapeHtml(STATUS_LABELS[subscription.status] ?? subscription.status)}` +
    `${notice}${controls}</div>`
  );
}

function renderPortalPage(ctx: FakeContext, portal: PortalSessionRecord): HttpReply {
  const customer = ctx.store.customers.get(portal.customerId);
  if (!customer || customer.deleted) return notFound(`Customer ${portal.customerId} was deleted`);
  const subscriptions = ctx.store
    .subscriptionsOf(customer.id)
    .filter((subscription) => subscription.status !== 'incomplete' && subscription.status !== 'incomplete_expired')
    .sort((a, b) => b.created - a.created);
  const list =
    subscriptions.length === 0
      ? '<p>契約はありません / No subscriptions.</p>'
      : subscriptions.map((subscription) => renderSubscriptionBox(ctx, portal, subscription)).join('');
  const back = `<form method="post" action="/portal/${escapeHtml(portal.id)}">${button('return', '戻る / Return')}</form>`;
  const who = escapeHtml(customer.email ?? customer.name ?? customer.id);
  return htmlReply(200, page('Billing portal', `<h1>ご契約の管理 / Manage billing</h1><p>${who}</p>${list}${back}`));
}

export function handlePortalPage(ctx: FakeContext, method: string, sessionId: string, body: string): HttpReply {
  const portal = ctx.store.portalSessions.get(sessionId);
  if (!portal) return notFound(`Billing Portal session ${sessionId}`);
  if (method === 'GET') return renderPortalPage(ctx, portal);
  if (method !== 'POST') return htmlReply(405, page('Method not allowed', '<h1>405</h1>'));
  const form = new URLSearchParams(body);
  const action = form.get('action');
  const pageUrl = portalPageUrl(ctx.render.origin, portal.id);
  if (action === 'return') return redirectReply(portal.returnUrl ?? pageUrl);
  if (action !== 'cancel' && action !== 'resume') {
    return htmlReply(400, page('Bad request', '<h1>400</h1><p>Unknown action.</p>'));
  }
  const subscription = ctx.store.subscriptions.get(form.get('subscription') ?? '');
  if (!subscription || subscription.customerId !== portal.customerId) return notFound('Subscription');
  try {
    runOperation(ctx, AUTOMATIC, (op) => setCancelAtPeriodEnd(ctx, op, subscription, action === 'cancel'));
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return htmlReply(400, page('Error', `<h1 class="error">エラー / Error</h1><p>${escapeHtml(error.message)}</p>`));
  }
  return redirectReply(pageUrl);
}

const INVOICE_STATUS_LABELS: Record<string, string> = {
  paid: '支払い済み / Paid',
  open: '未払い / Open',
  void: '無効 / Void',
  uncollectible: '回収不能 / Uncollectible',
  draft: '下書き / Draft',
};

/** The hosted invoice page (`hosted_invoice_url`): read-only. */
export function handleInvoicePage(ctx: FakeContext, method: string, invoiceId: string): HttpReply {
  const invoice = ctx.store.invoices.get(invoiceId);
  if (!invoice) return notFound(`Invoice ${invoiceId}`);
  if (method !== 'GET') return htmlReply(405, page('Method not allowed', '<h1>405</h1>'));
  const price = ctx.store.prices.get(invoice.priceId);
  const body =
    `<h1>請求書 / Invoice ${escapeHtml(invoice.number)}</h1><div class="box">` +
    `<strong>${escapeHtml(price?.name ?? invoice.priceId)}</strong> ${formatYen(invoice.amount)}<br>` +
    `${escapeHtml(formatTime(invoice.linePeriodStart))} – ${escapeHtml(formatTime(invoice.linePeriodEnd))}<br>` +
    `${escapeHtml(INVOICE_STATUS_LABELS[invoice.status] ?? invoice.status)}</div>`;
  return htmlReply(200, page(`Invoice ${invoice.number}`, body));
}
