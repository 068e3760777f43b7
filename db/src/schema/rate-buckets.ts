import { bigint, doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
  // ChatWork's own count for its current window (X-RateLimit-Remaining until X-RateLimit-Reset),
  // lowered by every token taken since. When the same ChatWork token is also used elsewhere,
  // ChatWork's count is the lower one, and the bucket refilling must not hide that.
  windowRemaining: doublePrecision('window_remaining'),
  windowResetAt: timestamp('window_reset_at', { withTimezone: true, precision: 6 }),
  // Tokens ever taken. A post remembers the count at its take; when ChatWork's answer comes,
  // takes made after it (posts still in flight, which ChatWork may not have counted yet) are
  // subtracted from the remaining it reports.
  takenTotal: bigint('taken_total', { mode: 'number' }).notNull().default(0),
  // When the bucket can next give a token (null: now). Workers skip deliveries whose buckets are
  // not ready, instead of claiming them only to put them back.
  readyAt: timestamp('ready_at', { withTimezone: true, precision: 6 }),
});
