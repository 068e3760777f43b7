import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';

export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    // Plan codes live in the relay's plan catalogue; the database only records the choice. This is
    // the plan in force, kept up to date from Stripe (billing_subscriptions holds Stripe's view).
    planCode: text('plan_code').notNull().default('free'),
    // 'active', or 'past_due' after a failed payment: the paid plan keeps working until
    // plan_grace_until, then only the free quota applies until Stripe reports a payment.
    planStatus: text('plan_status').notNull().default('active'),
    planGraceUntil: timestamp('plan_grace_until', { withTimezone: true }),
    stripeCustomerId: text('stripe_customer_id').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Set when the owner deletes the account: keys are revoked at once, and every row of the
    // tenant is purged once purge_after has passed (30 days, so a mistake can still be undone).
    deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
  },
  (table) => [tenantIsolation(table.id)],
);
