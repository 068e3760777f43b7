import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';

// 'held': waiting for the tenant to fix something (a ChatWork token that was rejected or is missing);
// it goes back to 'queued' when they do, without spending attempts.
export const deliveryStatuses = ['queued', 'sending', 'delivered', 'failed', 'held'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

// The outbox and the delivery log in one table: a row is queued work until it is final, then it
// is the log entry. The message body is erased once the delivery is final; the rest is the summary.
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    // No foreign key on purpose: every insert would share-lock the tenant's row, and concurrent
    // notifications of one tenant would then pile up on it (multixacts). The purge deletes these
    // rows itself (purgeTenant).
    tenantId: uuid('tenant_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    appId: text('app_id').notNull(),
    recordId: text('record_id').notNull(),
    event: text('event').notNull(),
    ruleId: text('rule_id').notNull(),
    ruleName: text('rule_name').notNull(),
    roomId: text('room_id').notNull(),
    body: text('body'),
    status: text('status').$type<DeliveryStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // While a worker holds a delivery it is 'sending' with a lease; a lease that runs out means
    // the worker died, and the delivery is taken again.
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    chatworkMessageId: text('chatwork_message_id'),
    // Set when the message went out combined with others in one digest post; every delivery of
    // the digest shares it (and the ChatWork message id).
    digestId: uuid('digest_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    tenantIsolation(table.tenantId),
    uniqueIndex('deliveries_idempotency_key').on(table.tenantId, table.idempotencyKey),
    index('deliveries_due_idx').on(table.nextAttemptAt).where(sql`status = 'queued'`),
    index('deliveries_lease_idx').on(table.leaseExpiresAt).where(sql`status = 'sending'`),
    index('deliveries_tenant_created_idx').on(table.tenantId, table.createdAt),
    // The per-room backlog a digest is built from, oldest first.
    index('deliveries_room_queue_idx').on(table.tenantId, table.roomId, table.createdAt).where(sql`status = 'queued'`),
    // Retention deletes by age across all tenants.
    index('deliveries_created_idx').on(table.createdAt),
  ],
);
