import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { pgPolicy, pgRole } from 'drizzle-orm/pg-core';

/** Created by migration 0004 (roles are cluster-wide, so drizzle-kit does not manage it). */
export const relayApp = pgRole('relay_app').existing();

// `app.tenant_id` is set per transaction (set_config(…, true)); outside one it reads as '' and
// nothing matches, so a tenant-scoped query without a tenant sees no rows at all.
const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Row Level Security for a tenant-owned table: while a transaction runs as relay_app, only the
 * current tenant's rows are visible or writable — even to a query that forgot its tenant filter.
 */
export function tenantIsolation(tenantColumn: AnyPgColumn) {
  return pgPolicy('tenant_isolation', {
    as: 'permissive',
    to: relayApp,
    for: 'all',
    using: sql`${tenantColumn} = ${currentTenant}`,
    withCheck: sql`${tenantColumn} = ${currentTenant}`,
  });
}
