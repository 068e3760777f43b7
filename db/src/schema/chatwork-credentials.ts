import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from './tenant-isolation';
import { tenants } from './tenants';

// One ChatWork API token per tenant. The token is stored as `v1.<keyId>.<payload>` (AES-256-GCM,
// tenant id as associated data) and is never returned in clear by any API.
export const chatworkCredentials = pgTable(
  'chatwork_credentials',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    tokenCiphertext: text('token_ciphertext').notNull(),
    tokenHint: text('token_hint').notNull(),
    accountId: text('account_id').notNull(),
    accountName: text('account_name').notNull(),
    // The rate bucket of this token (`token:<hash>`), so workers can tell from the database alone
    // whether a tenant's deliveries may go now.
    tokenBucketKey: text('token_bucket_key'),
    // 'active', or 'invalid' once ChatWork has answered 401 for it.
    status: text('status').notNull().default('active'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [tenantIsolation(table.tenantId)],
);
