import type Stripe from 'stripe';
import { escapeHtml } from '../fake-server/html';
import { formatTime, page } from './html';
import type { WebhookDelivery, WebhookEndpoint } from './types';

/** Newest first, capped so a long sandbox session cannot make the page huge. */
const MAX_EVENTS = 100;

export interface DashboardInput {
  url: string;
  nowSec: number;
  endpoints: WebhookEndpoint[];
  subscriptions: Stripe.Subscription[];
  events: Stripe.Event[];
  deliveries: WebhookDelivery[];
}

function deliverySummary(deliveries: WebhookDelivery[]): string {
  if (deliveries.length === 0) return '<small>not sent</small>';
  return deliveries.map((delivery) => escapeHtml(String(delivery.status ?? delivery.error ?? '—'))).join(' → ');
}

/** What the sandbox shows at /__fake/: the clock, subscriptions, and every event with its deliveries. */
export function renderDashboard(input: DashboardInput): string {
  const endpoints =
    input.endpoints.length === 0
      ? '<p>Webhook endpoint なし / No webhook endpoint.</p>'
      : `<ul>${input.endpoints.map((endpoint) => `<li><code>${escapeHtml(endpoint.url)}</code></li>`).join('')}</ul>`;
  const subscriptions = input.subscriptions
    .map((subscription) => {
      const item = subscription.items.data[0];
      const ends = item ? formatTime(item.current_period_end) : '';
      const cancel = subscription.cancel_at_period_end ? ' · cancel at period end' : '';
      return `<li><code>${escapeHtml(subscription.id)}</code> ${escapeHtml(subscription.status)}${cancel} · until ${escapeHtml(ends)}</li>`;
    })
    .join('');
  const events = [...input.events]
    .reverse()
    .slice(0, MAX_EVENTS)
    .map((event) => {
      const sent = deliverySummary(input.deliveries.filter((delivery) => delivery.eventId === event.id));
      return `<li>${escapeHtml(formatTime(event.created))} <strong>${escapeHtml(event.type)}</strong> <code>${escapeHtml(event.id)}</code> · ${sent}</li>`;
    })
    .join('');
  return page(
    'Stripe fake',
    `<h1>Stripe fake</h1><p class="muted">API <code>${escapeHtml(input.url)}</code> · clock ${escapeHtml(formatTime(input.nowSec))}</p>` +
      `<h2>Webhooks</h2>${endpoints}<h2>Subscriptions</h2><ul>${subscriptions || '<li>none</li>'}</ul>` +
      `<h2>Events</h2><ol>${events || '<li>none</li>'}</ol>`,
  );
}
