import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';

export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    // Plan codes live in the relay's plan catalogue; the database only records the choice.
    planCode: text('plan_code').notNull().default('free'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Set when the owner deletes the account: keys are revoked at once, and every row of the
    // tenant is purged once purge_after has passed (30 days, so a mistake can still be undone).
    deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
  },
  (table) => [tenantIsolation(table.id)],
);
