import type { SQL } from 'drizzle-orm';
import type { Db } from './types';

/**
 * Runs raw SQL and returns its rows. postgres.js answers with an array of rows and PGlite with
 * `{ rows }`; callers of raw SQL should not have to know which driver is underneath.
 */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: unknown[] }).rows ?? []) as Row[];
}
