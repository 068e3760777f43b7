import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Fixed-window counters for request rate limits and failed-login throttling, shared by every
// relay instance. Keys name what is counted (`ip:…`, `tenant:…`, `login:…` with hashed e-mails),
// never a secret.
export const requestCounters = pgTable(
  'request_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);
