import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';
import { tenants } from './tenants';

// Stripe's subscription as last fetched from Stripe (never from an event's possibly stale copy).
// One paid subscription per tenant.
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    stripeSubscriptionId: text('stripe_subscription_id').notNull().unique(),
    planCode: text('plan_code').notNull(),
    // Stripe's status: active, trialing, past_due, unpaid, canceled, incomplete, …
    status: text('status').notNull(),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [tenantIsolation(table.tenantId)],
);
