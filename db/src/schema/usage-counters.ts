import { integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';

// Messages per tenant and calendar month (Asia/Tokyo, `YYYY-MM`), counted in the transaction that
// queues them, so the quota check is a sum over a handful of rows rather than a count over the
// log. The count is spread over a few shards: one row per tenant would make every notification
// of a busy tenant wait for the previous one's commit.
export const usageCounters = pgTable(
  'usage_counters',
  {
    // No foreign key on purpose: every insert would share-lock the tenant's row, and concurrent
    // notifications of one tenant would then pile up on it (multixacts). The purge deletes these
    // rows itself (purgeTenant).
    tenantId: uuid('tenant_id').notNull(),
    month: text('month').notNull(),
    shard: smallint('shard').notNull().default(0),
    messages: integer('messages').notNull().default(0),
  },
  (table) => [tenantIsolation(table.tenantId), primaryKey({ columns: [table.tenantId, table.month, table.shard] })],
);
