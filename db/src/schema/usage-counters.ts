import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';
import { tenants } from './tenants';

// One row per tenant and calendar month (Asia/Tokyo, `YYYY-MM`), bumped in the same transaction
// that queues messages, so the quota check on every notification is a single-row update rather
// than a count over the delivery log.
export const usageCounters = pgTable(
  'usage_counters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    messages: integer('messages').notNull().default(0),
  },
  (table) => [tenantIsolation(table.tenantId), primaryKey({ columns: [table.tenantId, table.month] })],
);
