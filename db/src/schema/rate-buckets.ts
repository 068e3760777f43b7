import { doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Token buckets for ChatWork's limits: one per API token (`token:<hash>`) and one per room
// (`room:<id>`). They live in the database so every relay instance draws from the same budget.
export const rateBuckets = pgTable('rate_buckets', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  capacity: doublePrecision('capacity').notNull(),
  refillPerSecond: doublePrecision('refill_per_second').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 6 }).notNull().defaultNow(),
  // Set from ChatWork's own answer (429, or X-RateLimit-Remaining at 0): nothing is taken before it.
  blockedUntil: timestamp('blocked_until', { withTimezone: true, precision: 6 }),
});
