import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';
import { tenants } from './tenants';

// The key itself is shown once at creation; only its SHA-256 is stored, with the last
// characters kept as a hint so an administrator can tell keys apart.
export const connectionKeys = pgTable(
  'connection_keys',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    keyHash: text('key_hash').notNull(),
    hint: text('hint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    tenantIsolation(table.tenantId),
    uniqueIndex('connection_keys_hash_key').on(table.keyHash),
    index('connection_keys_tenant_idx').on(table.tenantId),
  ],
);
