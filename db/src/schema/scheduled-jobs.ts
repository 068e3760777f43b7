import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Periodic jobs (retention) run once per period across all relay instances: the instance that
// moves last_started_at forward runs it; the others see it already moved.
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull(),
});
