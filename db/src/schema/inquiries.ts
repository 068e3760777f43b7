import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';
import { tenants } from './tenants';

export const inquiryStatuses = ['open', 'closed'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

// Messages sent through the contact form. Kept 24 months after they are closed. The tenant is
// recorded when the sender was logged in; an inquiry outlives a deleted account (set null) so
// support history stays until its own retention ends.
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    message: text('message').notNull(),
    status: text('status').$type<InquiryStatus>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    tenantIsolation(table.tenantId),
    index('inquiries_status_idx').on(table.status, table.createdAt),
    index('inquiries_closed_idx').on(table.closedAt),
  ],
);
