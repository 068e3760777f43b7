export { DataDirLockedError } from './data-dir-lock';
export { type OpenDbOptions, openDb } from './open-db';
export { openPglite } from './open-pglite';
export { migratePostgres, openPostgres } from './open-postgres';
export { queryRows } from './query-rows';
export * from './schema/index';
export type { Database, DatabaseDriver, Db } from './types';
export { withTenant } from './with-tenant';
