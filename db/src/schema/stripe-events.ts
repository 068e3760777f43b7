import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Stripe delivers webhooks at least once: an event id seen here has been processed already.
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
